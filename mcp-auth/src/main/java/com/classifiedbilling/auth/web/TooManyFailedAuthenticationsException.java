package com.classifiedbilling.auth.web;

import org.springframework.security.core.AuthenticationException;

/** A credential not looked up because its sender's address failed too often lately. */
public final class TooManyFailedAuthenticationsException extends AuthenticationException {

    private final long retryAfterSeconds;

    TooManyFailedAuthenticationsException(long retryAfterSeconds) {
        super("Too many failed authentications from this address. Retry after " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
