package com.classifiedbilling.auth.oauth.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a client proves itself at the token endpoint
 * (<a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2</a>).
 */
public enum ClientAuthMethod {
    /** A public client: no secret; PKCE is its only proof. */
    NONE("none"),
    /** The secret as the {@code client_secret} form field (Claude registers this way). */
    CLIENT_SECRET_POST("client_secret_post"),
    /** The secret in {@code Authorization: Basic}. */
    CLIENT_SECRET_BASIC("client_secret_basic");

    private final String value;

    ClientAuthMethod(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ClientAuthMethod> fromValue(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }
}
