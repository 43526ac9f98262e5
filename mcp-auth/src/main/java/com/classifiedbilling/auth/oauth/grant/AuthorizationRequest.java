package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.principal.Scope;
import java.util.Set;

/**
 * An authorization request that passed every check: the client and redirect URI first, then the
 * rest (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>).
 *
 * @param clientId the registered client, or {@code null} for the API page's flow without one
 * @param clientName what the consent page calls the client
 * @param redirectUri where the answer goes, exactly as sent
 * @param state the client's value, returned unchanged
 * @param codeChallenge the PKCE S256 challenge
 * @param scopes the scopes asked for (all, when the request names none)
 * @param resource the resource the tokens will be for
 * @param clientHost for a client known by its metadata document, the host the document came from,
 *     which the consent page shows beside the name so a person can tell a look-alike; else {@code null}
 */
public record AuthorizationRequest(
        String clientId,
        String clientName,
        String redirectUri,
        String state,
        String codeChallenge,
        Set<Scope> scopes,
        String resource,
        String clientHost) {

    public AuthorizationRequest {
        scopes = Set.copyOf(scopes);
    }
}
