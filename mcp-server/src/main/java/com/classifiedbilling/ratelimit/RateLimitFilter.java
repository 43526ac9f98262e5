package com.classifiedbilling.ratelimit;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.web.PrincipalAttribute;
import com.classifiedbilling.door.EarlyAnswers;
import com.classifiedbilling.door.FilterOrder;
import com.classifiedbilling.door.RecognisedRequest;
import com.classifiedbilling.tool.Admission;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts tool calls against the caller's plan on every door, as the front door recognised them:
 * each {@code POST /api/mcp-server}, and each JSON-RPC {@code tools/call} on the MCP doors. Other
 * MCP messages (initialize, tools/list, ping) are not counted. Runs after authentication, so a 401
 * costs no token, and before any handler, so a 429 costs no database work. Every counted answer
 * carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}; a
 * refusal is 429 with {@code Retry-After}. A counted call goes on with its {@link Admission}, which
 * the registry takes instead of counting it again.
 */
@Component
@Order(FilterOrder.LIMIT_PLAN)
final class RateLimitFilter implements WebFilter {

    private final RateLimiter limiter;

    private final EarlyAnswers answers;

    RateLimitFilter(RateLimiter limiter, EarlyAnswers answers) {
        this.limiter = limiter;
        this.answers = answers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        BillingPrincipal principal = PrincipalAttribute.of(exchange);
        RecognisedRequest recognised = RecognisedRequest.of(exchange);
        if (principal == null || !recognised.isToolCall()) {
            return chain.filter(exchange);
        }
        return limiter.consume(principal).flatMap(decision -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("RateLimit-Limit", Long.toString(decision.limit()));
            headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
            headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
            if (decision.allowed()) {
                recognised.admitted(new Admission()).putOn(exchange);
                return chain.filter(exchange);
            }
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.resetSeconds()));
            return answers.refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, decision.message());
        });
    }
}
