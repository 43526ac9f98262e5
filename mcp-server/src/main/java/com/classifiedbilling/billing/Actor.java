package com.classifiedbilling.billing;

import java.util.Objects;

/**
 * Who is acting, as the audit log records it.
 *
 * @param userId the user
 * @param credentialId the API key or token id used (never the secret), or {@code null} for the CLI
 * @param clientId the OAuth client or tool that called, or {@code null}
 */
public record Actor(String userId, String credentialId, String clientId) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
    }
}
