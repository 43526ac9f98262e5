package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.Sha256;
import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.oauth.PublicUrls;
import com.classifiedbilling.auth.oauth.client.ClientCredentials;
import com.classifiedbilling.auth.oauth.client.ClientService;
import com.classifiedbilling.auth.oauth.client.OAuthClient;
import com.classifiedbilling.auth.oauth.jwt.AccessTokens;
import java.time.Clock;
import java.util.Objects;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Ending grants: on request (<a href="https://www.rfc-editor.org/rfc/rfc7009">RFC 7009</a>,
 * revoking either kind of token ends the whole grant), and when a grant sees a code or refresh
 * token replayed. This instance forgets the grant at once; others within the grant cache's time.
 */
@Component
final class Revocations {

    private final ClientService clients;

    private final GrantRepository grants;

    private final AccessTokens accessTokens;

    private final AccessTokenAuthenticator authenticator;

    private final PublicUrls urls;

    private final Clock clock;

    Revocations(
            ClientService clients,
            GrantRepository grants,
            AccessTokens accessTokens,
            AccessTokenAuthenticator authenticator,
            PublicUrls urls,
            Clock clock) {
        this.clients = clients;
        this.grants = grants;
        this.accessTokens = accessTokens;
        this.authenticator = authenticator;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * Revokes the grant behind a token (<a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.1">RFC
     * 7009 §2.1</a>). An unknown token is not an error; a token of another client is.
     */
    Mono<Void> revoke(String token, ClientCredentials credentials, String base) {
        if (token == null || token.isEmpty()) {
            return Mono.error(OAuthException.invalidRequest("token is required."));
        }
        return clients.authenticate(credentials)
                .flatMap(client -> grantOf(token, base).flatMap(grant -> {
                    if (!Objects.equals(
                            grant.clientId(), client.map(OAuthClient::id).orElse(null))) {
                        return Mono.error(OAuthException.invalidGrant("The token was issued to another client."));
                    }
                    return revokeGrant(grant.id());
                }));
    }

    /** Ends a grant and everything issued for it. */
    Mono<Void> revokeGrant(String grantId) {
        return grants.revoke(grantId, clock.instant())
                .doOnNext(revoked -> authenticator.evict(grantId))
                .then();
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
}
