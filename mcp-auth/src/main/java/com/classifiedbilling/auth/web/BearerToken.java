package com.classifiedbilling.auth.web;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A bearer credential as sent, not yet checked. Its text never appears in {@link #toString()}. */
final class BearerToken extends AbstractAuthenticationToken {

    private final String token;

    private final String base;

    private final String address;

    /**
     * @param token the credential as sent
     * @param base the public base URL the request came to: an access token must have been issued
     *     by it and for one of its resources; {@code null} when the request's Host may not name
     *     the issuer (then no access token is valid, and an API key still is)
     * @param address the sender's address, which failed authentications are counted against
     */
    BearerToken(String token, String base, String address) {
        super(List.of());
        this.token = token;
        this.base = base;
        this.address = address;
    }

    String address() {
        return address;
    }

    String token() {
        return token;
    }

    String base() {
        return base;
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
