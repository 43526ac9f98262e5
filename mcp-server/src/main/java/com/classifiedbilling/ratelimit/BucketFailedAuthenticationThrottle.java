package com.classifiedbilling.ratelimit;

import com.classifiedbilling.auth.web.FailedAuthenticationThrottle;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The bearer credentials' {@link FailedAuthenticationThrottle} on the rate-limit buckets: each
 * failed authentication takes a token from its address's bucket ({@link
 * RateLimitProperties#failedAuthenticationsPerMinute()} a minute, shared through Redis when the
 * limits are). When the bucket is empty the address is blocked in this instance's memory until it
 * refills, so asking costs no round trip and a blocked address costs no lookup at all.
 */
@Component
final class BucketFailedAuthenticationThrottle implements FailedAuthenticationThrottle {

    private final BucketStore buckets;

    private final BucketConfiguration perMinute;

    private final Clock clock;

    /** Blocked addresses and when they may try again; bounded, and forgotten a minute after. */
    private final Cache<String, Instant> blocked = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    BucketFailedAuthenticationThrottle(BucketStore buckets, RateLimitProperties properties, Clock clock) {
        long limit = properties.failedAuthenticationsPerMinute();
        this.buckets = buckets;
        this.clock = clock;
        this.perMinute = BucketStore.window(limit, Duration.ofMinutes(1));
    }

    @Override
    public long retryAfterSeconds(String address) {
        Instant until = blocked.getIfPresent(address);
        if (until == null) {
            return 0;
        }
        long millis = Duration.between(clock.instant(), until).toMillis();
        if (millis <= 0) {
            blocked.invalidate(address);
            return 0;
        }
        return (millis + 999) / 1000;
    }

    @Override
    public Mono<Void> failed(String address) {
        return buckets.tryConsume("authfail:" + address, perMinute)
                .doOnNext(probe -> {
                    // the failure that uses the allowance up blocks at once: the next guess is not looked up
                    if (!probe.isConsumed() || probe.getRemainingTokens() == 0) {
                        long wait = Math.max(
                                TimeUnit.SECONDS.toNanos(1),
                                Math.max(probe.getNanosToWaitForRefill(), probe.getNanosToWaitForReset()));
                        blocked.put(address, clock.instant().plusNanos(wait));
                    }
                })
                .then();
    }
}
