package com.classifiedbilling.auth.oauth;

import java.net.URI;
import java.util.ArrayList;
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

    private final URI configured;

    private final ProtectedResources resources;

    @Autowired
    PublicUrls(OAuthProperties properties, ProtectedResources resources) {
        this(properties.publicUrl(), resources);
    }

    /** URLs under a fixed public base, or from each request when {@code configured} is {@code null}. */
    public PublicUrls(URI configured, ProtectedResources resources) {
        if (resources.paths().isEmpty()) {
            throw new IllegalArgumentException("A server protects at least one resource");
        }
        this.configured = configured;
        this.resources = resources;
    }

    /** The base URL for this request, without a trailing slash, e.g. {@code https://host}. */
    public String base(ServerWebExchange exchange) {
        URI uri = configured != null ? configured : exchange.getRequest().getURI();
        String authority = uri.getRawAuthority();
        String path = configured != null && uri.getRawPath() != null ? uri.getRawPath() : "";
        String base = uri.getScheme() + "://" + authority + path;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The paths of the protected resources under a base URL ({@link ProtectedResources#paths()}). */
    public List<String> resourcePaths() {
        return resources.paths();
    }

    /** The protected resources of a base URL: the base itself and each door. */
    public List<String> resources(String base) {
        List<String> all = new ArrayList<>();
        all.add(base);
        resources.paths().forEach(path -> all.add(base + path));
        return List.copyOf(all);
    }

    /** The resource a token is for when the client names none. */
    public String defaultResource(String base) {
        return base + resources.paths().get(0);
    }

    /**
     * The protected resource metadata URL for a request
     * (<a href="https://www.rfc-editor.org/rfc/rfc9728#section-3.1">RFC 9728 §3.1</a>): the path
     * form for a door, the root form for the rest of the API.
     */
    public String resourceMetadata(ServerWebExchange exchange) {
        return base(exchange) + RESOURCE_METADATA + resources.of(exchange);
    }

    /** Where the protected resource metadata lives, before the resource's path. */
    public static final String RESOURCE_METADATA = "/.well-known/oauth-protected-resource";
}
