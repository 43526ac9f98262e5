package com.classifiedbilling.auth.web;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Puts the authenticated {@link BillingPrincipal} on the exchange as an attribute, for code that
 * must read it synchronously (the MCP transports' context extractors), then lets the request on.
 */
public final class PrincipalAttribute implements ServerAuthenticationSuccessHandler {

    /** The exchange attribute that holds the principal of an authenticated request. */
    public static final String NAME = BillingPrincipal.class.getName();

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        if (authentication instanceof BillingAuthentication billing) {
            exchange.getAttributes().put(NAME, billing.getPrincipal());
        }
        return webFilterExchange.getChain().filter(exchange);
    }

    /** The principal of this exchange, or {@code null} when it is not authenticated. */
    public static BillingPrincipal of(ServerWebExchange exchange) {
        return exchange.getAttribute(NAME);
    }
}
