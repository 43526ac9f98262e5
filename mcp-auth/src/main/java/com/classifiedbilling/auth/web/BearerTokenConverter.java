package com.classifiedbilling.auth.web;

import com.classifiedbilling.auth.oauth.PublicUrls;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the credential from {@code Authorization: Bearer <token>}
 * (<a href="https://www.rfc-editor.org/rfc/rfc6750#section-2.1">RFC 6750 §2.1</a>). No header means
 * no credential; any other scheme, an empty token or several headers is a bad credential. Tokens in
 * the query string are never read.
 */
public final class BearerTokenConverter implements ServerAuthenticationConverter {

    static final int MAX_TOKEN_LENGTH = 4096;

    private static final String SCHEME = "bearer ";

    private final PublicUrls urls;

    public BearerTokenConverter(PublicUrls urls) {
        this.urls = urls;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        List<String> headers = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
        if (headers.isEmpty()) {
            return Mono.empty();
        }
        String header = headers.get(0);
        if (headers.size() > 1
                || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Mono.error(new BadCredentialsException("Authorization must be 'Bearer <API key or access token>'."));
        }
        String token = header.substring(SCHEME.length()).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || token.contains(" ")) {
            return Mono.error(new BadCredentialsException("Authorization must be 'Bearer <API key or access token>'."));
        }
        return Mono.just(new BearerToken(token, urls.trustedBase(exchange), ClientAddress.of(exchange)));
    }
}
