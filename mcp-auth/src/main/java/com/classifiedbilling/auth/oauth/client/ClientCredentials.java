package com.classifiedbilling.auth.oauth.client;

import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.web.FormParameters;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.util.MultiValueMap;

/**
 * What a request to the token or revocation endpoint says about its client: a {@code client_id}
 * and maybe a secret, from the form ({@code client_secret_post}) or from {@code Authorization:
 * Basic} (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>).
 *
 * @param clientId the client, or {@code null} when the request names none
 * @param secret the secret sent, or {@code null}
 */
public record ClientCredentials(String clientId, String secret) {

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", secret=" + (secret == null ? "none" : "redacted") + "]";
    }

    /** The credentials of a form request with this {@code Authorization} header (or {@code null}). */
    public static ClientCredentials from(MultiValueMap<String, String> form, String authorization) {
        String formId = form.getFirst("client_id");
        String formSecret = form.getFirst("client_secret");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new ClientCredentials(blankToNull(formId), blankToNull(formSecret));
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(Base64.getDecoder()
                            .decode(authorization.substring(6).strip())))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw OAuthException.invalidClient("The Basic credentials are not valid base64 of UTF-8 text.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthException.invalidClient("The Basic credentials must be client_id:client_secret.");
        }
        String id;
        String secret;
        try {
            // RFC 6749 §2.3.1: each half is form-encoded
            id = FormParameters.decodeComponent(decoded.substring(0, colon), "client_id");
            secret = FormParameters.decodeComponent(decoded.substring(colon + 1), "client_secret");
        } catch (FormParameters.MalformedException e) {
            throw OAuthException.invalidClient("The Basic credentials are malformed: " + e.getMessage());
        }
        if (formId != null && !formId.equals(id)) {
            throw OAuthException.invalidRequest("client_id in the form and in Authorization differ.");
        }
        return new ClientCredentials(id, secret);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
