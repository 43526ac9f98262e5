package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.RandomIds;
import com.classifiedbilling.auth.Sha256;
import com.classifiedbilling.auth.oauth.OAuthProperties;
import com.classifiedbilling.auth.oauth.jwt.AccessTokenClaims;
import com.classifiedbilling.auth.oauth.jwt.AccessTokens;
import com.classifiedbilling.auth.principal.Scope;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What every grant hands out: signed access tokens for a grant, new refresh tokens (kept as
 * SHA-256 only), and the token response (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC
 * 6749 §5.1</a>).
 */
@Component
final class TokenIssuer {

    private final GrantRepository grants;

    private final AccessTokens accessTokens;

    private final OAuthProperties properties;

    private final SecureRandom random = new SecureRandom();

    private final RandomIds ids = new RandomIds(random);

    TokenIssuer(GrantRepository grants, AccessTokens accessTokens, OAuthProperties properties) {
        this.grants = grants;
        this.accessTokens = accessTokens;
        this.properties = properties;
    }

    /** A signed access token for these scopes of the grant, issued by {@code base}. */
    Mono<String> accessToken(Grant grant, Set<Scope> scopes, String base, Instant now) {
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

    /** A new refresh token's secret and its hash; nothing is stored yet. */
    RefreshSecret newRefreshToken() {
        String secret = Sha256.newSecret(random, "cb_rt_");
        return new RefreshSecret(secret, Sha256.hex(secret));
    }

    /** Stores a refresh token of the grant, valid for the configured time from {@code now}. */
    Mono<Void> store(RefreshSecret refresh, String grantId, Instant now) {
        return grants.insertRefreshToken(refresh.hash(), grantId, now, now.plus(properties.refreshTokenTtl()));
    }

    TokenResponse response(String access, String refresh, Set<Scope> scopes) {
        return new TokenResponse(
                access, "Bearer", properties.accessTokenTtl().toSeconds(), refresh, Scope.format(scopes));
    }

    /** A refresh token as given to the client and as stored. */
    record RefreshSecret(String secret, String hash) {

        @Override
        public String toString() {
            return "RefreshSecret[redacted]";
        }
    }

    /** The client of the API page's flow without a client_id, named by its redirect URI's origin. */
    private static String origin(String redirectUri) {
        URI uri = URI.create(redirectUri);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
