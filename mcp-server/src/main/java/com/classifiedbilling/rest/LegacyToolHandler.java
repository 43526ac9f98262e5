package com.classifiedbilling.rest;

import com.classifiedbilling.auth.web.BillingAuthentication;
import com.classifiedbilling.billing.BillingException;
import com.classifiedbilling.door.Message;
import com.classifiedbilling.door.RecognisedRequest;
import com.classifiedbilling.tool.ToolCall;
import com.classifiedbilling.tool.ToolRegistry;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API page's door: {@code POST /api/mcp-server} with {@code {"tool": "...", "input": {...}}},
 * answered with {@code {"result": {...}}} or {@code {"error": "..."}} and the page's status codes.
 * The body was read and parsed once by the front door ({@link RecognisedRequest}); this checks the
 * envelope, hands the call to the {@link ToolRegistry}, and maps the outcome; nothing more.
 */
@Component
final class LegacyToolHandler {

    private final ToolRegistry tools;

    private final JsonMapper json;

    LegacyToolHandler(ToolRegistry tools, JsonMapper json) {
        this.tools = tools;
        this.json = json;
    }

    Mono<ServerResponse> call(ServerRequest request) {
        RecognisedRequest recognised = RecognisedRequest.of(request.exchange());
        return Mono.defer(() -> envelope(recognised.message()))
                .flatMap(envelope -> principal(request, recognised)
                        .flatMap(call -> tools.call(envelope.tool(), call, envelope.input())))
                // written here by the server's mapper, as WebFlux's encoder would, but with the
                // mapper's pooled buffers: the encoder takes 12 KB of new ones for every answer
                .flatMap(result -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(json.writeValueAsBytes(Map.of("result", result))))
                .onErrorResume(BillingException.class, e -> error(BillingStatus.of(e.kind()), e.getMessage()));
    }

    private static Mono<Envelope> envelope(Message message) {
        if (message == null) {
            // the front door reads every POST to this door; a request it did not read is not taken
            return Mono.error(BillingException.invalidInput("Request body was not read; send it again."));
        }
        if (Message.EMPTY_BODY.equals(message.problem())) {
            return Mono.error(BillingException.invalidInput(
                    "Request body is empty. Send {\"tool\": \"<tool name>\", \"input\": {...}}."));
        }
        if (message.problem() != null) {
            return Mono.error(BillingException.invalidInput(message.problem()));
        }
        JsonNode root = message.json();
        if (!root.isObject()) {
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

    private static Mono<ToolCall> principal(ServerRequest request, RecognisedRequest recognised) {
        return request.principal()
                .cast(BillingAuthentication.class)
                .map(authentication -> new ToolCall(authentication.getPrincipal(), recognised.admission()));
    }

    private static Mono<ServerResponse> error(HttpStatus status, String message) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .bodyValue(Map.of("error", message));
    }

    private record Envelope(String tool, JsonNode input) {}
}
