package com.classifiedbilling.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits and where they are kept.
 *
 * @param plans requests per minute and per day for each plan, by the plan's label
 * @param redisUrl {@code redis://host:port} (from {@code BILLING_REDIS_URL}) to share limits between
 *     instances; empty keeps them in this instance's memory
 * @param redisTimeout the longest a Redis round trip may take before this instance decides alone
 * @param redisKeyPrefix prefix of the bucket keys in Redis
 * @param perAddress the per-address limit on endpoints that take no credential
 * @param failedAuthenticationsPerMinute bearer credentials from one address that may fail in a
 *     minute; after that, the address's credentials are not checked (429) until the minute is over
 */
@ConfigurationProperties("billing.rate-limits")
public record RateLimitProperties(
        Map<String, PlanLimits> plans,
        String redisUrl,
        @DefaultValue("250ms") Duration redisTimeout,
        @DefaultValue("cb:rl:") String redisKeyPrefix,
        @DefaultValue AddressLimits perAddress,
        @DefaultValue("30") long failedAuthenticationsPerMinute) {

    /** One plan's limits. */
    public record PlanLimits(long perMinute, long perDay) {}

    /**
     * @param perMinute POSTs a minute from one address
     * @param paths the endpoints it covers: OAuth registration, token and consent (page and aliases)
     */
    public record AddressLimits(
            @DefaultValue("20") long perMinute,

            @DefaultValue({"/oauth/**", "/register", "/token", "/authorize", "/api/mcp-token", "/mcp-connect"})
            List<String> paths) {}
}
