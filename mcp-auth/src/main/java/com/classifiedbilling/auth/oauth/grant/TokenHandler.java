package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.oauth.OAuthResponses;
import com.classifiedbilling.auth.oauth.PublicUrls;
import com.classifiedbilling.auth.oauth.client.ClientCredentials;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/mcp-token} (the API page's token endpoint, alias {@code /token}) and {@code POST
 * /oauth/revoke}: HTTP only; the rules are the {@link TokenService}'s.
 */
@Component
final class TokenHandler {

    private final TokenService tokens;

    private final PublicUrls urls;

    TokenHandler(TokenService tokens, PublicUrls urls) {
        this.tokens = tokens;
        this.urls = urls;
    }

    Mono<ServerResponse> token(ServerRequest request) {
        String base = urls.base(request.exchange());
        return OAuthResponses.form(request)
                .flatMap(form -> tokens.token(form, credentials(request, form), base))
                .flatMap(response -> OAuthResponses.json(HttpStatus.OK, response))
                .onErrorResume(OAuthException.class, OAuthResponses::error);
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        String base = urls.base(request.exchange());
        return OAuthResponses.form(request)
                .flatMap(form -> tokens.revoke(form.getFirst("token"), credentials(request, form), base))
                .then(ServerResponse.ok()
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build())
                .onErrorResume(OAuthException.class, OAuthResponses::error);
    }

    private static ClientCredentials credentials(ServerRequest request, MultiValueMap<String, String> form) {
        return ClientCredentials.from(form, request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
    }
}
