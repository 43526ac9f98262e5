package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.RandomIds;
import com.classifiedbilling.auth.Sha256;
import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.oauth.OAuthProperties;
import com.classifiedbilling.auth.oauth.PublicUrls;
import com.classifiedbilling.auth.oauth.client.ClientCredentials;
import com.classifiedbilling.auth.oauth.client.ClientService;
import com.classifiedbilling.auth.oauth.client.OAuthClient;
import com.classifiedbilling.auth.oauth.jwt.AccessTokenClaims;
import com.classifiedbilling.auth.oauth.jwt.AccessTokens;
import com.classifiedbilling.auth.principal.Scope;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * The token endpoint's rules (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC
 * 6749 §4.1.3</a>, <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">§6</a>) and
 * revocation (<a href="https://www.rfc-editor.org/rfc/rfc7009">RFC 7009</a>). A code is redeemed
 * once; a second redemption revokes the whole grant, as OAuth 2.1 §4.1.3 advises. Refresh tokens
 * rotate on every use; an old one used again revokes the grant, except within a short grace after
 * its rotation, for a client that retries a refresh whose answer it lost.
 */
@Service
public final class TokenService {

    private final ClientService clients;

    private final GrantRepository grants;

    private final AccessTokens accessTokens;

    private final AccessTokenAuthenticator authenticator;

    private final OAuthProperties properties;

    private final PublicUrls urls;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    private final RandomIds ids = new RandomIds(random);

    TokenService(
            ClientService clients,
            GrantRepository grants,
            AccessTokens accessTokens,
            AccessTokenAuthenticator authenticator,
            OAuthProperties properties,
            PublicUrls urls,
            Clock clock) {
        this.urls = urls;
        this.clients = clients;
        this.grants = grants;
        this.accessTokens = accessTokens;
        this.authenticator = authenticator;
        this.properties = properties;
        this.clock = clock;
    }

    /** Answers a token request made to the server at this base URL. */
    public Mono<TokenResponse> token(MultiValueMap<String, String> form, ClientCredentials credentials, String base) {
        String grantType = form.getFirst("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            return Mono.error(OAuthException.invalidRequest("grant_type is required."));
        }
        return switch (grantType) {
            case OAuthClient.AUTHORIZATION_CODE ->
                clients.authenticate(credentials).flatMap(client -> redeemCode(form, client, base));
            case OAuthClient.REFRESH_TOKEN ->
                clients.authenticate(credentials).flatMap(client -> refresh(form, client, base));
            default ->
                Mono.error(new OAuthException(
                        HttpStatus.BAD_REQUEST,
                        "unsupported_grant_type",
                        "grant_type must be authorization_code or refresh_token."));
        };
    }

    private Mono<TokenResponse> redeemCode(
            MultiValueMap<String, String> form, Optional<OAuthClient> client, String base) {
        String code = form.getFirst("code");
        String redirectUri = form.getFirst("redirect_uri");
        String verifier = form.getFirst("code_verifier");
        if (code == null || code.isEmpty()) {
            return Mono.error(OAuthException.invalidRequest("code is required."));
        }
        if (redirectUri == null || redirectUri.isEmpty()) {
            return Mono.error(OAuthException.invalidRequest("redirect_uri is required."));
        }
        if (verifier == null || verifier.isEmpty()) {
            return Mono.error(OAuthException.invalidRequest("code_verifier is required (PKCE)."));
        }
        Instant now = clock.instant();
        return grants.redeemCode(Sha256.hex(code), now)
                .switchIfEmpty(Mono.error(() -> OAuthException.invalidGrant("The code is unknown.")))
                .flatMap(redemption -> {
                    if (redemption instanceof GrantRepository.CodeRedemption.Redeemed redeemed) {
                        return checked(redeemed, form, client, redirectUri, verifier, now)
                                .flatMap(grant -> issue(grant, client, base, now));
                    }
                    String grantId = ((GrantRepository.CodeRedemption.Replayed) redemption).grantId();
                    return revoke(grantId)
                            .then(Mono.error(OAuthException.invalidGrant(
                                    "The code was already used; every token issued for it is revoked.")));
                });
    }

    /** The code's grant if the token request matches what the code was issued for. */
    private static Mono<Grant> checked(
            GrantRepository.CodeRedemption.Redeemed redeemed,
            MultiValueMap<String, String> form,
            Optional<OAuthClient> client,
            String redirectUri,
            String verifier,
            Instant now) {
        Grant grant = redeemed.grant();
        String resource = form.getFirst("resource");
        if (!redeemed.expiresAt().isAfter(now)) {
            return Mono.error(OAuthException.invalidGrant("The code has expired."));
        }
        if (!Objects.equals(grant.clientId(), client.map(OAuthClient::id).orElse(null))) {
            return Mono.error(OAuthException.invalidGrant("The code was issued to another client."));
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            return Mono.error(OAuthException.invalidGrant("redirect_uri differs from the authorization request's."));
        }
        if (resource != null && !resource.equals(grant.resource())) {
            return Mono.error(new OAuthException(
                    HttpStatus.BAD_REQUEST, "invalid_target", "resource differs from the authorization request's."));
        }
        if (!Pkce.verify(redeemed.codeChallenge(), verifier)) {
            return Mono.error(OAuthException.invalidGrant("code_verifier does not match the challenge."));
        }
        return Mono.just(grant);
    }

    private Mono<TokenResponse> refresh(MultiValueMap<String, String> form, Optional<OAuthClient> client, String base) {
        String token = form.getFirst("refresh_token");
        if (token == null || token.isEmpty()) {
            return Mono.error(OAuthException.invalidRequest("refresh_token is required."));
        }
        Instant now = clock.instant();
        return grants.findRefreshToken(Sha256.hex(token))
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
                        scopes = narrowed(grant.scopes(), form.getFirst("scope"));
                    } catch (OAuthException e) {
                        return Mono.error(e);
                    }
                    return grants.findLiveOwner(grant.id())
                            .switchIfEmpty(Mono.error(() -> OAuthException.invalidGrant(
                                    "The API key this access was approved with is revoked.")))
                            .then(rotate(stored, now))
                            .flatMap(replacement -> accessToken(grant, scopes, base, now)
                                    .map(access -> response(access, replacement, scopes)));
                });
    }

    /**
     * Makes the replacement of a refresh token and marks the old one rotated. The old token may
     * be used again only within the grace, and only while its replacement is unused; then the
     * replacement is rotated in its stead. Any other reuse revokes the grant.
     */
    private Mono<String> rotate(GrantRepository.RefreshToken stored, Instant now) {
        String replacement = Sha256.newSecret(random, "cb_rt_");
        String replacementHash = Sha256.hex(replacement);
        Mono<Void> insert = grants.insertRefreshToken(
                replacementHash, stored.grant().id(), now, now.plus(properties.refreshTokenTtl()));
        Mono<Boolean> rotated;
        if (stored.rotatedAt() == null) {
            rotated = grants.rotate(stored.tokenHash(), replacementHash, now);
        } else if (stored.replacedBy() != null
                && !stored.rotatedAt().plus(properties.refreshReuseGrace()).isBefore(now)) {
            rotated = grants.rotate(stored.replacedBy(), replacementHash, now);
        } else {
            rotated = Mono.just(false);
        }
        return insert.then(rotated)
                .flatMap(ok -> ok
                        ? Mono.just(replacement)
                        : revoke(stored.grant().id())
                                .then(Mono.error(OAuthException.invalidGrant(
                                        "The refresh token was already used; the grant is revoked."))));
    }

    /** The first tokens of a grant; a refresh token too unless the client registered without that grant type. */
    private Mono<TokenResponse> issue(Grant grant, Optional<OAuthClient> client, String base, Instant now) {
        Set<Scope> scopes = grant.scopes();
        if (!client.map(OAuthClient::takesRefreshTokens).orElse(true)) {
            return accessToken(grant, scopes, base, now).map(access -> response(access, null, scopes));
        }
        String refresh = Sha256.newSecret(random, "cb_rt_");
        return grants.insertRefreshToken(Sha256.hex(refresh), grant.id(), now, now.plus(properties.refreshTokenTtl()))
                .then(accessToken(grant, scopes, base, now))
                .map(access -> response(access, refresh, scopes));
    }

    private Mono<String> accessToken(Grant grant, Set<Scope> scopes, String base, Instant now) {
        return accessTokens.sign(new AccessTokenClaims(
                base,
                grant.userId(),
                grant.resource(),
                grant.clientId() == null ? origin(grant.redirectUri()) : grant.clientId(),
                scopes,
                grant.id(),
                ids.next("at"),
                now,
                now.plus(properties.accessTokenTtl())));
    }

    private TokenResponse response(String access, String refresh, Set<Scope> scopes) {
        return new TokenResponse(
                access, "Bearer", properties.accessTokenTtl().toSeconds(), refresh, Scope.format(scopes));
    }

    /**
     * Revokes the grant behind a token (<a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.1">RFC
     * 7009 §2.1</a>): revoking either kind of token ends the whole grant. An unknown token is not
     * an error; a token of another client is.
     */
    public Mono<Void> revoke(String token, ClientCredentials credentials, String base) {
        if (token == null || token.isEmpty()) {
            return Mono.error(OAuthException.invalidRequest("token is required."));
        }
        return clients.authenticate(credentials)
                .flatMap(client -> grantOf(token, base).flatMap(grant -> {
                    if (!Objects.equals(
                            grant.clientId(), client.map(OAuthClient::id).orElse(null))) {
                        return Mono.error(OAuthException.invalidGrant("The token was issued to another client."));
                    }
                    return revoke(grant.id());
                }));
    }

    /** The grant behind an access or refresh token of this server; empty for any other token. */
    private Mono<Grant> grantOf(String token, String base) {
        if (AccessTokens.looksLikeJwt(token)) {
            return accessTokens
                    .verify(token, base, urls.resources(base))
                    .flatMap(claims -> grants.findGrant(claims.grantId()));
        }
        return grants.findRefreshToken(Sha256.hex(token)).map(GrantRepository.RefreshToken::grant);
    }

    private Mono<Void> revoke(String grantId) {
        return grants.revoke(grantId, clock.instant())
                .doOnNext(revoked -> authenticator.evict(grantId))
                .then();
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

    private static String origin(String redirectUri) {
        URI uri = URI.create(redirectUri);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
