package com.classifiedbilling.auth.oauth;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The server's public URLs: the issuer, the endpoints it advertises, and the canonical URLs of the
 * protected doors that access tokens are issued for. They come from {@link
 * OAuthProperties#publicUrl()} when it is set, else from the request's {@code Host} — but only
 * when that names a loopback address or one of {@link OAuthProperties#allowedHosts()}: any other
 * Host is refused with a 400 {@link OAuthException}, so that a request cannot make the server
 * advertise an attacker's host as its issuer.
 */
@Component
public final class PublicUrls {

    private final URI configured;

    private final ProtectedResources resources;

    private final Set<String> allowedHosts;

    /** The base URL made of {@code configured}, or {@code null}. */
    private final String fixed;

    @Autowired
    PublicUrls(OAuthProperties properties, ProtectedResources resources) {
        this(properties.publicUrl(), properties.allowedHosts(), resources);
        if (configured == null) {
            LoggerFactory.getLogger(PublicUrls.class)
                    .warn(
                            "BILLING_PUBLIC_URL (billing.oauth.public-url) is not set: the issuer and metadata URLs follow each"
                                    + " request's Host, which is accepted only for loopback addresses and {}. Set it before"
                                    + " clients connect from elsewhere.",
                            allowedHosts.isEmpty() ? "no other host" : "billing.oauth.allowed-hosts " + allowedHosts);
        }
    }

    /**
     * URLs under a fixed public base, or from each request when {@code configured} is {@code null}
     * and its Host is loopback or one of {@code allowedHosts}.
     */
    public PublicUrls(URI configured, List<String> allowedHosts, ProtectedResources resources) {
        if (resources.paths().isEmpty()) {
            throw new IllegalArgumentException("A server protects at least one resource");
        }
        this.configured = configured;
        this.fixed = configured == null
                ? null
                : withoutTrailingSlash(configured.getScheme() + "://" + configured.getRawAuthority()
                        + (configured.getRawPath() == null ? "" : configured.getRawPath()));
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.resources = resources;
    }

    /** The public base URL when it is set (without a trailing slash), rather than read from each request. */
    public Optional<String> fixedBase() {
        return Optional.ofNullable(fixed);
    }

    /**
     * The base URL for this request, without a trailing slash, e.g. {@code https://host}.
     *
     * @throws OAuthException (400) when it would come from a Host that may not name the issuer
     */
    public String base(ServerWebExchange exchange) {
        String base = trustedBase(exchange);
        if (base == null) {
            throw untrustedHost();
        }
        return base;
    }

    /**
     * The base URL for this request, or {@code null} when its Host may not name the issuer: for
     * checks that should simply fail then (an access token presented there is not one of ours).
     */
    public String trustedBase(ServerWebExchange exchange) {
        if (fixed != null) {
            return fixed;
        }
        URI uri = exchange.getRequest().getURI();
        return trusted(uri.getHost()) ? uri.getScheme() + "://" + uri.getRawAuthority() : null;
    }

    /** Whether this request's base URL is the configured one, or its Host may name the issuer. */
    public boolean trusts(ServerWebExchange exchange) {
        return fixed != null || trusted(exchange.getRequest().getURI().getHost());
    }

    /** 127.0.0.0/8 written as a dotted quad. */
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

    private boolean trusted(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost")
                || name.equals("[::1]")
                || LOOPBACK_IPV4.matcher(name).matches()
                || allowedHosts.contains(name);
    }

    private static String withoutTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Why a request whose Host may not name the issuer is refused. */
    public static final String UNTRUSTED_HOST =
            "This server does not answer for that Host: its operator sets BILLING_PUBLIC_URL, or lists the host in"
                    + " billing.oauth.allowed-hosts.";

    private static OAuthException untrustedHost() {
        return new OAuthException(HttpStatus.BAD_REQUEST, "invalid_request", UNTRUSTED_HOST);
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
