package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.oauth.PublicUrls;
import com.classifiedbilling.auth.web.ClientAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The authorization endpoint, {@code /mcp-connect} (alias {@code /authorize}): {@code GET} shows
 * the consent page, {@code POST} takes the user's answer and the API key (in the body, never the
 * URL) and answers 303 to the client's redirect URI with a code, or with {@code
 * error=access_denied} when the user denies. The form is protected against CSRF by the security
 * filter chain; the page may not be framed.
 */
@Component
final class ConsentHandler {

    private final AuthorizationRequestValidator validator;

    private final ConsentService consent;

    private final PublicUrls urls;

    ConsentHandler(AuthorizationRequestValidator validator, ConsentService consent, PublicUrls urls) {
        this.validator = validator;
        this.consent = consent;
        this.urls = urls;
    }

    Mono<ServerResponse> show(ServerRequest request) {
        String base = urls.base(request.exchange());
        return validator
                .validate(request.queryParams(), base)
                .flatMap(authorization -> page(request, authorization, HttpStatus.OK, null))
                .onErrorResume(AuthorizationException.class, e -> refuse(e, base, HttpStatus.FOUND));
    }

    Mono<ServerResponse> decide(ServerRequest request) {
        String base = urls.base(request.exchange());
        return request.formData()
                .flatMap(form -> validator
                        .validate(form, base)
                        .flatMap(authorization -> "approve".equals(form.getFirst("decision"))
                                ? approve(request, form, authorization, base)
                                : redirect(
                                        HttpStatus.SEE_OTHER,
                                        authorization.redirectUri(),
                                        query(
                                                "error",
                                                "access_denied",
                                                "error_description",
                                                "The user denied the request.",
                                                "state",
                                                authorization.state(),
                                                "iss",
                                                base)))
                        .onErrorResume(AuthorizationException.class, e -> refuse(e, base, HttpStatus.SEE_OTHER)));
    }

    private Mono<ServerResponse> approve(
            ServerRequest request,
            MultiValueMap<String, String> form,
            AuthorizationRequest authorization,
            String base) {
        return consent.approve(authorization, form.getFirst("api_key"), address(request))
                .flatMap(outcome -> {
                    if (outcome instanceof ConsentService.Outcome.Approved approved) {
                        return redirect(
                                HttpStatus.SEE_OTHER,
                                authorization.redirectUri(),
                                query("code", approved.code(), "state", authorization.state(), "iss", base));
                    }
                    if (outcome instanceof ConsentService.Outcome.NoScope) {
                        return redirect(
                                HttpStatus.SEE_OTHER,
                                authorization.redirectUri(),
                                query(
                                        "error",
                                        "invalid_scope",
                                        "error_description",
                                        "This API key may not do what the app asked for.",
                                        "state",
                                        authorization.state(),
                                        "iss",
                                        base));
                    }
                    if (outcome instanceof ConsentService.Outcome.Throttled) {
                        return page(
                                request,
                                authorization,
                                HttpStatus.TOO_MANY_REQUESTS,
                                "Too many wrong API keys were tried from here. Wait a few minutes, then try again.");
                    }
                    return page(
                            request,
                            authorization,
                            HttpStatus.BAD_REQUEST,
                            "That API key is not valid. Paste a cb_live_ key from Settings → API Keys.");
                });
    }

    private Mono<ServerResponse> page(
            ServerRequest request, AuthorizationRequest authorization, HttpStatus status, String message) {
        Mono<CsrfToken> csrf = request.exchange().getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return csrf.flatMap(token -> html(
                status,
                ConsentPage.consent(authorization, token.getParameterName(), token.getToken(), message),
                origin(authorization.redirectUri())));
    }

    private static Mono<ServerResponse> refuse(AuthorizationException e, String base, HttpStatus redirectStatus) {
        if (e.redirectUri() == null) {
            return html(HttpStatus.BAD_REQUEST, ConsentPage.error(e.getMessage()), null);
        }
        return redirect(
                redirectStatus,
                e.redirectUri(),
                query("error", e.error(), "error_description", e.getMessage(), "state", e.state(), "iss", base));
    }

    private static Mono<ServerResponse> redirect(HttpStatus status, String redirectUri, Map<String, String> params) {
        return ServerResponse.status(status)
                .header(HttpHeaders.LOCATION, withQuery(redirectUri, params))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** Query parameters from name–value pairs, in order, leaving out those without a value. */
    private static Map<String, String> query(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isEmpty()) {
                params.put(pairs[i], pairs[i + 1]);
            }
        }
        return params;
    }

    /**
     * An HTML answer that may not be framed, cached or sent on as a referrer; its form may post
     * here and be redirected to the client's origin (Chrome applies {@code form-action} to that
     * redirect too).
     */
    private static Mono<ServerResponse> html(HttpStatus status, String html, String formTarget) {
        String formAction = formTarget == null ? "'self'" : "'self' " + formTarget;
        return ServerResponse.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action " + formAction
                                + "; frame-ancestors 'none'; base-uri 'none'")
                .header("Referrer-Policy", "no-referrer")
                .bodyValue(html);
    }

    static String withQuery(String uri, Map<String, String> params) {
        StringBuilder target = new StringBuilder(uri);
        char separator = URI.create(uri).getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> param : params.entrySet()) {
            target.append(separator)
                    .append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return target.toString();
    }

    /** The CSP source for a redirect URI: its origin, or its scheme alone for a private-use one (RFC 8252 §7.1). */
    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getRawAuthority() == null
                ? parsed.getScheme() + ":"
                : parsed.getScheme() + "://" + parsed.getRawAuthority();
    }

    private static String address(ServerRequest request) {
        return ClientAddress.of(request.exchange());
    }
}
