package com.classifiedbilling.auth.apikey;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.principal.CredentialKind;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves a raw API key to its owner. Lookups go through a cache keyed by the key's hash, so a
 * key used many times a second costs at most one query per {@link ApiKeyProperties#cacheTtl()};
 * concurrent first uses share one query. Misses are cached too, so a flood of made-up keys does
 * not become a flood of queries. A key revoked here is evicted at once.
 */
@Component
public final class ApiKeyAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticator.class);

    private final ApiKeyRepository keys;

    private final Clock clock;

    private final AsyncLoadingCache<String, Optional<ApiKeyOwner>> owners;

    /** Keys whose "last used" time was written recently; the value is unused. */
    private final Cache<String, Boolean> recentlyTouched;

    ApiKeyAuthenticator(ApiKeyRepository keys, ApiKeyProperties properties, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.owners = Caffeine.newBuilder()
                .maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.cacheTtl())
                .buildAsync((hash, executor) -> keys.findLiveOwner(hash)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .toFuture());
        this.recentlyTouched = Caffeine.newBuilder()
                .maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.touchInterval())
                .build();
    }

    /**
     * The principal for a raw key, or empty when the key is unknown, malformed or revoked. Fails
     * only when the database cannot be asked.
     */
    public Mono<BillingPrincipal> authenticate(String rawKey) {
        if (!ApiKeySecrets.wellFormed(rawKey)) {
            return Mono.empty();
        }
        String hash = ApiKeySecrets.hash(rawKey);
        return Mono.fromFuture(() -> owners.get(hash), true)
                .flatMap(Mono::justOrEmpty)
                // the database found the row by this hash; compare anyway, in constant time
                .filter(owner -> ApiKeySecrets.sameHash(owner.keyHash(), hash))
                .doOnNext(this::touchNowAndThen)
                .map(owner -> new BillingPrincipal(
                        owner.userId(),
                        owner.email(),
                        owner.plan(),
                        CredentialKind.API_KEY,
                        owner.keyId(),
                        null,
                        owner.scopes()));
    }

    /** Forgets what is cached for a key hash, so that a revocation takes effect at once. */
    void evict(String keyHash) {
        owners.synchronous().invalidate(keyHash);
    }

    /** Writes "last used" at most once per interval per key, off the request's path. */
    private void touchNowAndThen(ApiKeyOwner owner) {
        if (recentlyTouched.asMap().putIfAbsent(owner.keyId(), Boolean.TRUE) == null) {
            keys.touch(owner.keyId(), clock.instant())
                    .subscribe(
                            null, e -> log.warn("Could not record use of API key {}: {}", owner.keyId(), e.toString()));
        }
    }
}
