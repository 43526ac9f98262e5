package com.classifiedbilling.mcp;

import com.classifiedbilling.door.JsonRpcErrors;
import com.classifiedbilling.door.Message;
import com.classifiedbilling.door.ProtocolEra;
import com.classifiedbilling.door.RecognisedRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * What the 2025 revisions require of {@code /mcp} that the SDK's stateless transport does not do
 * itself, checked on the message the front door recognised before the SDK sees it: an {@code
 * MCP-Protocol-Version} header naming a version this server does not speak is 400 (2025-11-25
 * §protocol version header); {@code initialize} and {@code tools/call} need their parameters; a
 * call names a tool this server has (in the registry's words, naming the tool asked for); {@code
 * tools/list} has one page, so any cursor is unknown.
 */
@Component
final class LegacyEraRules implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private final McpToolCalls tools;

    LegacyEraRules(McpToolCalls tools) {
        this.tools = tools;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        Message message = RecognisedRequest.of(request.exchange()).message();
        if (message == null) {
            return next.handle(request);
        }
        JsonNode id = message.id();
        List<String> versions = request.headers().header(ProtocolEra.PROTOCOL_VERSION_HEADER);
        if (versions.size() > 1
                || (versions.size() == 1
                        && !ProtocolEra.LEGACY_VERSIONS.contains(versions.get(0).strip()))) {
            return McpErrors.unsupportedVersion(
                    id,
                    "Unsupported protocol version in " + ProtocolEra.PROTOCOL_VERSION_HEADER + ".",
                    versions.isEmpty() ? null : versions.get(0).strip());
        }
        JsonNode params = message.json().path("params");
        String method = message.method() == null ? "" : message.method();
        switch (method) {
            case "initialize" -> {
                if (!params.path("protocolVersion").isString()) {
                    return error(
                            HttpStatus.BAD_REQUEST,
                            id,
                            JsonRpcErrors.INVALID_PARAMS,
                            "initialize needs params with protocolVersion, capabilities and clientInfo.",
                            null);
                }
            }
            case "tools/call" -> {
                if (!params.path("name").isString()) {
                    return error(
                            HttpStatus.BAD_REQUEST, id, JsonRpcErrors.INVALID_PARAMS, McpErrors.NEEDS_TOOL_NAME, null);
                }
                if (!tools.has(message.tool())) {
                    return error(
                            HttpStatus.OK, id, JsonRpcErrors.INVALID_PARAMS, tools.unknownTool(message.tool()), null);
                }
            }
            case "tools/list" -> {
                JsonNode cursor = params.path("cursor");
                if (!cursor.isMissingNode() && !cursor.isNull()) {
                    return error(HttpStatus.OK, id, JsonRpcErrors.INVALID_PARAMS, McpErrors.UNKNOWN_CURSOR, null);
                }
            }
            default -> {
                // the SDK answers the rest
            }
        }
        return next.handle(request);
    }

    private static Mono<ServerResponse> error(HttpStatus status, JsonNode id, int code, String message, Object data) {
        return McpErrors.response(status, id, code, message, data);
    }
}
