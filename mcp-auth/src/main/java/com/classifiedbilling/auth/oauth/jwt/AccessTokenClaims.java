package com.classifiedbilling.auth.oauth.jwt;

import com.classifiedbilling.auth.principal.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What an access token says (the <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2.2">RFC
 * 9068 §2.2</a> profile).
 *
 * @param issuer {@code iss}: this server's issuer URL
 * @param subject {@code sub}: the user's id
 * @param audience {@code aud}: the resource the token is for
 * @param clientId {@code client_id}: the client it was issued to
 * @param scopes {@code scope}
 * @param grantId {@code grant_id}: the grant it belongs to, whose liveness decides its own
 * @param tokenId {@code jti}
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 */
public record AccessTokenClaims(
        String issuer,
        String subject,
        String audience,
        String clientId,
        Set<Scope> scopes,
        String grantId,
        String tokenId,
        Instant issuedAt,
        Instant expiresAt) {

    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        scopes = Set.copyOf(scopes);
    }
}
