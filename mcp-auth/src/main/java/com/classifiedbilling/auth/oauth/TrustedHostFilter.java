package com.classifiedbilling.auth.oauth;

import com.classifiedbilling.auth.web.Refusals;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, with 400, every request to the authorization server's endpoints and well-known
 * documents whose {@code Host} may not name the issuer ({@link PublicUrls}): no registration,
 * consent page, token or metadata is served under a host the operator did not vouch for. Other
 * paths meet the same rule where they would publish a URL (the 401 challenge).
 */
public final class TrustedHostFilter implements WebFilter {

    private final PublicUrls urls;

    private final Refusals refusals;

    public TrustedHostFilter(PublicUrls urls, Refusals refusals) {
        this.urls = Objects.requireNonNull(urls, "urls");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // the Host first: it is a string compare, the path a walk over the endpoints' patterns
        if (urls.trusts(exchange) || !OAuthEndpoints.isOAuth(exchange)) {
            return chain.filter(exchange);
        }
        return refusals.refuseOAuth(exchange, HttpStatus.BAD_REQUEST, "invalid_request", PublicUrls.UNTRUSTED_HOST);
    }
}
