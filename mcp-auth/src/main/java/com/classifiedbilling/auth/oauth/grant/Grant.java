package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.principal.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One user's approval of one client, made with one API key. Codes, refresh tokens and access
 * tokens all belong to a grant; revoking it, or the API key, ends them all.
 *
 * @param id the grant's id, carried in its access tokens
 * @param userId who approved
 * @param apiKeyId the API key pasted on the consent page
 * @param clientId the registered client, or {@code null} for the API page's flow without one
 * @param redirectUri the exact redirect URI of the authorization request
 * @param scopes what was granted: the requested scopes that the key allows
 * @param resource the audience of the access tokens (RFC 8707)
 * @param createdAt when the user approved
 */
public record Grant(
        String id,
        String userId,
        String apiKeyId,
        String clientId,
        String redirectUri,
        Set<Scope> scopes,
        String resource,
        Instant createdAt) {

    public Grant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(resource, "resource");
        scopes = Set.copyOf(scopes);
    }
}
