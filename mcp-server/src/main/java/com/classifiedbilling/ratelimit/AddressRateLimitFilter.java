package com.classifiedbilling.ratelimit;

import com.classifiedbilling.auth.web.ClientAddress;
import com.classifiedbilling.door.EarlyAnswers;
import com.classifiedbilling.door.FilterOrder;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Limits POSTs to the endpoints that anyone may call without a credential — OAuth client
 * registration, token exchange and the consent form — per client address ({@link ClientAddress}),
 * so that nobody can flood them. Buckets live where the user buckets live (Redis when configured).
 * The paths are matched as the router matches them; the front door has refused any path the two
 * could read differently.
 */
@Component
@Order(FilterOrder.LIMIT_ADDRESS)
final class AddressRateLimitFilter implements WebFilter {

    private final List<PathPattern> paths;

    private final BucketConfiguration perMinute;

    private final long limit;

    private final BucketStore buckets;

    private final EarlyAnswers answers;

    AddressRateLimitFilter(RateLimitProperties properties, BucketStore buckets, EarlyAnswers answers) {
        RateLimitProperties.AddressLimits limits = properties.perAddress();
        this.paths = limits.paths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.limit = limits.perMinute();
        this.perMinute = BucketStore.window(limit, Duration.ofMinutes(1));
        this.buckets = buckets;
        this.answers = answers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST || !matches(exchange)) {
            return chain.filter(exchange);
        }
        return buckets.tryConsume("addr:" + ClientAddress.of(exchange), perMinute)
                .flatMap(probe -> {
                    if (probe.isConsumed()) {
                        return chain.filter(exchange);
                    }
                    long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                    return answers.refuseOAuth(
                            exchange,
                            HttpStatus.TOO_MANY_REQUESTS,
                            "rate_limited",
                            "Too many requests from this address (" + limit + " a minute). Retry after " + retryAfter
                                    + " seconds.");
                });
    }

    private boolean matches(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        return paths.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
