package com.classifiedbilling.auth.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The JSON answers of the OAuth endpoints: never cached (RFC 6749 §5.1), errors as {@code {"error",
 * "error_description"}} (§5.2).
 */
public final class OAuthResponses {

    private OAuthResponses() {}

    public static Mono<ServerResponse> json(HttpStatus status, Object body) {
        return noStore(status).bodyValue(body);
    }

    public static Mono<ServerResponse> error(OAuthException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.description());
        ServerResponse.BodyBuilder response = noStore(e.status());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            // RFC 6749 §5.2: a 401 for client authentication names the scheme
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ClassifiedBilling OAuth\"");
        }
        return response.bodyValue(body);
    }

    private static ServerResponse.BodyBuilder noStore(HttpStatus status) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.PRAGMA, "no-cache");
    }

    /**
     * The form of a token or revocation request: {@code application/x-www-form-urlencoded}, each
     * parameter at most once (RFC 6749 §3.2).
     */
    public static Mono<MultiValueMap<String, String>> form(ServerRequest request) {
        boolean isForm = request.headers()
                .contentType()
                .map(MediaType.APPLICATION_FORM_URLENCODED::isCompatibleWith)
                .orElse(false);
        if (!isForm) {
            return Mono.error(OAuthException.invalidRequest("Send the request as application/x-www-form-urlencoded."));
        }
        return request.formData().flatMap(form -> {
            for (Map.Entry<String, List<String>> entry : form.entrySet()) {
                if (entry.getValue().size() > 1) {
                    return Mono.error(OAuthException.invalidRequest(
                            "The parameter " + entry.getKey() + " was sent more than once."));
                }
            }
            return Mono.just(form);
        });
    }
}
