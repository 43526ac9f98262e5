package com.classifiedbilling.mcp;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.web.PrincipalAttribute;
import com.classifiedbilling.door.JsonRpcErrors;
import com.classifiedbilling.door.Message;
import com.classifiedbilling.door.ProtocolEra;
import com.classifiedbilling.door.RecognisedRequest;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP 2026-07-28 on {@code /mcp}: stateless, no handshake, every request carrying its protocol
 * version and the client's capabilities in {@code _meta}
 * (<a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http">Streamable
 * HTTP</a>). It serves {@code server/discover}, {@code tools/list} and {@code tools/call} from the
 * same tools as the 2025 era ({@link McpToolCalls}); the SDK's schema records are the wire types.
 * The Java SDK does not speak this revision yet (java-sdk#1011): this adapter is the whole of the
 * difference, to be replaced by the SDK's own support when it ships (docs/mcp.md).
 *
 * <p>A request is checked in the specification's order: its {@code _meta} ({@code -32602}, 400),
 * its headers against its body ({@code HeaderMismatch -32020}, 400), its version ({@code
 * UnsupportedProtocolVersion -32022}, 400), its method ({@code -32601}, 404).
 */
@Component
final class ModernMcpHandler {

    static final String SERVER_INFO_META = "io.modelcontextprotocol/serverInfo";

    static final String CLIENT_CAPABILITIES_META = "io.modelcontextprotocol/clientCapabilities";

    /** How long a client may keep {@code tools/list} and {@code server/discover}: they change with releases only. */
    static final long TTL_MS = 3_600_000;

    private final McpToolCalls tools;

    private final JsonMapper json;

    private final JsonNode serverInfo;

    ModernMcpHandler(McpToolCalls tools, JsonMapper json, McpIdentity identity) {
        this.tools = tools;
        this.json = json;
        this.serverInfo = json.valueToTree(identity.serverInfo());
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        Message message = RecognisedRequest.of(request.exchange()).message();
        JsonNode id = message.id();
        if (message.method() == null) {
            return error(
                    HttpStatus.BAD_REQUEST,
                    id,
                    JsonRpcErrors.INVALID_REQUEST,
                    "A client sends requests, not responses.");
        }
        if (id == null) {
            // this revision defines no notifications from the client on HTTP: nothing to act on
            return ServerResponse.accepted().build();
        }
        JsonNode params = message.json().path("params");
        JsonNode meta = params.path("_meta");
        JsonNode version = meta.path(ProtocolEra.PROTOCOL_VERSION_META);
        if (!version.isString() || !meta.path(CLIENT_CAPABILITIES_META).isObject()) {
            return error(
                    HttpStatus.BAD_REQUEST,
                    id,
                    JsonRpcErrors.INVALID_PARAMS,
                    "A 2026-07-28 request needs params._meta with \"" + ProtocolEra.PROTOCOL_VERSION_META
                            + "\" (a string) and \"" + CLIENT_CAPABILITIES_META + "\" (an object).");
        }
        String mismatch = RequestHeaders.mismatch(request.headers(), message, version.asString());
        if (mismatch != null) {
            return error(HttpStatus.BAD_REQUEST, id, JsonRpcErrors.HEADER_MISMATCH, "Header mismatch: " + mismatch);
        }
        if (!ProtocolEra.MODERN_VERSIONS.contains(version.asString())) {
            return McpErrors.unsupportedVersion(id, "Unsupported protocol version", version.asString());
        }
        return switch (message.method()) {
            case "server/discover" -> result(id, discover());
            case "tools/list" -> listTools(request, id, params);
            case "tools/call" -> callTool(request, id, params);
            default ->
                error(
                        HttpStatus.NOT_FOUND,
                        id,
                        JsonRpcErrors.METHOD_NOT_FOUND,
                        "Method not found: " + message.method() + ". This server implements server/discover, "
                                + "tools/list and tools/call.");
        };
    }

    private ObjectNode discover() {
        ObjectNode result = json.createObjectNode();
        result.set("supportedVersions", json.valueToTree(ProtocolEra.SUPPORTED_VERSIONS));
        result.putObject("capabilities").putObject("tools");
        result.put("instructions", McpIdentity.INSTRUCTIONS);
        return cacheable(result);
    }

    private Mono<ServerResponse> listTools(ServerRequest request, JsonNode id, JsonNode params) {
        JsonNode cursor = params.path("cursor");
        if (!cursor.isMissingNode() && !cursor.isNull()) {
            return error(HttpStatus.OK, id, JsonRpcErrors.INVALID_PARAMS, McpErrors.UNKNOWN_CURSOR);
        }
        ObjectNode result = json.createObjectNode();
        BillingPrincipal caller = PrincipalAttribute.of(request.exchange());
        result.set("tools", json.valueToTree(caller == null ? List.of() : tools.visibleTo(caller)));
        return result(id, cacheable(result));
    }

    private Mono<ServerResponse> callTool(ServerRequest request, JsonNode id, JsonNode params) {
        JsonNode name = params.path("name");
        JsonNode arguments = params.path("arguments");
        if (!name.isString()) {
            return error(HttpStatus.OK, id, JsonRpcErrors.INVALID_PARAMS, McpErrors.NEEDS_TOOL_NAME);
        }
        if (!arguments.isMissingNode() && !arguments.isNull() && !arguments.isObject()) {
            return error(
                    HttpStatus.OK,
                    id,
                    JsonRpcErrors.INVALID_PARAMS,
                    "params.arguments must be an object of the tool's inputs.");
        }
        if (!tools.has(name.asString())) {
            return error(HttpStatus.OK, id, JsonRpcErrors.INVALID_PARAMS, tools.unknownTool(name.asString()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> input = arguments.isObject() ? json.convertValue(arguments, Map.class) : Map.of();
        return tools.call(McpToolCalls.context(request), new McpSchema.CallToolRequest(name.asString(), input))
                .flatMap(outcome -> result(id, (ObjectNode) json.valueToTree(outcome)));
    }

    /** Marks a result as one a client may keep ({@code CacheableResult}); per credential, as tools may be. */
    private static ObjectNode cacheable(ObjectNode result) {
        result.put("ttlMs", TTL_MS);
        result.put("cacheScope", "private");
        return result;
    }

    private Mono<ServerResponse> result(JsonNode id, ObjectNode result) {
        result.put("resultType", "complete");
        ObjectNode meta = result.has("_meta") && result.get("_meta").isObject()
                ? (ObjectNode) result.get("_meta")
                : result.putObject("_meta");
        meta.set(SERVER_INFO_META, serverInfo);
        ObjectNode answer = json.createObjectNode();
        answer.put("jsonrpc", "2.0");
        answer.set("id", id);
        answer.set("result", result);
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsBytes(answer));
    }

    private Mono<ServerResponse> error(HttpStatus status, JsonNode id, int code, String message) {
        return error(status, id, code, message, null);
    }

    private Mono<ServerResponse> error(HttpStatus status, JsonNode id, int code, String message, Object data) {
        return McpErrors.response(status, id, code, message, data);
    }
}
