package com.classifiedbilling.scope;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.principal.Scope;
import com.classifiedbilling.auth.web.BearerChallenge;
import com.classifiedbilling.auth.web.PrincipalAttribute;
import com.classifiedbilling.auth.web.RequestBodies;
import com.classifiedbilling.mcp.JsonRpcErrors;
import com.classifiedbilling.tool.ToolRegistry;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a tool call whose credential lacks the tool's scope with HTTP 403 and {@code
 * WWW-Authenticate: Bearer error="insufficient_scope", scope="…", resource_metadata="…"}, on every
 * door: the JSON door's {@code {"tool"}} and the MCP doors' {@code tools/call}. An MCP client can
 * then ask the user for the missing scope (step-up authorization). Credentials holding every
 * scope (all API keys but read-only ones) pass without their body being looked at. Runs after
 * authentication and before the rate limit, so a refused call spends no token.
 */
@Component
@Order(0)
final class ToolScopeFilter implements WebFilter {

    static final int MAX_BODY = 1024 * 1024;

    /** Checked on every request: {@code Scope.values()} would copy the array each time. */
    private static final int ALL_SCOPES = Scope.values().length;

    private final ToolRegistry tools;

    private final BearerChallenge challenge;

    private final JsonMapper json;

    ToolScopeFilter(ToolRegistry tools, BearerChallenge challenge, JsonMapper json) {
        this.tools = tools;
        this.challenge = challenge;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        BillingPrincipal principal = PrincipalAttribute.of(exchange);
        if (principal == null
                || principal.scopes().size() == ALL_SCOPES
                || exchange.getRequest().getMethod() != HttpMethod.POST) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().value();
        boolean legacy = path.equals("/api/mcp-server");
        if (!legacy && !path.equals("/mcp") && !path.equals("/message")) {
            return chain.filter(exchange);
        }
        return RequestBodies.read(exchange.getRequest().getBody(), MAX_BODY)
                .flatMap(body -> {
                    ServerWebExchange replayed = RequestBodies.replayed(exchange, body);
                    JsonNode message = parse(body);
                    String tool = legacy ? toolOfEnvelope(message) : toolOfCall(message);
                    Optional<Scope> needed = tool == null ? Optional.empty() : tools.requiredScope(tool);
                    if (needed.isEmpty() || principal.has(needed.get())) {
                        return chain.filter(replayed);
                    }
                    String text = ToolRegistry.missingScope(tool, needed.get()).getMessage();
                    challenge.insufficientScope(exchange, needed.get());
                    Object answer = legacy
                            ? Map.of("error", text)
                            : JsonRpcErrors.body(message.get("id"), JsonRpcErrors.REFUSED, text);
                    exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
                    exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
                    return exchange.getResponse()
                            .writeWith(Mono.just(
                                    exchange.getResponse().bufferFactory().wrap(json.writeValueAsBytes(answer))));
                })
                // the doors answer oversized bodies themselves
                .onErrorResume(DataBufferLimitException.class, e -> chain.filter(exchange));
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException malformed) {
            return null; // the door answers malformed messages itself
        }
    }

    private static String toolOfEnvelope(JsonNode envelope) {
        return envelope != null && envelope.isObject() && envelope.path("tool").isString()
                ? envelope.path("tool").asString()
                : null;
    }

    private static String toolOfCall(JsonNode message) {
        return message != null
                        && message.isObject()
                        && "tools/call".equals(message.path("method").asString(null))
                        && message.path("params").path("name").isString()
                ? message.path("params").path("name").asString()
                : null;
    }
}
