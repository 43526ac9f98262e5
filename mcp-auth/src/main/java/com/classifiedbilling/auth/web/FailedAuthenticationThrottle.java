package com.classifiedbilling.auth.web;

import reactor.core.publisher.Mono;

/**
 * Bounds the work that failed authentications from one address can cause: once an address has
 * failed too often, its credentials are not looked up again until its window has passed. Asking
 * costs no round trip (only failures are counted, where the rate limits are kept), so a caller
 * whose credential is good pays nothing for it.
 */
public interface FailedAuthenticationThrottle {

    /** Seconds this address must wait before its credentials are checked again; 0 when it may go on. */
    long retryAfterSeconds(String address);

    /** Counts a failed authentication from this address. Never fails. */
    Mono<Void> failed(String address);
}
