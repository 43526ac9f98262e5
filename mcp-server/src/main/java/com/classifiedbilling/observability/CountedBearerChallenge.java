package com.classifiedbilling.observability;

import com.classifiedbilling.auth.web.BearerChallenge;
import com.classifiedbilling.auth.web.TooManyFailedAuthenticationsException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer challenge, counting each refusal in {@code billing.authentication.failures} by kind:
 * {@code missing} (no credential where one is needed), {@code invalid} (unknown, revoked, expired
 * or malformed), {@code throttled} (the address failed too often lately) and {@code unavailable}
 * (the credential store did not answer). The answers themselves are {@link BearerChallenge}'s.
 */
public final class CountedBearerChallenge
        implements ServerAuthenticationEntryPoint, ServerAuthenticationFailureHandler {

    static final String FAILURES = "billing.authentication.failures";

    private final BearerChallenge challenge;

    private final Counter missing;

    private final Counter invalid;

    private final Counter throttled;

    private final Counter unavailable;

    public CountedBearerChallenge(BearerChallenge challenge, MeterRegistry meters) {
        this.challenge = challenge;
        this.missing = counter(meters, "missing");
        this.invalid = counter(meters, "invalid");
        this.throttled = counter(meters, "throttled");
        this.unavailable = counter(meters, "unavailable");
    }

    private static Counter counter(MeterRegistry meters, String kind) {
        return Counter.builder(FAILURES)
                .description("Requests refused before any tool, by why their credential was not taken")
                .tag("kind", kind)
                .register(meters);
    }

    /** A request that needs a credential and sent none. */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        missing.increment();
        return challenge.commence(exchange, failure);
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException failure) {
        if (failure instanceof AuthenticationServiceException) {
            unavailable.increment();
        } else if (failure instanceof TooManyFailedAuthenticationsException) {
            throttled.increment();
        } else {
            invalid.increment();
        }
        return challenge.onAuthenticationFailure(exchange, failure);
    }
}
