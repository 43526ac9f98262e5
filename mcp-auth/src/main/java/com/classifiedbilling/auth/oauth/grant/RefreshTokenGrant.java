package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.Sha256;
import com.classifiedbilling.auth.oauth.GrantType;
import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.oauth.OAuthProperties;
import com.classifiedbilling.auth.oauth.client.ClientCredentials;
import com.classifiedbilling.auth.oauth.client.OAuthClient;
import com.classifiedbilling.auth.principal.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * {@code grant_type=refresh_token} (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC
 * 6749 §6</a>). Refresh tokens rotate on every use; an old one used again revokes the grant, except
 * within a short grace after its rotation, for a client that retries a refresh whose answer it lost
 * (OAuth 2.1 §4.3.1). A refresh may narrow the scopes, never widen them.
 */
@Component
final class RefreshTokenGrant implements TokenGrant<RefreshTokenGrant.Request> {

    /** A refresh as the form gives it; {@code scope} is {@code null} when not sent. */
    record Request(ClientCredentials client, String refreshToken, String scope) implements TokenRequest {

        @Override
        public String toString() {
            return "RefreshTokenGrant.Request[" + client + ", scope=" + scope + "]";
        }
    }

    private final GrantRepository grants;

    private final TokenIssuer issuer;

    private final Revocations revocations;

    private final OAuthProperties properties;

    private final Clock clock;

    RefreshTokenGrant(
            GrantRepository grants,
            TokenIssuer issuer,
            Revocations revocations,
            OAuthProperties properties,
            Clock clock) {
        this.grants = grants;
        this.issuer = issuer;
        this.revocations = revocations;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public GrantType type() {
        return GrantType.REFRESH_TOKEN;
    }

    @Override
    public Request read(MultiValueMap<String, String> form, ClientCredentials client) {
        return new Request(client, TokenGrant.required(form, "refresh_token", ""), form.getFirst("scope"));
    }

    @Override
    public Mono<TokenResponse> issue(Request request, Optional<OAuthClient> client, String base) {
        Instant now = clock.instant();
        return grants.findRefreshToken(Sha256.hex(request.refreshToken()))
                .switchIfEmpty(Mono.error(() -> OAuthException.invalidGrant("The refresh token is unknown.")))
                .flatMap(stored -> {
                    Grant grant = stored.grant();
                    if (!Objects.equals(
                            grant.clientId(), client.map(OAuthClient::id).orElse(null))) {
                        return Mono.error(
                                OAuthException.invalidGrant("The refresh token was issued to another client."));
                    }
                    if (stored.grantRevokedAt() != null) {
                        return Mono.error(OAuthException.invalidGrant("The grant was revoked."));
                    }
                    if (!stored.expiresAt().isAfter(now)) {
                        return Mono.error(OAuthException.invalidGrant("The refresh token has expired."));
                    }
                    Set<Scope> scopes;
                    try {
                        scopes = narrowed(grant.scopes(), request.scope());
                    } catch (OAuthException e) {
                        return Mono.error(e);
                    }
                    return grants.findLiveOwner(grant.id())
                            .switchIfEmpty(Mono.error(() -> OAuthException.invalidGrant(
                                    "The API key this access was approved with is revoked.")))
                            .then(rotate(stored, now))
                            .flatMap(replacement -> issuer.accessToken(grant, scopes, base, now)
                                    .map(access -> issuer.response(access, replacement, scopes)));
                });
    }

    /**
     * Makes the replacement of a refresh token and marks the old one rotated. The old token may
     * be used again only within the grace, and only while its replacement is unused; then the
     * replacement is rotated in its stead. Any other reuse revokes the grant.
     */
    private Mono<String> rotate(GrantRepository.RefreshToken stored, Instant now) {
        TokenIssuer.RefreshSecret replacement = issuer.newRefreshToken();
        Mono<Boolean> rotated;
        if (stored.rotatedAt() == null) {
            rotated = grants.rotate(stored.tokenHash(), replacement.hash(), now);
        } else if (stored.replacedBy() != null
                && !stored.rotatedAt().plus(properties.refreshReuseGrace()).isBefore(now)) {
            rotated = grants.rotate(stored.replacedBy(), replacement.hash(), now);
        } else {
            rotated = Mono.just(false);
        }
        return issuer.store(replacement, stored.grant().id(), now)
                .then(rotated)
                .flatMap(ok -> ok
                        ? Mono.just(replacement.secret())
                        : revocations
                                .revokeGrant(stored.grant().id())
                                .then(Mono.error(OAuthException.invalidGrant(
                                        "The refresh token was already used; the grant is revoked."))));
    }

    private static Set<Scope> narrowed(Set<Scope> granted, String requested) {
        if (requested == null || requested.isBlank()) {
            return granted;
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        scopes.addAll(Scope.parse(requested));
        if (scopes.isEmpty() || !granted.containsAll(scopes)) {
            throw new OAuthException(
                    HttpStatus.BAD_REQUEST, "invalid_scope", "A refresh may only ask for scopes the grant holds.");
        }
        return scopes;
    }
}
