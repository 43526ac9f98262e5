package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.oauth.client.ClientCredentials;

/**
 * A token request as a typed value, one record per grant type, made from the form by {@link
 * TokenRequestConverter}: what the grant's class needs, and nothing it would have to look up in a
 * form again.
 */
sealed interface TokenRequest permits AuthorizationCodeGrant.Request, RefreshTokenGrant.Request {

    /** Who the request says its client is; authenticated before the grant runs. */
    ClientCredentials client();
}
