package com.classifiedbilling.auth.oauth.grant;

import reactor.core.publisher.Mono;

/**
 * Slows down guessing of API keys on the consent page: each approval takes an attempt from the
 * sender's address, a right key gives it back, so only wrong keys use the allowance up. Shared by
 * every instance where the rate limits are.
 */
public interface ConsentThrottle {

    /** Takes an attempt for this address; {@code false} when its wrong keys used the allowance up. */
    Mono<Boolean> tryAttempt(String address);

    /** Gives back the attempt of an approval whose key was right. */
    Mono<Void> succeeded(String address);
}
