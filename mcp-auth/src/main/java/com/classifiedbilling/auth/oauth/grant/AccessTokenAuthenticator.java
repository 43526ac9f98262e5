package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.Sha256;
import com.classifiedbilling.auth.oauth.OAuthProperties;
import com.classifiedbilling.auth.oauth.PublicUrls;
import com.classifiedbilling.auth.oauth.jwt.AccessTokenClaims;
import com.classifiedbilling.auth.oauth.jwt.AccessTokens;
import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.principal.CredentialKind;
import com.classifiedbilling.auth.principal.Scope;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves an access token to its caller. The JWT is checked first, in memory (signature, issuer,
 * audience, expiry), so a forged, foreign or expired token never reaches the database. Then its
 * grant must be live: not revoked, and approved with an API key that is not revoked. Grant
 * liveness is cached for {@link OAuthProperties#grantCacheTtl()}, which bounds how long a
 * revocation on another instance takes to reach this one.
 */
@Component
public final class AccessTokenAuthenticator {

    private final AccessTokens tokens;

    private final Clock clock;

    private final PublicUrls urls;

    /** Tokens whose signature was checked, by SHA-256: verifying ES256 costs more than a lookup. */
    private final Cache<String, AccessTokenClaims> verified;

    private final AsyncLoadingCache<String, Optional<GrantOwner>> owners;

    AccessTokenAuthenticator(
            AccessTokens tokens, GrantRepository grants, OAuthProperties properties, PublicUrls urls, Clock clock) {
        this.tokens = tokens;
        this.urls = urls;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofMinutes(10))
                .build();
        this.owners = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.grantCacheTtl())
                .buildAsync((grantId, executor) -> grants.findLiveOwner(grantId)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .toFuture());
    }

    /**
     * The caller of an access token presented to the server at this base URL; empty when the token
     * is not valid here. Fails only when the database cannot be asked.
     */
    public Mono<BillingPrincipal> authenticate(String token, String base) {
        if (base == null) {
            // presented at a Host that may not name the issuer: no token of ours was issued there
            return Mono.empty();
        }
        return claims(token, base)
                .filter(claims -> claims.expiresAt().isAfter(clock.instant()))
                .flatMap(claims -> Mono.fromFuture(() -> owners.get(claims.grantId()), true)
                        .flatMap(Mono::justOrEmpty)
                        .filter(owner -> owner.userId().equals(claims.subject()))
                        .map(owner -> principal(claims, owner)));
    }

    /** Forgets what is cached for a grant, so that its revocation takes effect here at once. */
    void evict(String grantId) {
        owners.synchronous().invalidate(grantId);
    }

    private Mono<AccessTokenClaims> claims(String token, String base) {
        String key = Sha256.hex(token);
        AccessTokenClaims known = verified.getIfPresent(key);
        if (known != null) {
            return known.issuer().equals(base) ? Mono.just(known) : Mono.empty();
        }
        return tokens.verify(token, base, urls.resources(base)).doOnNext(claims -> verified.put(key, claims));
    }

    private static BillingPrincipal principal(AccessTokenClaims claims, GrantOwner owner) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        scopes.addAll(claims.scopes());
        scopes.retainAll(owner.scopes());
        return new BillingPrincipal(
                owner.userId(),
                owner.email(),
                owner.plan(),
                CredentialKind.OAUTH_TOKEN,
                owner.grantId(),
                claims.clientId(),
                scopes);
    }
}
