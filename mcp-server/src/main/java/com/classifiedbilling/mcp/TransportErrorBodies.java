package com.classifiedbilling.mcp;

import com.classifiedbilling.door.Door;
import com.classifiedbilling.door.JsonRpcErrors;
import com.classifiedbilling.door.RecognisedRequest;
import io.modelcontextprotocol.spec.McpError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.EntityResponse;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Rewrites the SDK transports' HTTP error answers into plain JSON-RPC errors. Left alone, they put
 * a whole serialised Java exception (class names, stack trace) in the body, or no body at all.
 * Server-side failures keep their status but lose their details, which stay in the log; messages the
 * SDK cannot even parse get a 400.
 */
final class TransportErrorBodies implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return next.handle(request)
                // the SDK's message parsing throws on some inputs (a body of just "null", say) instead
                // of answering; tool failures never get here (McpToolCalls turns them into results)
                .onErrorResume(
                        e -> e instanceof NullPointerException
                                || e instanceof IllegalArgumentException
                                || e instanceof ClassCastException
                                || e instanceof JacksonException,
                        e -> ServerResponse.badRequest()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(JsonRpcErrors.body(
                                        null, JsonRpcErrors.INVALID_REQUEST, "Invalid message format")))
                .flatMap(response -> {
                    HttpStatusCode status = response.statusCode();
                    if (!status.isError()) {
                        return Mono.just(response);
                    }
                    int code = JsonRpcErrors.INVALID_REQUEST;
                    String message = defaultMessage(request, status);
                    if (response instanceof EntityResponse<?> entity
                            && entity.entity() instanceof McpError error
                            && status.is4xxClientError()) {
                        code = error.getJsonRpcError().code();
                        message = error.getJsonRpcError().message();
                    } else if (response instanceof EntityResponse<?> entity
                            && entity.entity() instanceof String text
                            && !text.isBlank()
                            && status.is4xxClientError()) {
                        message = text;
                    }
                    if (status.is5xxServerError()) {
                        code = JsonRpcErrors.INTERNAL_ERROR;
                    }
                    String allow = response.headers().getFirst(HttpHeaders.ALLOW);
                    return ServerResponse.status(status)
                            .contentType(MediaType.APPLICATION_JSON)
                            .headers(headers -> {
                                if (allow != null) {
                                    headers.set(HttpHeaders.ALLOW, allow);
                                }
                            })
                            .bodyValue(JsonRpcErrors.body(null, code, message));
                });
    }

    private static String defaultMessage(ServerRequest request, HttpStatusCode status) {
        boolean streamable = RecognisedRequest.of(request.exchange()).is(Door.STREAMABLE_HTTP);
        return switch (status.value()) {
            case 400 ->
                streamable
                        ? "POST " + Door.STREAMABLE_HTTP.path()
                                + " needs 'Accept: application/json, text/event-stream' and one JSON-RPC message."
                        : "Bad request: send one JSON-RPC message.";
            case 404 -> "Session not found.";
            case 405 ->
                streamable
                        ? "This server is stateless: POST JSON-RPC messages to " + Door.STREAMABLE_HTTP.path()
                                + "; there is no GET stream or DELETE."
                        : "Method not allowed.";
            case 503 -> "Server is shutting down or unavailable; try again.";
            default ->
                status.is5xxServerError()
                        ? "Internal error; details are in the server log under request id "
                                + request.exchange().getRequest().getId() + "."
                        : "Request refused.";
        };
    }
}
