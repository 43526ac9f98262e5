package com.classifiedbilling.auth.oauth.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A successful token response (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC
 * 6749 §5.1</a>).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("scope") String scope) {

    @Override
    public String toString() {
        return "TokenResponse[redacted, expires_in=" + expiresIn + ", scope=" + scope + "]";
    }
}
