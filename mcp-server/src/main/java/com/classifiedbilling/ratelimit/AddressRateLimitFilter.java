package com.classifiedbilling.ratelimit;

import com.classifiedbilling.auth.web.RequestBodies;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits POSTs to the endpoints that anyone may call without a credential — OAuth client
 * registration, token exchange and the consent form — per client address, so that nobody can flood
 * them. Buckets live where the user buckets live (Redis when configured). The address is the
 * connection's peer; behind a proxy, set {@code server.forward-headers-strategy} so that it is the
 * client's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
final class AddressRateLimitFilter implements WebFilter {

    private final List<PathPattern> paths;

    private final BucketConfiguration perMinute;

    private final long limit;

    private final BucketStore buckets;

    private final JsonMapper json;

    AddressRateLimitFilter(RateLimitProperties properties, BucketStore buckets, JsonMapper json) {
        RateLimitProperties.AddressLimits limits = properties.perAddress();
        this.paths = limits.paths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.limit = limits.perMinute();
        this.perMinute = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit)
                        .refillIntervally(limit, Duration.ofMinutes(1))
                        .build())
                .build();
        this.buckets = buckets;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST || !matches(exchange)) {
            return chain.filter(exchange);
        }
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        String address = peer == null || peer.getAddress() == null
                ? "unknown"
                : peer.getAddress().getHostAddress();
        return buckets.tryConsume("addr:" + address, perMinute).flatMap(probe -> {
            if (probe.isConsumed()) {
                return chain.filter(exchange);
            }
            long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            response.getHeaders().setCacheControl("no-store");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "rate_limited");
            body.put(
                    "error_description",
                    "Too many requests from this address (" + limit + " a minute). Retry after " + retryAfter
                            + " seconds.");
            return RequestBodies.discard(exchange.getRequest())
                    .then(response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(body)))));
        });
    }

    private boolean matches(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        return paths.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
