package com.classifiedbilling.auth.oauth.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of application a client is (<a
 * href="https://openid.net/specs/openid-connect-registration-1_0.html#ClientMetadata">OpenID
 * Connect Dynamic Client Registration 1.0 §2</a>), which decides its redirect URIs ({@link
 * RedirectUris}). A client that names none keeps the rules that serve both: https, or http on a
 * loopback address.
 */
public enum ApplicationType {
    /** Desktop, mobile and command-line apps: loopback http, private-use schemes, or https. */
    NATIVE("native"),
    /** Apps served from a remote host: https on a host that is not loopback. */
    WEB("web");

    private final String value;

    ApplicationType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ApplicationType> fromValue(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
