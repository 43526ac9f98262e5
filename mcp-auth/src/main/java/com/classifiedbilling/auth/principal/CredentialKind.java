package com.classifiedbilling.auth.principal;

/** How a caller proved who it is. */
public enum CredentialKind {
    /** A {@code cb_live_…} key made in Settings or by the admin CLI. */
    API_KEY,
    /** An OAuth 2.0 access token issued to a client such as Claude. */
    OAUTH_TOKEN
}
