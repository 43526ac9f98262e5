package com.classifiedbilling.door;

import com.classifiedbilling.auth.oauth.ProtectedResources;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** The protected resources of the OAuth module are the MCP doors: {@code /mcp} first, then {@code /sse}. */
@Component
final class DoorResources implements ProtectedResources {

    private final List<String> paths = Door.resources();

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public String of(ServerWebExchange exchange) {
        Door door = RecognisedRequest.of(exchange).door();
        return door == null ? "" : door.resource();
    }
}
