package com.classifiedbilling.auth.oauth;

import org.springframework.http.HttpStatus;

/**
 * An OAuth error as <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 * names it: a registered error code, a sentence for the developer, and the HTTP status it is sent
 * with. The description never contains a secret.
 */
public final class OAuthException extends RuntimeException {

    private final String error;

    private final HttpStatus status;

    public OAuthException(HttpStatus status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, "invalid_request", description);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, "invalid_grant", description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(HttpStatus.UNAUTHORIZED, "invalid_client", description);
    }

    public String error() {
        return error;
    }

    public HttpStatus status() {
        return status;
    }

    public String description() {
        return getMessage();
    }
}
