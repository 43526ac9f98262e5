package com.classifiedbilling.auth.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the API page's error shape, {@code {"error": "..."}}, straight onto a response. Used where
 * no controller runs: filters, entry points, exception handlers.
 */
public final class JsonErrors {

    private final JsonMapper json;

    public JsonErrors(JsonMapper json) {
        this.json = json;
    }

    /**
     * Answers a request that is refused before anything read its body: reads and drops the body
     * first ({@link RequestBodies#discard}), so that the keep-alive connection stays usable, then
     * writes the error.
     */
    public Mono<Void> refuse(ServerWebExchange exchange, HttpStatusCode status, String message) {
        return RequestBodies.discard(exchange.getRequest())
                .then(Mono.defer(() -> write(exchange.getResponse(), status, message)));
    }

    public Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String message) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setCacheControl("no-store");
        byte[] body = json.writeValueAsString(Map.of("error", message)).getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
