package com.classifiedbilling.auth.oauth.client;

import com.classifiedbilling.auth.oauth.GrantType;
import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.web.FormParameters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client's metadata, checked (<a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC
 * 7591 §2</a>): from a registration request, or from a client metadata document
 * (draft-ietf-oauth-client-id-metadata-document §4), which has the same fields and a few rules more.
 * Unknown metadata is ignored, as §2 asks; what is known must be valid.
 *
 * @param applicationType {@code native} or {@code web} as the client gave it, or {@code null}
 */
public record ClientRegistrationRequest(
        String clientName,
        List<String> redirectUris,
        ClientAuthMethod authMethod,
        Set<String> grantTypes,
        ApplicationType applicationType) {

    static final int MAX_REDIRECT_URIS = 10;

    static final int MAX_NAME = 200;

    /** The request in a JSON body, or an {@code invalid_redirect_uri} / {@code invalid_client_metadata} error. */
    public static ClientRegistrationRequest from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw metadata("The registration request must be a JSON object.");
        }
        ApplicationType type = applicationType(body.get("application_type"));
        List<String> redirectUris = redirectUris(body.get("redirect_uris"), type);
        // RFC 7591 §2: the default is client_secret_basic
        ClientAuthMethod method =
                authMethod(body.get("token_endpoint_auth_method"), ClientAuthMethod.CLIENT_SECRET_BASIC);
        Set<String> grantTypes = strings(body.get("grant_types"), "grant_types");
        if (grantTypes.isEmpty()) {
            grantTypes = Set.of(GrantType.AUTHORIZATION_CODE.value());
        }
        for (String grantType : grantTypes) {
            if (GrantType.fromValue(grantType).isEmpty()) {
                throw metadata("Grant type '" + grantType + "' is not supported; use "
                        + String.join(" and ", GrantType.supported()) + ".");
            }
        }
        if (!grantTypes.contains(GrantType.AUTHORIZATION_CODE.value())) {
            throw metadata("grant_types must include authorization_code.");
        }
        for (String responseType : strings(body.get("response_types"), "response_types")) {
            if (!responseType.equals("code")) {
                throw metadata("Response type '" + responseType + "' is not supported; use code.");
            }
        }
        String name = text(body.get("client_name"), "client_name");
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            throw metadata("client_name must be 1 to " + MAX_NAME + " characters.");
        }
        return new ClientRegistrationRequest(
                name == null ? null : name.strip(), redirectUris, method, grantTypes, type);
    }

    /**
     * The metadata in the document served at {@code url}, or an {@code invalid_client_metadata}
     * error: its {@code client_id} must be that URL exactly, it must name itself, and it is a public
     * client (a document cannot hold a secret; {@code none} when it says nothing).
     */
    public static ClientRegistrationRequest fromDocument(JsonNode document, String url) {
        if (document == null || !document.isObject()) {
            throw metadata("The client metadata document must be a JSON object.");
        }
        if (!url.equals(text(document.get("client_id"), "client_id"))) {
            throw metadata("The document's client_id must be its own URL, exactly.");
        }
        if (document.get("client_name") == null) {
            throw metadata("The document must give a client_name.");
        }
        JsonNode method = document.get("token_endpoint_auth_method");
        if (method != null && !"none".equals(method.asString(""))) {
            throw metadata("token_endpoint_auth_method must be none: this server takes public clients by document.");
        }
        if (document.has("client_secret")) {
            throw metadata("A client metadata document must not hold a client_secret.");
        }
        return from(((ObjectNode) document.deepCopy()).put("token_endpoint_auth_method", "none"));
    }

    private static ApplicationType applicationType(JsonNode node) {
        String value = text(node, "application_type");
        if (value == null) {
            return null;
        }
        return ApplicationType.fromValue(value).orElseThrow(() -> metadata("application_type must be native or web."));
    }

    private static List<String> redirectUris(JsonNode node, ApplicationType type) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw redirect("redirect_uris must be a non-empty array of URIs.");
        }
        if (node.size() > MAX_REDIRECT_URIS) {
            throw redirect("At most " + MAX_REDIRECT_URIS + " redirect URIs may be registered.");
        }
        List<String> uris = new ArrayList<>();
        for (JsonNode uri : node) {
            if (!uri.isString()) {
                throw redirect("Each redirect URI must be a string.");
            }
            String problem = RedirectUris.problem(uri.asString(), type);
            if (problem != null) {
                throw redirect(problem);
            }
            uris.add(uri.asString());
        }
        return List.copyOf(uris);
    }

    private static ClientAuthMethod authMethod(JsonNode node, ClientAuthMethod byDefault) {
        String value = text(node, "token_endpoint_auth_method");
        if (value == null) {
            return byDefault;
        }
        return ClientAuthMethod.fromValue(value)
                .orElseThrow(() -> metadata("token_endpoint_auth_method '" + value
                        + "' is not supported; use none, client_secret_post or client_secret_basic."));
    }

    private static Set<String> strings(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw metadata(field + " must be an array of strings.");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : node) {
            if (!value.isString()) {
                throw metadata(field + " must be an array of strings.");
            }
            values.add(clean(value.asString(), field));
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw metadata(field + " must be a string.");
        }
        return clean(node.asString(), field);
    }

    /** The value, unless it holds a control character (NUL among them), which nothing here may store or show. */
    private static String clean(String value, String field) {
        if (FormParameters.hasControlCharacter(value)) {
            throw metadata(field + " must not contain control characters (such as NUL).");
        }
        return value;
    }

    private static OAuthException redirect(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, "invalid_redirect_uri", description);
    }

    private static OAuthException metadata(String description) {
        return new OAuthException(HttpStatus.BAD_REQUEST, "invalid_client_metadata", description);
    }
}
