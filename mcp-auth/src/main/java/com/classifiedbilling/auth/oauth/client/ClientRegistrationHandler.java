package com.classifiedbilling.auth.oauth.client;

import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.oauth.OAuthResponses;
import com.classifiedbilling.auth.web.RequestBodies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Dynamic client registration, {@code POST /oauth/register} (alias {@code /register}): a JSON
 * request in, 201 with the client's id (and secret, for a confidential client) out
 * (<a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1">RFC 7591 §3.2.1</a>).
 */
@Component
final class ClientRegistrationHandler {

    private final ClientService clients;

    ClientRegistrationHandler(ClientService clients) {
        this.clients = clients;
    }

    Mono<ServerResponse> register(ServerRequest request) {
        boolean json = request.headers()
                .contentType()
                .map(MediaType.APPLICATION_JSON::isCompatibleWith)
                .orElse(false);
        if (!json) {
            return RequestBodies.discard(request.exchange().getRequest())
                    .then(Mono.defer(() -> OAuthResponses.error(new OAuthException(
                            HttpStatus.BAD_REQUEST,
                            "invalid_client_metadata",
                            "Send the registration as application/json."))));
        }
        return request.bodyToMono(JsonNode.class)
                .onErrorMap(
                        e -> e instanceof DecodingException || e instanceof ServerWebInputException,
                        e -> new OAuthException(
                                HttpStatus.BAD_REQUEST, "invalid_client_metadata", "The body is not valid JSON."))
                .switchIfEmpty(Mono.error(() ->
                        new OAuthException(HttpStatus.BAD_REQUEST, "invalid_client_metadata", "The body is empty.")))
                .map(ClientRegistrationRequest::from)
                .flatMap(clients::register)
                .flatMap(registered -> OAuthResponses.json(HttpStatus.CREATED, body(registered)))
                .onErrorResume(OAuthException.class, OAuthResponses::error);
    }

    private static Map<String, Object> body(ClientService.Registered registered) {
        OAuthClient client = registered.client();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", client.id());
        if (registered.secret() != null) {
            body.put("client_secret", registered.secret());
            body.put("client_secret_expires_at", 0);
        }
        body.put("client_id_issued_at", client.createdAt().getEpochSecond());
        body.put("client_name", client.name());
        body.put("redirect_uris", client.redirectUris());
        body.put("token_endpoint_auth_method", client.authMethod().value());
        body.put("grant_types", client.grantTypes().stream().sorted().toList());
        body.put("response_types", List.of("code"));
        if (client.applicationType() != null) {
            body.put("application_type", client.applicationType().value());
        }
        return body;
    }
}
