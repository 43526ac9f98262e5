package com.classifiedbilling.auth.oauth.client;

import com.classifiedbilling.auth.oauth.GrantType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A registered client.
 *
 * @param id the {@code client_id}
 * @param name what the consent page shows
 * @param redirectUris the exact redirect URIs it may use
 * @param authMethod how it authenticates at the token endpoint
 * @param secretHash SHA-256 of its secret, or {@code null} for a public client
 * @param grantTypes {@code authorization_code}, and {@code refresh_token} if it takes refresh tokens
 * @param createdAt when it registered
 * @param unusedExpiresAt when it is forgotten unless a user approves it first; {@code null} once one did
 * @param applicationType {@code native} or {@code web} as the client said, or {@code null}
 * @param documentHost for a client known by its metadata document, the host that document came from
 *     (the consent page shows it); {@code null} for a registered client
 */
public record OAuthClient(
        String id,
        String name,
        List<String> redirectUris,
        ClientAuthMethod authMethod,
        String secretHash,
        Set<String> grantTypes,
        Instant createdAt,
        Instant unusedExpiresAt,
        ApplicationType applicationType,
        String documentHost) {

    public OAuthClient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authMethod, "authMethod");
        redirectUris = List.copyOf(redirectUris);
        grantTypes = Set.copyOf(grantTypes);
        if ((authMethod == ClientAuthMethod.NONE) != (secretHash == null)) {
            throw new IllegalArgumentException("A client has a secret exactly when it is confidential");
        }
    }

    public boolean confidential() {
        return authMethod != ClientAuthMethod.NONE;
    }

    public boolean takesRefreshTokens() {
        return grantTypes.contains(GrantType.REFRESH_TOKEN.value());
    }
}
