package com.classifiedbilling.auth.web;

import com.classifiedbilling.auth.oauth.OAuthEndpoints;
import java.util.Objects;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads every request's query string, and the form body of the OAuth endpoints that take one, with
 * {@link FormParameters} before anything else looks at them (Spring Security's CSRF check included),
 * and puts the result where everything downstream reads it: {@code getQueryParams()} and {@code
 * getFormData()}. Spring's own readers are lenient in ways that end in a 500 (a bad {@code %}
 * escape) or in text a database refuses (NUL); with this filter in front, no handler can meet
 * either. A broken query or form gets 400, a form over {@link FormParameters#MAX_FORM_BYTES} 413,
 * as an OAuth error on the OAuth endpoints and in the door's shape elsewhere.
 */
public final class ParametersFilter implements WebFilter {

    private final Refusals refusals;

    public ParametersFilter(Refusals refusals) {
        this.refusals = Objects.requireNonNull(refusals, "refusals");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String rawQuery = request.getURI().getRawQuery();
        boolean form = takesForm(exchange);
        if (rawQuery == null && !form) {
            return chain.filter(exchange);
        }
        MultiValueMap<String, String> query;
        try {
            query = FormParameters.parse(rawQuery);
        } catch (FormParameters.MalformedException e) {
            return refuse(exchange, HttpStatus.BAD_REQUEST, "The query string is malformed: " + e.getMessage());
        }
        if (!form) {
            return chain.filter(new Parsed(exchange, query, null, null));
        }
        return RequestBodies.read(request.getBody(), FormParameters.MAX_FORM_BYTES)
                .map(body -> {
                    try {
                        return new Parsed(exchange, query, body, FormParameters.parse(body));
                    } catch (FormParameters.MalformedException e) {
                        return new Refused(HttpStatus.BAD_REQUEST, "The form is malformed: " + e.getMessage());
                    }
                })
                .onErrorResume(
                        DataBufferLimitException.class,
                        tooLarge -> Mono.just(new Refused(
                                HttpStatus.PAYLOAD_TOO_LARGE,
                                "The form is larger than " + FormParameters.MAX_FORM_BYTES + " bytes.")))
                .flatMap(outcome -> outcome instanceof Refused refused
                        ? refuse(exchange, refused.status(), refused.message())
                        : chain.filter((Parsed) outcome));
    }

    private static boolean takesForm(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        return exchange.getRequest().getMethod() == HttpMethod.POST
                && type != null
                && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)
                && OAuthEndpoints.takesForm(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String message) {
        return OAuthEndpoints.isOAuth(exchange)
                ? refusals.refuseOAuth(exchange, status, "invalid_request", message)
                : refusals.refuse(exchange, status, message);
    }

    private record Refused(HttpStatus status, String message) {}

    /** The exchange with the strictly read parameters, and the form body replayed for any later reader. */
    private static final class Parsed extends ServerWebExchangeDecorator {

        private final ServerHttpRequest request;

        private final Mono<MultiValueMap<String, String>> form;

        Parsed(
                ServerWebExchange exchange,
                MultiValueMap<String, String> query,
                byte[] body,
                MultiValueMap<String, String> form) {
            super(exchange);
            this.form = form == null ? exchange.getFormData() : Mono.just(form);
            this.request = new ServerHttpRequestDecorator(exchange.getRequest()) {
                @Override
                public MultiValueMap<String, String> getQueryParams() {
                    return query;
                }

                @Override
                public Flux<DataBuffer> getBody() {
                    return body == null
                            ? super.getBody()
                            : Flux.defer(() -> Flux.just(
                                    exchange.getResponse().bufferFactory().wrap(body)));
                }
            };
        }

        @Override
        public ServerHttpRequest getRequest() {
            return request;
        }

        @Override
        public Mono<MultiValueMap<String, String>> getFormData() {
            return form;
        }
    }
}
