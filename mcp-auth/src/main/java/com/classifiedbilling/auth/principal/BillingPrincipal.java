package com.classifiedbilling.auth.principal;

import com.classifiedbilling.auth.user.Plan;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller.
 *
 * @param userId the user the credential belongs to
 * @param email the user's email
 * @param plan the user's plan, which sets the rate limits
 * @param kind how the caller authenticated
 * @param credentialId the API key's id or the token's id; never the secret itself
 * @param clientId the OAuth client, or {@code null} for an API key
 * @param scopes what the credential may do
 */
public record BillingPrincipal(
        String userId,
        String email,
        Plan plan,
        CredentialKind kind,
        String credentialId,
        String clientId,
        Set<Scope> scopes) {

    public BillingPrincipal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(credentialId, "credentialId");
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }
}
