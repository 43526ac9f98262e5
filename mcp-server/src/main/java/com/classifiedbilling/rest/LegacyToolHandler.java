package com.classifiedbilling.rest;

import com.classifiedbilling.auth.web.BillingAuthentication;
import com.classifiedbilling.auth.web.RequestBodies;
import com.classifiedbilling.billing.BillingException;
import com.classifiedbilling.tool.ToolCall;
import com.classifiedbilling.tool.ToolRegistry;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API page's door: {@code POST /api/mcp-server} with {@code {"tool": "...", "input": {...}}},
 * answered with {@code {"result": {...}}} or {@code {"error": "..."}} and the page's status codes.
 * It parses, hands the call to the {@link ToolRegistry}, and maps the outcome; nothing more.
 */
@Component
final class LegacyToolHandler {

    /** The largest request body taken (1 MiB); a larger one gets 413. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ToolRegistry tools;

    private final JsonMapper json;

    LegacyToolHandler(ToolRegistry tools, JsonMapper json) {
        this.tools = tools;
        this.json = json;
    }

    Mono<ServerResponse> call(ServerRequest request) {
        if (!isJson(request)) {
            return error(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON with 'Content-Type: application/json'.");
        }
        return RequestBodies.read(request.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES)
                .flatMap(body -> envelope(body)
                        .flatMap(envelope ->
                                principal(request).flatMap(call -> tools.call(envelope.tool(), call, envelope.input())))
                        .flatMap(result -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("result", result))))
                .onErrorResume(BillingException.class, e -> error(BillingStatus.of(e.kind()), e.getMessage()))
                .onErrorResume(
                        DataBufferLimitException.class,
                        e -> error(HttpStatus.CONTENT_TOO_LARGE, "Request body is larger than 1 MiB."));
    }

    private Mono<Envelope> envelope(byte[] body) {
        if (body.length == 0) {
            return Mono.error(BillingException.invalidInput(
                    "Request body is empty. Send {\"tool\": \"<tool name>\", \"input\": {...}}."));
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            return Mono.error(BillingException.invalidInput("Request body is not valid JSON" + where + "."));
        }
        if (root == null || !root.isObject()) {
            return Mono.error(BillingException.invalidInput(
                    "Request body must be a JSON object: {\"tool\": \"<tool name>\", \"input\": {...}}."));
        }
        for (String field : root.propertyNames()) {
            if (!field.equals("tool") && !field.equals("input")) {
                return Mono.error(BillingException.invalidInput(
                        "Unknown field '" + field + "' in the request body; it takes only 'tool' and 'input'."));
            }
        }
        JsonNode tool = root.get("tool");
        if (tool == null || tool.isNull()) {
            return Mono.error(BillingException.invalidInput("Missing required field 'tool'."));
        }
        if (!tool.isString()) {
            return Mono.error(
                    BillingException.invalidInput("Field 'tool' must be a string, e.g. \"list_workspaces\"."));
        }
        JsonNode input = root.get("input");
        if (input != null && !input.isNull() && !input.isObject()) {
            return Mono.error(BillingException.invalidInput("Field 'input' must be an object; pass {} for no input."));
        }
        return Mono.just(new Envelope(tool.asString(), input == null || input.isNull() ? null : input));
    }

    private static Mono<ToolCall> principal(ServerRequest request) {
        return request.principal()
                .cast(BillingAuthentication.class)
                .map(authentication -> new ToolCall(authentication.getPrincipal()));
    }

    private static boolean isJson(ServerRequest request) {
        return request.headers()
                .contentType()
                .map(type ->
                        MediaType.APPLICATION_JSON.isCompatibleWith(type) || "json".equals(type.getSubtypeSuffix()))
                .orElse(false);
    }

    private static Mono<ServerResponse> error(HttpStatus status, String message) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .bodyValue(Map.of("error", message));
    }

    private record Envelope(String tool, JsonNode input) {}
}
