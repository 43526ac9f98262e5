package com.classifiedbilling.auth.oauth.client;

/**
 * A client metadata document that cannot be used: refused (it breaks a rule; tried again after the
 * cache floor) or unreachable (no answer; tried again sooner). The message says which rule, for the
 * consent page and the token endpoint's {@code invalid_client}; it never quotes the document.
 */
public final class ClientMetadataException extends RuntimeException {

    private final boolean unreachable;

    private ClientMetadataException(String message, boolean unreachable) {
        super(message, null, false, false);
        this.unreachable = unreachable;
    }

    static ClientMetadataException refused(String message) {
        return new ClientMetadataException(message, false);
    }

    static ClientMetadataException unreachable(String message) {
        return new ClientMetadataException(message, true);
    }

    /** Whether the document could not be fetched at all, rather than being refused. */
    boolean unreachable() {
        return unreachable;
    }
}
