package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.Sha256;
import com.classifiedbilling.auth.oauth.GrantType;
import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.oauth.client.ClientCredentials;
import com.classifiedbilling.auth.oauth.client.OAuthClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * {@code grant_type=authorization_code} (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC
 * 6749 §4.1.3</a>, PKCE per <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.6">RFC 7636
 * §4.6</a>). A code is redeemed once; a second redemption revokes the whole grant, as OAuth 2.1
 * §4.1.3 advises, since either the client or an attacker holds a copy.
 */
@Component
final class AuthorizationCodeGrant implements TokenGrant<AuthorizationCodeGrant.Request> {

    /** A code redemption as the form gives it; {@code resource} is {@code null} when not sent. */
    record Request(ClientCredentials client, String code, String redirectUri, String codeVerifier, String resource)
            implements TokenRequest {

        @Override
        public String toString() {
            return "AuthorizationCodeGrant.Request[" + client + ", redirectUri=" + redirectUri + "]";
        }
    }

    private final GrantRepository grants;

    private final TokenIssuer issuer;

    private final Revocations revocations;

    private final Clock clock;

    AuthorizationCodeGrant(GrantRepository grants, TokenIssuer issuer, Revocations revocations, Clock clock) {
        this.grants = grants;
        this.issuer = issuer;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Override
    public GrantType type() {
        return GrantType.AUTHORIZATION_CODE;
    }

    @Override
    public Request read(MultiValueMap<String, String> form, ClientCredentials client) {
        return new Request(
                client,
                TokenGrant.required(form, "code", ""),
                TokenGrant.required(form, "redirect_uri", ""),
                TokenGrant.required(form, "code_verifier", " (PKCE)"),
                form.getFirst("resource"));
    }

    @Override
    public Mono<TokenResponse> issue(Request request, Optional<OAuthClient> client, String base) {
        Instant now = clock.instant();
        return grants.redeemCode(Sha256.hex(request.code()), now)
                .switchIfEmpty(Mono.error(() -> OAuthException.invalidGrant("The code is unknown.")))
                .flatMap(redemption -> {
                    if (redemption instanceof GrantRepository.CodeRedemption.Redeemed redeemed) {
                        return checked(redeemed, request, client, now)
                                .flatMap(grant -> first(grant, client, base, now));
                    }
                    String grantId = ((GrantRepository.CodeRedemption.Replayed) redemption).grantId();
                    return revocations
                            .revokeGrant(grantId)
                            .then(Mono.error(OAuthException.invalidGrant(
                                    "The code was already used; every token issued for it is revoked.")));
                });
    }

    /** The code's grant if the request matches what the code was issued for. */
    private static Mono<Grant> checked(
            GrantRepository.CodeRedemption.Redeemed redeemed,
            Request request,
            Optional<OAuthClient> client,
            Instant now) {
        Grant grant = redeemed.grant();
        if (!redeemed.expiresAt().isAfter(now)) {
            return Mono.error(OAuthException.invalidGrant("The code has expired."));
        }
        if (!Objects.equals(grant.clientId(), client.map(OAuthClient::id).orElse(null))) {
            return Mono.error(OAuthException.invalidGrant("The code was issued to another client."));
        }
        if (!grant.redirectUri().equals(request.redirectUri())) {
            return Mono.error(OAuthException.invalidGrant("redirect_uri differs from the authorization request's."));
        }
        if (request.resource() != null && !request.resource().equals(grant.resource())) {
            return Mono.error(new OAuthException(
                    HttpStatus.BAD_REQUEST, "invalid_target", "resource differs from the authorization request's."));
        }
        if (!Pkce.verify(redeemed.codeChallenge(), request.codeVerifier())) {
            return Mono.error(OAuthException.invalidGrant("code_verifier does not match the challenge."));
        }
        return Mono.just(grant);
    }

    /** The first tokens of a grant; a refresh token too unless the client registered without that grant type. */
    private Mono<TokenResponse> first(Grant grant, Optional<OAuthClient> client, String base, Instant now) {
        if (!client.map(OAuthClient::takesRefreshTokens).orElse(true)) {
            return issuer.accessToken(grant, grant.scopes(), base, now)
                    .map(access -> issuer.response(access, null, grant.scopes()));
        }
        TokenIssuer.RefreshSecret refresh = issuer.newRefreshToken();
        return issuer.store(refresh, grant.id(), now)
                .then(issuer.accessToken(grant, grant.scopes(), base, now))
                .map(access -> issuer.response(access, refresh.secret(), grant.scopes()));
    }
}
