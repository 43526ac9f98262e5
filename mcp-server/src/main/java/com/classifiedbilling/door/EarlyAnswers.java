package com.classifiedbilling.door;

import com.classifiedbilling.auth.web.Refusals;
import com.classifiedbilling.auth.web.RequestBodies;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a request is answered early, by a filter or an entry point rather than its handler:
 * what is left of the body is read and dropped first ({@link RequestBodies#discard}: answering
 * before the body is in makes the server close a keep-alive connection the client may be about to
 * reuse), then the error is written in the shape of the door the request came to ({@link
 * Door.ErrorShape}), with the JSON-RPC id of its message when one was read. Headers set before
 * ({@code Retry-After}, {@code WWW-Authenticate}, {@code RateLimit-*}) are kept.
 */
@Component
public final class EarlyAnswers implements Refusals {

    private final JsonMapper json;

    EarlyAnswers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> refuse(ServerWebExchange exchange, HttpStatusCode status, String message) {
        return refuse(exchange, status, JsonRpcErrors.codeFor(status), message);
    }

    /** Refuses with this JSON-RPC error code on the MCP doors (the status's own elsewhere). */
    public Mono<Void> refuse(ServerWebExchange exchange, HttpStatusCode status, int jsonRpcCode, String message) {
        RecognisedRequest recognised = RecognisedRequest.of(exchange);
        Object body = recognised.door() != null && recognised.door().shape() == Door.ErrorShape.JSON_RPC
                ? JsonRpcErrors.body(recognised.jsonRpcId(), jsonRpcCode, message)
                : Map.of("error", message);
        return drainThenWrite(exchange, status, body);
    }

    /**
     * Refuses a request to an OAuth endpoint in its shape, {@code {"error", "error_description"}}
     * (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>).
     */
    @Override
    public Mono<Void> refuseOAuth(ServerWebExchange exchange, HttpStatusCode status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return drainThenWrite(exchange, status, body);
    }

    /** Refuses a request from a person's browser (the consent form) with a sentence of plain text. */
    public Mono<Void> refuseText(ServerWebExchange exchange, HttpStatusCode status, String text) {
        return drainThenWrite(exchange, status, MediaType.TEXT_PLAIN, text.getBytes(StandardCharsets.UTF_8));
    }

    private Mono<Void> drainThenWrite(ServerWebExchange exchange, HttpStatusCode status, Object body) {
        return drainThenWrite(exchange, status, MediaType.APPLICATION_JSON, json.writeValueAsBytes(body));
    }

    private static Mono<Void> drainThenWrite(
            ServerWebExchange exchange, HttpStatusCode status, MediaType type, byte[] body) {
        return RequestBodies.discard(exchange.getRequest()).then(Mono.defer(() -> {
            ServerHttpResponse response = exchange.getResponse();
            if (response.isCommitted()) {
                return Mono.empty();
            }
            response.setStatusCode(status);
            HttpHeaders headers = response.getHeaders();
            headers.setContentType(type);
            headers.setCacheControl("no-store");
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        }));
    }
}
