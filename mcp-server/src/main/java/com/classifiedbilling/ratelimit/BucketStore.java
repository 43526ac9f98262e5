package com.classifiedbilling.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the buckets live. With {@code BILLING_REDIS_URL}, in Redis (Bucket4j's compare-and-swap
 * proxies over Lettuce, asynchronous), so that all instances count together; otherwise, or whenever
 * Redis does not answer within {@link RateLimitProperties#redisTimeout()}, in this instance's memory.
 * While Redis is away each instance enforces the plan's limits on its own: a user could get up to
 * the limit once per instance, and nobody is turned away because Redis is down. The connection is
 * made in the background and kept up by Lettuce; start-up never waits for Redis.
 */
@Component
final class BucketStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BucketStore.class);

    /** The gauge of {@link #countsInMemoryInsteadOfRedis()}: {@code billing_rate_limit_redis_fallback}. */
    static final String REDIS_FALLBACK = "billing.rate_limit.redis.fallback";

    private final RateLimitProperties properties;

    private final Cache<String, Bucket> local = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofDays(1))
            .maximumSize(1_000_000)
            .build();

    private final AtomicReference<AsyncProxyManager<String>> redis = new AtomicReference<>();

    private final AtomicBoolean redisFailing = new AtomicBoolean();

    private final RedisClient client;

    private final Disposable connector;

    BucketStore(RateLimitProperties properties, MeterRegistry meters) {
        this.properties = properties;
        Gauge.builder(REDIS_FALLBACK, this, store -> store.countsInMemoryInsteadOfRedis() ? 1 : 0)
                .description("1 while Redis is configured but rate limits are counted in this instance's memory")
                .register(meters);
        if (properties.redisUrl() == null || properties.redisUrl().isBlank()) {
            this.client = null;
            this.connector = null;
            return;
        }
        RedisURI uri = RedisURI.create(properties.redisUrl().strip());
        uri.setTimeout(properties.redisTimeout());
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(properties.redisTimeout())
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(properties.redisTimeout()))
                .build());
        // connect now and retry every few seconds until it works; Lettuce reconnects after that
        this.connector = Flux.interval(Duration.ZERO, Duration.ofSeconds(5))
                .filter(tick -> redis.get() == null)
                .concatMap(tick -> Mono.fromFuture(
                                client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri)
                                        .toCompletableFuture())
                        .doOnNext(this::useRedis)
                        .onErrorResume(e -> {
                            warnOnce("Redis at " + uri.getHost() + ":" + uri.getPort() + " unreachable ("
                                    + e.getClass().getSimpleName() + "); counting in memory on this instance");
                            return Mono.empty();
                        }))
                .subscribe();
    }

    private void useRedis(StatefulRedisConnection<String, byte[]> connection) {
        redis.set(Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
                .build()
                .asAsync());
        log.info("Rate limits are shared through Redis");
    }

    /**
     * A bucket of {@code limit} tokens, all given back at once when each {@code period} ends, so that
     * exactly {@code limit} requests fit in a window.
     */
    static BucketConfiguration window(long limit, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit)
                        .refillIntervally(limit, period)
                        .build())
                .build();
    }

    /** Takes one token from the bucket with this key, made with this configuration if new. */
    Mono<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration) {
        AsyncProxyManager<String> shared = redis.get();
        if (shared == null) {
            return Mono.just(localBucket(key, configuration).tryConsumeAndReturnRemaining(1));
        }
        return Mono.fromFuture(() -> shared.builder()
                        .build(
                                properties.redisKeyPrefix() + key,
                                () -> CompletableFuture.completedFuture(configuration))
                        .tryConsumeAndReturnRemaining(1))
                .timeout(properties.redisTimeout())
                .doOnNext(probe -> recovered())
                .onErrorResume(e -> {
                    warnOnce("Redis did not answer (" + e.getClass().getSimpleName()
                            + "); counting in memory on this instance until it does");
                    return Mono.just(localBucket(key, configuration).tryConsumeAndReturnRemaining(1));
                });
    }

    /** Gives one token back (after a request was refused by a later bucket). */
    Mono<Void> refund(String key, BucketConfiguration configuration) {
        AsyncProxyManager<String> shared = redis.get();
        if (shared == null) {
            localBucket(key, configuration).addTokens(1);
            return Mono.empty();
        }
        return Mono.fromFuture(() -> shared.builder()
                        .build(
                                properties.redisKeyPrefix() + key,
                                () -> CompletableFuture.completedFuture(configuration))
                        .addTokens(1))
                .timeout(properties.redisTimeout())
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    private Bucket localBucket(String key, BucketConfiguration configuration) {
        return local.get(
                key,
                k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
    }

    /** Whether Redis is configured but this instance counts in its own memory now (not connected, or failing). */
    boolean countsInMemoryInsteadOfRedis() {
        return client != null && (redis.get() == null || redisFailing.get());
    }

    private void warnOnce(String message) {
        if (redisFailing.compareAndSet(false, true)) {
            log.warn(message);
        }
    }

    private void recovered() {
        if (redisFailing.compareAndSet(true, false)) {
            log.info("Redis answers again; rate limits are shared again");
        }
    }

    @Override
    public void destroy() {
        if (connector != null) {
            connector.dispose();
        }
        if (client != null) {
            client.shutdownAsync();
        }
    }
}
