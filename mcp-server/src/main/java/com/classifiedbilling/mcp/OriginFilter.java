package com.classifiedbilling.mcp;

import com.classifiedbilling.door.EarlyAnswers;
import com.classifiedbilling.door.FilterOrder;
import com.classifiedbilling.door.RecognisedRequest;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses MCP requests sent by web pages of origins that are not allowed, before authentication,
 * as the MCP transport specification requires against DNS rebinding. Requests without an {@code
 * Origin} header (agents, CLIs, servers) pass; every {@code Origin} a request carries must be
 * allowed. Which door a request is for comes from the front door.
 */
@Component
@Order(FilterOrder.CHECK_ORIGIN)
final class OriginFilter implements WebFilter {

    private final Set<String> allowed;

    private final EarlyAnswers answers;

    OriginFilter(McpProperties properties, EarlyAnswers answers) {
        this.allowed = Set.copyOf(properties.allowedOrigins());
        this.answers = answers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> origins = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.ORIGIN);
        RecognisedRequest recognised = RecognisedRequest.of(exchange);
        if (origins.isEmpty()
                || recognised.door() == null
                || !recognised.door().isMcp()
                || allowed.containsAll(origins)) {
            return chain.filter(exchange);
        }
        return answers.refuse(exchange, HttpStatus.FORBIDDEN, "This origin is not allowed to use this MCP server.");
    }
}
