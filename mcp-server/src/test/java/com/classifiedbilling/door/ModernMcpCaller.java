package com.classifiedbilling.door;

import com.classifiedbilling.support.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /mcp} in the 2026-07-28 era, as its specification writes a request: no handshake, the
 * per-request {@code _meta} and the headers that mirror the body. (The Java SDK has no client of
 * this revision yet; the TypeScript one is run by {@code NodeClientsIT}.)
 */
final class ModernMcpCaller implements ToolCaller {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RawHttp http;

    private final String key;

    ModernMcpCaller(int port, String key) {
        this.http = new RawHttp(port);
        this.key = key;
    }

    @Override
    public Optional<List<String>> toolNames() {
        ObjectNode request = message("tools/list");
        List<String> names = new ArrayList<>();
        send(request, "tools/list", null)
                .path("result")
                .path("tools")
                .forEach(tool -> names.add(tool.path("name").asString()));
        return Optional.of(names);
    }

    /** A 2026-07-28 request with its _meta. */
    private static ObjectNode message(String method) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", 1);
        request.put("method", method);
        ObjectNode meta = request.putObject("params").putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        return request;
    }

    /** Sends a request with the headers that mirror it; answers the response body. */
    private JsonNode send(ObjectNode request, String method, String name) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + key);
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("MCP-Protocol-Version", "2026-07-28");
        headers.put("Mcp-Method", method);
        if (name != null) {
            headers.put("Mcp-Name", name);
        }
        try {
            return JSON.readTree(http.send(
                            "POST",
                            "/mcp",
                            headers,
                            JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8))
                    .body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Answer call(String tool, String input) {
        ObjectNode request = message("tools/call");
        ObjectNode params = (ObjectNode) request.path("params");
        params.put("name", tool);
        params.set("arguments", JSON.readTree(input));
        JsonNode body = send(request, "tools/call", tool);
        if (body.has("error")) {
            return new Answer(null, body.path("error").path("message").asString());
        }
        JsonNode result = body.path("result");
        if (!"complete".equals(result.path("resultType").asString())) {
            throw new IllegalStateException("not a complete result: " + result);
        }
        String text = result.path("content").get(0).path("text").asString();
        if (result.path("isError").asBoolean()) {
            return new Answer(null, text);
        }
        // the text content and the structured content carry the same JSON
        if (!JSON.readTree(text).equals(result.path("structuredContent"))) {
            throw new IllegalStateException("text and structured content differ: " + result);
        }
        return new Answer(result.path("structuredContent"), null);
    }
}
