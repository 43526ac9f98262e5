package com.classifiedbilling.door;

/** The shared cases on {@code POST /api/mcp-server}. */
class LegacyToolDoorIT extends ToolDoorTests {

    @Override
    protected ToolCaller caller(int port, String key) {
        return new LegacyCaller(port, key);
    }
}
