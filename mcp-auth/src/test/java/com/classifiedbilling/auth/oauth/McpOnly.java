package com.classifiedbilling.auth.oauth;

import java.util.List;
import org.springframework.web.server.ServerWebExchange;

/** For unit tests: a server that protects one resource, {@code /mcp}. */
public final class McpOnly implements ProtectedResources {

    @Override
    public List<String> paths() {
        return List.of("/mcp");
    }

    @Override
    public String of(ServerWebExchange exchange) {
        return "/mcp";
    }
}
