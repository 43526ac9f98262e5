package com.classifiedbilling.auth.oauth.discovery;

import com.classifiedbilling.auth.oauth.GrantType;
import com.classifiedbilling.auth.oauth.OAuthEndpoints;
import com.classifiedbilling.auth.oauth.OAuthProperties;
import com.classifiedbilling.auth.oauth.PublicUrls;
import com.classifiedbilling.auth.oauth.jwt.SigningKeys;
import com.classifiedbilling.auth.principal.Scope;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * How clients find the authorization server: protected resource metadata for each door
 * (<a href="https://www.rfc-editor.org/rfc/rfc9728">RFC 9728</a>), authorization server metadata
 * (<a href="https://www.rfc-editor.org/rfc/rfc8414">RFC 8414</a>, also served as OpenID discovery
 * for clients that only look there) and the JWKS. Any origin may read them.
 */
@Component
final class DiscoveryHandler {

    private static final List<String> SCOPES =
            Arrays.stream(Scope.values()).map(Scope::value).toList();

    private final PublicUrls urls;

    private final SigningKeys keys;

    private final OAuthProperties properties;

    DiscoveryHandler(PublicUrls urls, SigningKeys keys, OAuthProperties properties) {
        this.urls = urls;
        this.keys = keys;
        this.properties = properties;
    }

    /** RFC 9728 §3.2; {@code door} is {@code ""} or one of {@link PublicUrls#resourcePaths()}. */
    Mono<ServerResponse> protectedResource(ServerRequest request, String door) {
        String base = urls.base(request.exchange());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resource", base + door);
        metadata.put("authorization_servers", List.of(base));
        metadata.put("scopes_supported", SCOPES);
        metadata.put("bearer_methods_supported", List.of("header"));
        metadata.put("resource_name", "ClassifiedBilling");
        metadata.put("resource_documentation", OAuthProperties.resolve(properties.serviceDocumentation(), base));
        metadata.put("resource_policy_uri", OAuthProperties.resolve(properties.policyUri(), base));
        return document(metadata);
    }

    /** RFC 8414 §2. */
    Mono<ServerResponse> authorizationServer(ServerRequest request) {
        String base = urls.base(request.exchange());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", base);
        metadata.put("authorization_endpoint", base + OAuthEndpoints.AUTHORIZATION.get(0));
        metadata.put("token_endpoint", base + OAuthEndpoints.TOKEN.get(0));
        metadata.put("registration_endpoint", base + OAuthEndpoints.REGISTRATION.get(0));
        metadata.put("revocation_endpoint", base + OAuthEndpoints.REVOCATION.get(0));
        metadata.put("jwks_uri", base + OAuthEndpoints.JWKS.get(0));
        metadata.put("scopes_supported", SCOPES);
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("grant_types_supported", GrantType.supported());
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        List<String> clientAuth = List.of("none", "client_secret_post", "client_secret_basic");
        metadata.put("token_endpoint_auth_methods_supported", clientAuth);
        metadata.put("revocation_endpoint_auth_methods_supported", clientAuth);
        metadata.put("authorization_response_iss_parameter_supported", true);
        // a client_id may be the https URL of the client's metadata document (MCP 2026-07-28)
        metadata.put("client_id_metadata_document_supported", true);
        metadata.put("service_documentation", OAuthProperties.resolve(properties.serviceDocumentation(), base));
        metadata.put("op_policy_uri", OAuthProperties.resolve(properties.policyUri(), base));
        return document(metadata);
    }

    /** RFC 7517 §5: the public signing keys. */
    Mono<ServerResponse> jwks(ServerRequest request) {
        return keys.publicJwks()
                .flatMap(jwks -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                        .header("Access-Control-Allow-Origin", "*")
                        .bodyValue(jwks));
    }

    private static Mono<ServerResponse> document(Map<String, Object> metadata) {
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .header("Access-Control-Allow-Origin", "*")
                .bodyValue(metadata);
    }
}
