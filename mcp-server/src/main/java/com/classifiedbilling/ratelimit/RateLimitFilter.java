package com.classifiedbilling.ratelimit;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.web.PrincipalAttribute;
import com.classifiedbilling.auth.web.RequestBodies;
import com.classifiedbilling.mcp.JsonRpcErrors;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts tool calls against the caller's plan on every door: each {@code POST /api/mcp-server},
 * and each JSON-RPC {@code tools/call} sent to {@code POST /mcp} or {@code POST /message}. Other MCP
 * messages (initialize, tools/list, ping) are not counted. Runs after authentication, so a 401
 * costs no token, and before any handler, so a 429 costs no database work. Every counted answer
 * carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}; a
 * refusal is 429 with {@code Retry-After}.
 */
@Component
final class RateLimitFilter implements WebFilter {

    /** MCP messages larger than this are refused before they are read further. */
    static final int MAX_MCP_BODY = 1024 * 1024;

    private final RateLimiter limiter;

    private final JsonMapper json;

    RateLimitFilter(RateLimiter limiter, JsonMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        BillingPrincipal principal = PrincipalAttribute.of(exchange);
        if (principal == null || exchange.getRequest().getMethod() != HttpMethod.POST) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().value();
        if (path.equals("/api/mcp-server")) {
            return limit(exchange, chain, principal, null, false);
        }
        if (!path.equals("/mcp") && !path.equals("/message")) {
            return chain.filter(exchange);
        }
        return RequestBodies.read(exchange.getRequest().getBody(), MAX_MCP_BODY)
                .flatMap(body -> {
                    ServerWebExchange replayed = RequestBodies.replayed(exchange, body);
                    JsonNode call = toolCall(body);
                    return call == null
                            ? chain.filter(replayed)
                            : limit(replayed, chain, principal, call.get("id"), true);
                })
                .onErrorResume(
                        DataBufferLimitException.class,
                        e -> write(
                                exchange.getResponse(),
                                HttpStatus.CONTENT_TOO_LARGE,
                                JsonRpcErrors.body(null, JsonRpcErrors.REFUSED, "Message is larger than 1 MiB.")));
    }

    private Mono<Void> limit(
            ServerWebExchange exchange, WebFilterChain chain, BillingPrincipal principal, JsonNode id, boolean mcp) {
        return limiter.consume(principal).flatMap(decision -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("RateLimit-Limit", Long.toString(decision.limit()));
            headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
            headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.resetSeconds()));
            Object body = mcp
                    ? JsonRpcErrors.body(id, JsonRpcErrors.REFUSED, decision.message())
                    : Map.of("error", decision.message());
            // read (and drop) what is left of the request first: answering before the body is in
            // makes the server close a keep-alive connection the client may be about to reuse
            return RequestBodies.discard(exchange.getRequest())
                    .then(write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, body));
        });
    }

    /** The JSON-RPC request in the body if it is a {@code tools/call}, else {@code null}. */
    private JsonNode toolCall(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.contains("tools/call")) {
            return null;
        }
        try {
            JsonNode message = json.readTree(text);
            return message.isObject()
                            && "tools/call".equals(message.path("method").asString(null))
                    ? message
                    : null;
        } catch (JacksonException malformed) {
            return null; // the transport answers malformed messages itself
        }
    }

    private Mono<Void> write(ServerHttpResponse response, HttpStatus status, Object body) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(body))));
    }
}
