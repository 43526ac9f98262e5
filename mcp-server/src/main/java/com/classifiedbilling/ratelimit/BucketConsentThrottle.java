package com.classifiedbilling.ratelimit;

import com.classifiedbilling.auth.oauth.OAuthProperties;
import com.classifiedbilling.auth.oauth.grant.ConsentThrottle;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The consent page's {@link ConsentThrottle} on the rate-limit buckets: per address, {@link
 * OAuthProperties#consentFailures()} wrong keys per {@link OAuthProperties#consentFailureWindow()},
 * counted in Redis when the limits are shared, so every instance sees the same count.
 */
@Component
final class BucketConsentThrottle implements ConsentThrottle {

    private final BucketStore buckets;

    private final BucketConfiguration configuration;

    BucketConsentThrottle(BucketStore buckets, OAuthProperties properties) {
        this.buckets = buckets;
        this.configuration = BucketStore.window(properties.consentFailures(), properties.consentFailureWindow());
    }

    @Override
    public Mono<Boolean> tryAttempt(String address) {
        return buckets.tryConsume(key(address), configuration).map(ConsumptionProbe::isConsumed);
    }

    @Override
    public Mono<Void> succeeded(String address) {
        return buckets.refund(key(address), configuration);
    }

    private static String key(String address) {
        return "consent:" + address;
    }
}
