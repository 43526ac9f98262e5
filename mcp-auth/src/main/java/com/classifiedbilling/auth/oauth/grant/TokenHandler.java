package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.oauth.GrantType;
import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.oauth.OAuthResponses;
import com.classifiedbilling.auth.oauth.PublicUrls;
import com.classifiedbilling.auth.oauth.client.ClientCredentials;
import com.classifiedbilling.auth.oauth.client.ClientService;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/mcp-token} (the API page's token endpoint, alias {@code /token}) and {@code POST
 * /oauth/revoke}: HTTP only. A token request goes form → {@link TokenRequestConverter} (typed
 * request) → client authentication → its {@link TokenGrant}; revocation to {@link Revocations}.
 */
@Component
final class TokenHandler {

    private final TokenRequestConverter converter;

    private final ClientService clients;

    private final Revocations revocations;

    private final PublicUrls urls;

    private final TokenMetrics metrics;

    TokenHandler(
            TokenRequestConverter converter,
            ClientService clients,
            Revocations revocations,
            PublicUrls urls,
            TokenMetrics metrics) {
        this.converter = converter;
        this.clients = clients;
        this.revocations = revocations;
        this.urls = urls;
        this.metrics = metrics;
    }

    Mono<ServerResponse> token(ServerRequest request) {
        return Mono.defer(() -> {
                    String base = urls.base(request.exchange());
                    // null until the form names a grant type this server has: counted as unknown
                    AtomicReference<GrantType> grant = new AtomicReference<>();
                    return OAuthResponses.form(request)
                            .map(form -> converter.convert(form, authorization(request)))
                            .doOnNext(converted -> grant.set(converted.type()))
                            .flatMap(converted -> clients.authenticate(
                                            converted.request().client())
                                    .flatMap(client -> converted.issue(client, base)))
                            .doOnSuccess(issued -> metrics.tokens(grant.get(), true))
                            .doOnError(OAuthException.class, e -> metrics.tokens(grant.get(), false));
                })
                .flatMap(response -> OAuthResponses.json(HttpStatus.OK, response))
                .onErrorResume(OAuthException.class, OAuthResponses::error);
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        return Mono.defer(() -> {
                    String base = urls.base(request.exchange());
                    return OAuthResponses.form(request)
                            .flatMap(form -> revocations.revoke(
                                    form.getFirst("token"),
                                    ClientCredentials.from(form, authorization(request)),
                                    base));
                })
                .doOnSuccess(done -> metrics.revocation(true))
                .doOnError(OAuthException.class, e -> metrics.revocation(false))
                .then(ServerResponse.ok()
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build())
                .onErrorResume(OAuthException.class, OAuthResponses::error);
    }

    private static String authorization(ServerRequest request) {
        return request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
    }
}
