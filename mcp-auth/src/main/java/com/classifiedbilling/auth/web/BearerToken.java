package com.classifiedbilling.auth.web;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A bearer credential as sent, not yet checked. Its text never appears in {@link #toString()}. */
final class BearerToken extends AbstractAuthenticationToken {

    private final String token;

    BearerToken(String token) {
        super(List.of());
        this.token = token;
    }

    String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
