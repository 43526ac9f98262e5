package com.classifiedbilling.mcp;

import com.classifiedbilling.door.JsonRpcErrors;
import com.classifiedbilling.door.ProtocolEra;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The JSON-RPC error answers both MCP eras on {@code /mcp} give in the same words. */
final class McpErrors {

    static final String UNKNOWN_CURSOR = "Unknown cursor: tools/list has a single page here; send it without a cursor.";

    static final String NEEDS_TOOL_NAME = "tools/call needs params.name, the tool's name.";

    private McpErrors() {}

    /** A JSON-RPC error answering the request with this id, with {@code data} ({@code null} for none). */
    static Mono<ServerResponse> response(HttpStatus status, JsonNode id, int code, String message, Object data) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JsonRpcErrors.body(id, code, message, data));
    }

    /** 400 {@code UnsupportedProtocolVersion}: the versions this server speaks, and the one asked for. */
    static Mono<ServerResponse> unsupportedVersion(JsonNode id, String message, String requested) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("supported", ProtocolEra.SUPPORTED_VERSIONS);
        data.put("requested", requested);
        return response(HttpStatus.BAD_REQUEST, id, JsonRpcErrors.UNSUPPORTED_PROTOCOL_VERSION, message, data);
    }
}
