package com.classifiedbilling.auth.oauth;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The grant types the token endpoint takes: the one list of them. The token endpoint has one class
 * per value (it checks at start that each has one), discovery advertises them, and registration
 * accepts them.
 */
public enum GrantType {
    /** A code from the consent page, with its PKCE verifier (RFC 6749 §4.1.3). */
    AUTHORIZATION_CODE("authorization_code"),
    /** A refresh token, rotated on every use (RFC 6749 §6). */
    REFRESH_TOKEN("refresh_token");

    private final String value;

    GrantType(String value) {
        this.value = value;
    }

    /** The {@code grant_type} value. */
    public String value() {
        return value;
    }

    public static Optional<GrantType> fromValue(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }

    /** Every {@code grant_type} value, in order. */
    public static List<String> supported() {
        return Arrays.stream(values()).map(GrantType::value).toList();
    }
}
