package com.classifiedbilling.ratelimit;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.user.Plan;
import com.classifiedbilling.billing.BillingException;
import com.classifiedbilling.ratelimit.RateLimitProperties.PlanLimits;
import com.classifiedbilling.tool.ToolCallLimit;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts a user's requests against their plan: one bucket per minute and one per day, each refilled
 * all at once when its window ends, so that exactly the plan's number of requests fit in a window.
 * A request takes a token from the minute bucket, then from the day bucket (and gives the first back
 * if the day is used up). Buckets are keyed by user and plan, so a plan change counts from the next
 * request on. All of a user's keys and tokens share the buckets. The same buckets count, for the
 * tool registry, a call that reached it without being counted at its door.
 */
@Component
public final class RateLimiter implements ToolCallLimit {

    /** Refused requests, by plan and by the window that was used up: {@code billing_rate_limit_refusals_total}. */
    static final String REFUSALS = "billing.rate_limit.refusals";

    private static final String MINUTE = "minute";

    private static final String DAY = "day";

    private final RateLimitProperties properties;

    private final BucketStore buckets;

    private final MeterRegistry meters;

    RateLimiter(RateLimitProperties properties, BucketStore buckets, MeterRegistry meters) {
        this.properties = properties;
        this.buckets = buckets;
        this.meters = meters;
    }

    /** Counts one request of this caller. Never fails: when no store answers, the request is let through. */
    public Mono<RateLimitDecision> consume(BillingPrincipal principal) {
        Plan plan = principal.plan();
        PlanLimits limits = limits(plan);
        String key = principal.userId() + ":" + plan.label();
        return buckets.tryConsume(key + ":m", minute(limits)).flatMap(minute -> {
            if (!minute.isConsumed()) {
                return Mono.just(refused(plan, limits.perMinute(), MINUTE, minute));
            }
            return buckets.tryConsume(key + ":d", day(limits)).flatMap(day -> {
                if (!day.isConsumed()) {
                    return buckets.refund(key + ":m", minute(limits))
                            .thenReturn(refused(plan, limits.perDay(), DAY, day));
                }
                boolean dayIsTighter = day.getRemainingTokens() < minute.getRemainingTokens();
                ConsumptionProbe tighter = dayIsTighter ? day : minute;
                return Mono.just(new RateLimitDecision(
                        true,
                        dayIsTighter ? limits.perDay() : limits.perMinute(),
                        tighter.getRemainingTokens(),
                        seconds(tighter.getNanosToWaitForReset()),
                        null));
            });
        });
    }

    @Override
    public Mono<Void> count(BillingPrincipal principal) {
        return consume(principal)
                .flatMap(decision -> decision.allowed()
                        ? Mono.empty()
                        : Mono.error(new BillingException(BillingException.Kind.RATE_LIMITED, decision.message())));
    }

    PlanLimits limits(Plan plan) {
        // keys may come from environment variables, which Spring lower-cases
        PlanLimits limits = properties.plans() == null
                ? null
                : properties.plans().entrySet().stream()
                        .filter(entry -> entry.getKey().equalsIgnoreCase(plan.label()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
        if (limits == null) {
            throw new IllegalStateException("No rate limits configured for plan " + plan.label());
        }
        return limits;
    }

    private RateLimitDecision refused(Plan plan, long limit, String window, ConsumptionProbe probe) {
        meters.counter(REFUSALS, "plan", plan.label(), "window", window).increment();
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        String message = "Rate limit exceeded: " + limit + " requests per " + window + " on the " + plan.label()
                + " plan. Retry after " + retryAfter + " seconds.";
        return new RateLimitDecision(false, limit, 0, retryAfter, message);
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    static BucketConfiguration minute(PlanLimits limits) {
        return BucketStore.window(limits.perMinute(), Duration.ofMinutes(1));
    }

    static BucketConfiguration day(PlanLimits limits) {
        return BucketStore.window(limits.perDay(), Duration.ofDays(1));
    }
}
