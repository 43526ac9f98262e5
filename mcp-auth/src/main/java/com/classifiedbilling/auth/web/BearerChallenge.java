package com.classifiedbilling.auth.web;

import com.classifiedbilling.auth.oauth.PublicUrls;
import com.classifiedbilling.auth.principal.Scope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What a caller that is not let in sees: 401 with a {@code WWW-Authenticate: Bearer} challenge
 * (<a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750 §3</a>) that names the
 * protected resource metadata (<a href="https://www.rfc-editor.org/rfc/rfc9728#section-5.1">RFC
 * 9728 §5.1</a>), so that an MCP client can find where to get a token, and an error in the door's
 * shape; 429 when its address failed authentication too often lately; or 503 when its credential
 * could not be checked because a store was down.
 */
public final class BearerChallenge implements ServerAuthenticationEntryPoint, ServerAuthenticationFailureHandler {

    static final String MISSING = "Missing API key or access token. Send it as 'Authorization: Bearer cb_live_...'.";

    static final String UNAVAILABLE = "Service temporarily unavailable. Try again shortly.";

    private final Refusals refusals;

    private final PublicUrls urls;

    public BearerChallenge(Refusals refusals, PublicUrls urls) {
        this.refusals = refusals;
        this.urls = urls;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenSent = failure instanceof BadCredentialsException;
        String metadata = "resource_metadata=\"" + urls.resourceMetadata(exchange) + "\"";
        String challenge = tokenSent ? "Bearer error=\"invalid_token\", " + metadata : "Bearer " + metadata;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        String message = tokenSent ? failure.getMessage() : MISSING;
        return refusals.refuse(exchange, HttpStatus.UNAUTHORIZED, message);
    }

    /**
     * Sets the challenge of a 403 for a token that lacks a scope
     * (<a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>), naming the
     * scope to ask for, as the MCP authorization spec's step-up flow expects.
     */
    public void insufficientScope(ServerWebExchange exchange, Scope needed) {
        exchange.getResponse()
                .getHeaders()
                .set(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"insufficient_scope\", scope=\"" + needed.value() + "\", resource_metadata=\""
                                + urls.resourceMetadata(exchange) + "\"");
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException failure) {
        if (failure instanceof AuthenticationServiceException) {
            exchange.getExchange().getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
            return refusals.refuse(exchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
        }
        if (failure instanceof TooManyFailedAuthenticationsException throttled) {
            exchange.getExchange()
                    .getResponse()
                    .getHeaders()
                    .set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            return refusals.refuse(exchange.getExchange(), HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
        }
        return commence(exchange.getExchange(), failure);
    }
}
