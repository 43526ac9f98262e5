package com.classifiedbilling.support;

import java.net.URI;
import java.net.http.HttpRequest;

/** A 2026-07-28 {@code tools/call} as a client sends it over plain HTTP: its body and its request. */
public final class ModernToolCall {

    private ModernToolCall() {}

    /**
     * The JSON-RPC message, with the {@code _meta} the era requires.
     *
     * @param arguments the tool's arguments as JSON text
     * @param moreMeta further members of {@code _meta} as JSON text, e.g. {@code "traceparent":"…"}; empty for none
     */
    public static String body(String tool, String arguments, String moreMeta) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + ",\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}"
                + (moreMeta.isEmpty() ? "" : "," + moreMeta) + "}}}";
    }

    /** The POST of that message to this {@code /mcp}, with the headers that mirror it. */
    public static HttpRequest.Builder request(URI mcp, String key, String tool, String body) {
        return HttpRequest.newBuilder(mcp)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
