package com.classifiedbilling.door;

/** The shared cases on MCP HTTP+SSE at {@code /sse} and {@code /message}, through the MCP Java SDK client. */
class SseToolDoorIT extends ToolDoorTests {

    @Override
    protected ToolCaller caller(int port, String key) {
        return McpCaller.sse(port, key);
    }
}
