package com.classifiedbilling.auth.oauth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which redirect URIs a client may register, and when a requested one matches. A redirect URI is
 * {@code https}, or {@code http} on a loopback address; a native client's may also use a private-use
 * scheme named after a domain ({@code com.example.app:/callback}, <a
 * href="https://www.rfc-editor.org/rfc/rfc8252#section-7.1">RFC 8252 §7.1</a>), and a web client's
 * is https on a host that is not loopback ({@link ApplicationType}). None has a fragment, a
 * wildcard, user info or dot segments (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2">RFC
 * 6749 §3.1.2</a>). Matching is exact, character for character, except that a loopback URI matches
 * on any port (<a href="https://www.rfc-editor.org/rfc/rfc8252#section-7.3">RFC 8252 §7.3</a>), as
 * native clients such as {@code mcp-remote} pick a free port.
 */
public final class RedirectUris {

    static final int MAX_LENGTH = 2000;

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

    private RedirectUris() {}

    /** Why a URI may not be registered by a client that names no application type, or {@code null}. */
    public static String problem(String uri) {
        return problem(uri, null);
    }

    /** Why a URI may not be registered by a client of this type ({@code null}: none named), or {@code null}. */
    public static String problem(String uri, ApplicationType type) {
        if (uri == null || uri.isBlank()) {
            return "A redirect URI is empty.";
        }
        if (uri.length() > MAX_LENGTH) {
            return "A redirect URI is longer than " + MAX_LENGTH + " characters.";
        }
        if (uri.contains("#")) {
            return "A redirect URI must not have a fragment.";
        }
        if (uri.contains("*")) {
            return "A redirect URI must not contain a wildcard.";
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return "A redirect URI is not a valid URI.";
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
        if (path.contains("/../") || path.endsWith("/..") || path.contains("/./") || path.endsWith("/.")) {
            return "A redirect URI must not contain dot segments.";
        }
        if (type == ApplicationType.NATIVE && isPrivateUse(scheme)) {
            return path.startsWith("/") && parsed.getRawAuthority() == null
                    ? null
                    : "A private-use redirect URI is the scheme, a colon and a path: com.example.app:/callback.";
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return type == ApplicationType.NATIVE
                    ? "A native client's redirect URI uses http on a loopback address, https, or a private-use"
                            + " scheme named after a domain (com.example.app:/callback)."
                    : "A redirect URI must use https (or http on a loopback address).";
        }
        if (parsed.getRawAuthority() == null || parsed.getHost() == null) {
            return "A redirect URI must name a host.";
        }
        if (parsed.getRawUserInfo() != null) {
            return "A redirect URI must not contain user info.";
        }
        if (scheme.equals("http") && !isLoopback(parsed)) {
            return "A redirect URI with http must be on a loopback address (127.0.0.1, [::1] or localhost).";
        }
        if (type == ApplicationType.WEB && (scheme.equals("http") || isLoopback(parsed))) {
            return "A web client's redirect URI uses https on a host that is not loopback; a local app registers as"
                    + " native.";
        }
        return null;
    }

    /** Whether the requested URI is one of the registered ones. */
    public static boolean matches(List<String> registered, String requested) {
        if (requested == null) {
            return false;
        }
        for (String candidate : registered) {
            if (candidate.equals(requested) || sameLoopbackExceptPort(candidate, requested)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameLoopbackExceptPort(String registered, String requested) {
        URI a = parse(registered);
        URI b = parse(requested);
        return a != null
                && b != null
                && "http".equals(a.getScheme())
                && "http".equals(b.getScheme())
                && isLoopback(a)
                && a.getRawUserInfo() == null
                && b.getRawUserInfo() == null
                && b.getRawFragment() == null
                && Objects.equals(a.getHost(), b.getHost())
                && Objects.equals(a.getRawPath(), b.getRawPath())
                && Objects.equals(a.getRawQuery(), b.getRawQuery());
    }

    /** A scheme named after a domain, such as {@code com.example.app}: never one a browser acts on itself. */
    private static boolean isPrivateUse(String scheme) {
        return scheme.contains(".") && scheme.matches("[a-z][a-z0-9+.-]*");
    }

    private static boolean isLoopback(URI uri) {
        return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    private static URI parse(String uri) {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
