package com.classifiedbilling.auth.oauth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which {@code client_id}s name a client metadata document: an {@code https} URL with a path
 * (draft-ietf-oauth-client-id-metadata-document §3). Every other {@code client_id} is a registered
 * client's. A URL that looks like one but breaks a rule is refused with the rule it breaks.
 */
final class ClientIdUrls {

    /** The longest document URL taken (the {@code oauth_clients.id} column holds it). */
    static final int MAX_LENGTH = 2000;

    private ClientIdUrls() {}

    /** Whether this {@code client_id} is meant as a document URL (and is then checked by {@link #problem}). */
    static boolean isUrl(String clientId) {
        return clientId != null && clientId.regionMatches(true, 0, "https:", 0, 6)
                || clientId != null && clientId.regionMatches(true, 0, "http:", 0, 5);
    }

    /** Why this document URL may not be used, or {@code null} when it may. */
    static String problem(String url) {
        if (url.length() > MAX_LENGTH) {
            return "The client_id URL is longer than " + MAX_LENGTH + " characters.";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "The client_id is not a valid URL.";
        }
        if (!"https".equals(uri.getScheme())) {
            return "A client_id URL must use https.";
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null || uri.getHost() == null) {
            return "A client_id URL names a host, and has no user info and no fragment.";
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "A client_id URL must have a path, such as https://app.example/client.json.";
        }
        if (path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..")) {
            return "A client_id URL must not contain dot segments.";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") || host.matches("[0-9.]+") || host.matches("0x[0-9a-f.x]+")) {
            return "A client_id URL names its host by a DNS name, not an IP address.";
        }
        return null;
    }

    /** The host of a URL that passed {@link #problem}. */
    static String host(String url) {
        return URI.create(url).getHost().toLowerCase(Locale.ROOT);
    }
}
