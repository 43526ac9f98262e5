package com.classifiedbilling.door;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** An MCP door through the official MCP Java SDK client: Streamable HTTP or HTTP+SSE. */
final class McpCaller implements ToolCaller {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final McpSyncClient client;

    private McpCaller(McpClientTransport transport) {
        this.client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("classifiedbilling-tests", "1"))
                .build();
        client.initialize();
    }

    static McpCaller streamableHttp(int port, String key) {
        return new McpCaller(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                .endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(JSON))
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key))
                .build());
    }

    static McpCaller sse(int port, String key) {
        return sse(port, key, Map.of());
    }

    /** HTTP+SSE with these headers besides the key on every request (the stream's and each message's). */
    @SuppressWarnings("removal")
    static McpCaller sse(int port, String key, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Authorization", "Bearer " + key);
        headers.forEach(request::header);
        return new McpCaller(HttpClientSseClientTransport.builder("http://127.0.0.1:" + port)
                .sseEndpoint("/sse")
                .jsonMapper(new JacksonMcpJsonMapper(JSON))
                .requestBuilder(request)
                .build());
    }

    McpSyncClient client() {
        return client;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Answer call(String tool, String input) {
        Map<String, Object> arguments = JSON.readValue(input, Map.class);
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        if (Boolean.TRUE.equals(result.isError())) {
            return new Answer(null, text);
        }
        // the text content and the structured content carry the same JSON
        return new Answer(JSON.valueToTree(result.structuredContent()), null);
    }

    @Override
    public Optional<List<String>> toolNames() {
        return Optional.of(
                client.listTools().tools().stream().map(McpSchema.Tool::name).toList());
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
