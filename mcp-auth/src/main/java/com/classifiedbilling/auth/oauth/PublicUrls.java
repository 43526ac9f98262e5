package com.classifiedbilling.auth.oauth;

import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The server's public URLs: the issuer, the endpoints it advertises, and the canonical URLs of the
 * protected doors that access tokens are issued for. They come from {@link
 * OAuthProperties#publicUrl()} when it is set, else from the request.
 */
@Component
public final class PublicUrls {

    /** The doors an access token may be used on, as paths of the canonical resources. */
    static final List<String> DOORS = List.of("/mcp", "/sse");

    private final URI configured;

    @Autowired
    PublicUrls(OAuthProperties properties) {
        this(properties.publicUrl());
    }

    /** URLs under a fixed public base, or from each request when {@code configured} is {@code null}. */
    public PublicUrls(URI configured) {
        this.configured = configured;
    }

    /** The base URL for this request, without a trailing slash, e.g. {@code https://host}. */
    public String base(ServerWebExchange exchange) {
        URI uri = configured != null ? configured : exchange.getRequest().getURI();
        String authority = uri.getRawAuthority();
        String path = configured != null && uri.getRawPath() != null ? uri.getRawPath() : "";
        String base = uri.getScheme() + "://" + authority + path;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The protected resources of a base URL: the base itself and each MCP door. */
    public static List<String> resources(String base) {
        return List.of(base, base + DOORS.get(0), base + DOORS.get(1));
    }

    /** The resource a token is for when the client names none: the Streamable HTTP door. */
    public static String defaultResource(String base) {
        return base + DOORS.get(0);
    }

    /**
     * The protected resource metadata URL for a request path
     * (<a href="https://www.rfc-editor.org/rfc/rfc9728#section-3.1">RFC 9728 §3.1</a>): the path
     * form for {@code /mcp} and the SSE door, the root form for the rest of the API.
     */
    public static String resourceMetadata(String base, String requestPath) {
        String suffix = "";
        if (requestPath.equals("/mcp") || requestPath.startsWith("/mcp/")) {
            suffix = "/mcp";
        } else if (requestPath.equals("/sse") || requestPath.equals("/message")) {
            suffix = "/sse";
        }
        return base + "/.well-known/oauth-protected-resource" + suffix;
    }
}
