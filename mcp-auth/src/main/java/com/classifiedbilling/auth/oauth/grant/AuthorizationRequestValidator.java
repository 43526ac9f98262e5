package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.oauth.OAuthProperties;
import com.classifiedbilling.auth.oauth.PublicUrls;
import com.classifiedbilling.auth.oauth.client.ClientMetadataException;
import com.classifiedbilling.auth.oauth.client.ClientService;
import com.classifiedbilling.auth.oauth.client.OAuthClient;
import com.classifiedbilling.auth.oauth.client.RedirectUris;
import com.classifiedbilling.auth.principal.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * Checks an authorization request, in the order that keeps users safe: the client and the exact
 * redirect URI before anything else, so that no error is ever sent to a URI the client did not
 * register (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749
 * §4.1.2.1</a>); then the response type, state, PKCE challenge, scopes and resource, whose errors
 * go back to the client.
 */
@Component
final class AuthorizationRequestValidator {

    static final int MAX_STATE = 1000;

    private static final List<String> SINGLE = List.of(
            "client_id",
            "redirect_uri",
            "response_type",
            "state",
            "code_challenge",
            "code_challenge_method",
            "scope",
            "resource");

    private final ClientService clients;

    private final List<String> allowedWithoutClient;

    private final PublicUrls urls;

    AuthorizationRequestValidator(ClientService clients, OAuthProperties properties, PublicUrls urls) {
        this.urls = urls;
        this.clients = clients;
        this.allowedWithoutClient = properties.allowedRedirectUris();
    }

    Mono<AuthorizationRequest> validate(MultiValueMap<String, String> params, String base) {
        for (String name : SINGLE) {
            List<String> values = params.get(name);
            if (values != null && values.size() > 1) {
                return Mono.error(AuthorizationException.onPage("The parameter " + name + " was sent more than once."));
            }
        }
        String clientId = params.getFirst("client_id");
        String redirectUri = params.getFirst("redirect_uri");
        if (redirectUri == null || redirectUri.isEmpty()) {
            return Mono.error(AuthorizationException.onPage("The request has no redirect_uri."));
        }
        if (clientId == null || clientId.isEmpty()) {
            if (!allowedWithoutClient.contains(redirectUri)) {
                return Mono.error(AuthorizationException.onPage(
                        "Without a client_id, only the allowed redirect URIs may be used; register your app first."));
            }
            // the operator allowed these redirect URIs: errors may go there
            return Mono.fromCallable(
                    () -> rest(params, null, "ClassifiedBilling connector", redirectUri, redirectUri, base));
        }
        return clients.find(clientId)
                .onErrorMap(
                        ClientMetadataException.class,
                        e -> AuthorizationException.onPage(
                                "This app's client metadata document (its client_id) cannot be used: "
                                        + e.getMessage()))
                .switchIfEmpty(
                        Mono.error(() -> AuthorizationException.onPage("Unknown client_id: register your app first.")))
                .map(client -> {
                    if (!RedirectUris.matches(client.redirectUris(), redirectUri)) {
                        throw AuthorizationException.onPage("The redirect_uri is not one this app registered.");
                    }
                    return rest(params, client, client.name(), redirectUri, errorsTo(client, redirectUri), base);
                });
    }

    /**
     * Where this client's errors may be sent: its redirect URI once a person has approved it, and
     * nowhere before (<a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.11.2">RFC 9700
     * §4.11.2</a>). Anyone may register a client with any https redirect URI; sending that
     * registration's errors to it with no person involved would make this server an open redirector.
     */
    private static String errorsTo(OAuthClient client, String redirectUri) {
        return client.unusedExpiresAt() == null ? redirectUri : null;
    }

    /** The rest of the request; its errors go to {@code errorsTo}, or on the page when it is {@code null}. */
    private AuthorizationRequest rest(
            MultiValueMap<String, String> params,
            OAuthClient client,
            String name,
            String redirectUri,
            String errorsTo,
            String base) {
        String state = params.getFirst("state");
        String responseType = params.getFirst("response_type");
        if (responseType != null && !responseType.equals("code")) {
            throw AuthorizationException.toClient(
                    "unsupported_response_type", "Only response_type=code is supported.", errorsTo, state);
        }
        if (state == null || state.isEmpty() || state.length() > MAX_STATE) {
            throw AuthorizationException.toClient(
                    "invalid_request", "state is required (1 to " + MAX_STATE + " characters).", errorsTo, state);
        }
        String challenge = params.getFirst("code_challenge");
        String method = params.getFirst("code_challenge_method");
        if (challenge == null || challenge.isEmpty()) {
            throw AuthorizationException.toClient(
                    "invalid_request", "code_challenge is required (PKCE, S256).", errorsTo, state);
        }
        if (method != null && !method.equals("S256")) {
            throw AuthorizationException.toClient(
                    "invalid_request", "code_challenge_method must be S256.", errorsTo, state);
        }
        if (!Pkce.wellFormedChallenge(challenge)) {
            throw AuthorizationException.toClient(
                    "invalid_request",
                    "code_challenge must be the base64url SHA-256 of the verifier (43 characters).",
                    errorsTo,
                    state);
        }
        Set<Scope> scopes = scopes(params.getFirst("scope"), errorsTo, state);
        String resource = params.getFirst("resource");
        if (resource == null || resource.isEmpty()) {
            resource = urls.defaultResource(base);
        } else if (!urls.resources(base).contains(resource)) {
            throw AuthorizationException.toClient(
                    "invalid_target", "resource must be this server's MCP endpoint.", errorsTo, state);
        }
        return new AuthorizationRequest(
                client == null ? null : client.id(),
                name,
                redirectUri,
                state,
                challenge,
                scopes,
                resource,
                client == null ? null : client.documentHost());
    }

    /**
     * The known scopes asked for. Others (such as {@code offline_access}) are left out, as §3.3
     * allows; a request naming none of ours is refused.
     */
    private static Set<Scope> scopes(String scope, String errorsTo, String state) {
        if (scope == null || scope.isBlank()) {
            return EnumSet.allOf(Scope.class);
        }
        Set<Scope> scopes = Scope.parse(scope);
        if (scopes.isEmpty()) {
            throw AuthorizationException.toClient(
                    "invalid_scope", "Ask for billing:read, billing:write or both.", errorsTo, state);
        }
        return scopes;
    }
}
