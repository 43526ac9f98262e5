package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.oauth.GrantType;
import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.oauth.client.ClientCredentials;
import com.classifiedbilling.auth.oauth.client.OAuthClient;
import java.util.Optional;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * One grant type of the token endpoint: how its form becomes a typed request, and the rules that
 * turn that request into tokens.
 *
 * @param <R> the grant's request
 */
interface TokenGrant<R extends TokenRequest> {

    GrantType type();

    /**
     * The request in a form whose {@code grant_type} is this one; fails with {@code
     * invalid_request} naming a missing parameter.
     */
    R read(MultiValueMap<String, String> form, ClientCredentials client);

    /**
     * The tokens for a request whose client is authenticated ({@code client} is empty for the API
     * page's flow without a client), or an OAuth error.
     */
    Mono<TokenResponse> issue(R request, Optional<OAuthClient> client, String base);

    /** A form parameter that must be present and not empty. */
    static String required(MultiValueMap<String, String> form, String name, String why) {
        String value = form.getFirst(name);
        if (value == null || value.isEmpty()) {
            throw OAuthException.invalidRequest(name + " is required" + why + ".");
        }
        return value;
    }
}
