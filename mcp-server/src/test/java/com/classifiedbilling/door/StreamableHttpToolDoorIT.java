package com.classifiedbilling.door;

/** The shared cases on MCP Streamable HTTP at {@code /mcp}, through the MCP Java SDK client. */
class StreamableHttpToolDoorIT extends ToolDoorTests {

    @Override
    protected ToolCaller caller(int port, String key) {
        return McpCaller.streamableHttp(port, key);
    }
}
