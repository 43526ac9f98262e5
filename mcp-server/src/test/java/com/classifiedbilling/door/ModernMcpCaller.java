package com.classifiedbilling.door;

import com.classifiedbilling.support.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
    public Answer call(String tool, String input) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", 1);
        request.put("method", "tools/call");
        ObjectNode params = request.putObject("params");
        params.put("name", tool);
        params.set("arguments", JSON.readTree(input));
        ObjectNode meta = params.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        try {
            RawHttp.Answer answer = http.send(
                    "POST",
                    "/mcp",
                    Map.of(
                            "Authorization", "Bearer " + key,
                            "Content-Type", "application/json",
                            "Accept", "application/json, text/event-stream",
                            "MCP-Protocol-Version", "2026-07-28",
                            "Mcp-Method", "tools/call",
                            "Mcp-Name", tool),
                    JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            JsonNode body = JSON.readTree(answer.body());
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
