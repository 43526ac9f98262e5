package com.classifiedbilling.auth.web;

import com.classifiedbilling.auth.apikey.ApiKeyAuthenticator;
import com.classifiedbilling.auth.apikey.ApiKeySecrets;
import com.classifiedbilling.auth.principal.BillingPrincipal;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import reactor.core.publisher.Mono;

/**
 * Checks a bearer credential: an API key ({@code cb_live_…}) or, once OAuth is in place, an access
 * token. An unknown, revoked or expired credential is a {@link BadCredentialsException}; a store
 * that cannot be reached is an {@link AuthenticationServiceException}, so the caller is told to
 * retry rather than that its key is wrong.
 */
public final class BearerAuthenticationManager implements ReactiveAuthenticationManager {

    static final String INVALID = "Invalid, expired or revoked API key or access token.";

    private final ApiKeyAuthenticator apiKeys;

    public BearerAuthenticationManager(ApiKeyAuthenticator apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerToken bearer)) {
            return Mono.empty();
        }
        return resolve(bearer.token())
                .<Authentication>map(BillingAuthentication::new)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException(INVALID)))
                .onErrorMap(
                        e -> !(e instanceof AuthenticationException),
                        e -> new AuthenticationServiceException("Credential store unavailable", e));
    }

    private Mono<BillingPrincipal> resolve(String token) {
        if (ApiKeySecrets.isApiKey(token)) {
            return apiKeys.authenticate(token);
        }
        return Mono.empty();
    }
}
