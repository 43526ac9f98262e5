package com.classifiedbilling.door;

/** The shared cases on {@code /mcp} in the 2026-07-28 era: stateless, {@code _meta} on every request. */
class ModernStreamableHttpToolDoorIT extends ToolDoorTests {

    @Override
    protected ToolCaller caller(int port, String key) {
        return new ModernMcpCaller(port, key);
    }
}
