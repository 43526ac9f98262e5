package com.classifiedbilling.auth.oauth.grant;

/**
 * An authorization request that cannot go on. When the redirect URI is not yet trusted the user
 * sees an error page ({@link #redirectUri()} is {@code null}); once it is, the error goes back to
 * the client on it (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749
 * §4.1.2.1</a>).
 */
public final class AuthorizationException extends RuntimeException {

    private final String error;

    private final String redirectUri;

    private final String state;

    private AuthorizationException(String error, String description, String redirectUri, String state) {
        super(description, null, false, false);
        this.error = error;
        this.redirectUri = redirectUri;
        this.state = state;
    }

    /** A problem shown on the page, never sent to a redirect URI that could belong to anyone. */
    static AuthorizationException onPage(String description) {
        return new AuthorizationException("invalid_request", description, null, null);
    }

    /**
     * A problem sent back to the client on a redirect URI that is trusted for errors, or shown on
     * the page when {@code redirectUri} is {@code null} (a client no person has approved yet).
     */
    static AuthorizationException toClient(String error, String description, String redirectUri, String state) {
        return new AuthorizationException(error, description, redirectUri, state);
    }

    public String error() {
        return error;
    }

    /** The trusted redirect URI to send the error to, or {@code null} to show it on the page. */
    public String redirectUri() {
        return redirectUri;
    }

    public String state() {
        return state;
    }
}
