package com.classifiedbilling.auth.oauth;

import java.util.List;
import org.springframework.web.server.ServerWebExchange;

/**
 * The server's protected resources (<a href="https://www.rfc-editor.org/rfc/rfc9728">RFC 9728</a>)
 * as paths under its base URL: the doors access tokens are issued for. The server that mounts this
 * module says what they are, so that their paths are written in one place only.
 */
public interface ProtectedResources {

    /** The resource paths, e.g. {@code /mcp}; the first is the default when a client names none. */
    List<String> paths();

    /**
     * The resource path a request was sent to, as recognised where it entered; {@code ""} for
     * the rest of the API.
     */
    String of(ServerWebExchange exchange);
}
