package com.classifiedbilling.auth.web;

import com.classifiedbilling.auth.apikey.ApiKeyAuthenticator;
import com.classifiedbilling.auth.apikey.ApiKeySecrets;
import com.classifiedbilling.auth.oauth.grant.AccessTokenAuthenticator;
import com.classifiedbilling.auth.oauth.jwt.AccessTokens;
import com.classifiedbilling.auth.principal.BillingPrincipal;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import reactor.core.publisher.Mono;

/**
 * Checks a bearer credential: an API key ({@code cb_live_…}) or an OAuth access token (a JWT). An
 * unknown, revoked or expired credential is a {@link BadCredentialsException} and counts against its
 * sender's address; an address that failed too often gets {@link
 * TooManyFailedAuthenticationsException} without a lookup; a store that cannot be reached is an
 * {@link AuthenticationServiceException}, so the caller is told to retry rather than that its key
 * is wrong.
 */
public final class BearerAuthenticationManager implements ReactiveAuthenticationManager {

    static final String INVALID = "Invalid, expired or revoked API key or access token.";

    private final ApiKeyAuthenticator apiKeys;

    private final AccessTokenAuthenticator accessTokens;

    private final FailedAuthenticationThrottle throttle;

    public BearerAuthenticationManager(
            ApiKeyAuthenticator apiKeys, AccessTokenAuthenticator accessTokens, FailedAuthenticationThrottle throttle) {
        this.apiKeys = apiKeys;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerToken bearer)) {
            return Mono.empty();
        }
        long wait = throttle.retryAfterSeconds(bearer.address());
        if (wait > 0) {
            return Mono.error(new TooManyFailedAuthenticationsException(wait));
        }
        return resolve(bearer)
                .<Authentication>map(BillingAuthentication::new)
                .switchIfEmpty(Mono.defer(() ->
                        throttle.failed(bearer.address()).then(Mono.error(() -> new BadCredentialsException(INVALID)))))
                .onErrorMap(
                        e -> !(e instanceof AuthenticationException),
                        e -> new AuthenticationServiceException("Credential store unavailable", e));
    }

    private Mono<BillingPrincipal> resolve(BearerToken bearer) {
        String token = bearer.token();
        if (ApiKeySecrets.isApiKey(token)) {
            return apiKeys.authenticate(token);
        }
        if (AccessTokens.looksLikeJwt(token)) {
            return accessTokens.authenticate(token, bearer.base());
        }
        return Mono.empty();
    }
}
