package com.classifiedbilling.mcp;

import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses MCP requests sent by web pages of origins that are not allowed, before anything else
 * runs, as the MCP transport specification requires against DNS rebinding. Requests without an
 * {@code Origin} header (agents, CLIs, servers) pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
final class OriginFilter implements WebFilter {

    static final List<String> MCP_PATHS = List.of("/mcp", "/sse", "/message");

    private final Set<String> allowed;

    private final JsonMapper json;

    OriginFilter(McpProperties properties, JsonMapper json) {
        this.allowed = Set.copyOf(properties.allowedOrigins());
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String origin = exchange.getRequest().getHeaders().getOrigin();
        if (origin == null
                || !MCP_PATHS.contains(exchange.getRequest().getPath().value())
                || allowed.contains(origin)) {
            return chain.filter(exchange);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = json.writeValueAsBytes(JsonRpcErrors.body(
                JsonRpcErrors.INVALID_REQUEST, "Origin " + origin + " is not allowed to use this MCP server."));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
