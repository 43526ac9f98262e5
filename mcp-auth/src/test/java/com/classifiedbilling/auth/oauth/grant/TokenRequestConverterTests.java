package com.classifiedbilling.auth.oauth.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classifiedbilling.auth.oauth.GrantType;
import com.classifiedbilling.auth.oauth.OAuthException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The form → typed request step of the token endpoint; the grants' rules are tested through the server. */
class TokenRequestConverterTests {

    // reading a form needs none of a grant's collaborators
    private final AuthorizationCodeGrant code = new AuthorizationCodeGrant(null, null, null, null);

    private final RefreshTokenGrant refresh = new RefreshTokenGrant(null, null, null, null, null);

    private final TokenRequestConverter converter = new TokenRequestConverter(List.of(code, refresh));

    @Test
    void shouldReadACodeRedemptionIntoItsRequest() {
        TokenRequestConverter.Converted<?> converted = converter.convert(
                form(Map.of(
                        "grant_type", "authorization_code",
                        "code", "cb_ac_1",
                        "redirect_uri", "https://claude.ai/api/mcp/auth_callback",
                        "code_verifier", "v",
                        "client_id", "cli_1")),
                null);

        assertThat(converted.grant()).isSameAs(code);
        assertThat(converted.request())
                .isEqualTo(new AuthorizationCodeGrant.Request(
                        converted.request().client(), "cb_ac_1", "https://claude.ai/api/mcp/auth_callback", "v", null));
        assertThat(converted.request().client().clientId()).isEqualTo("cli_1");
    }

    @Test
    void shouldReadARefreshWithItsScope() {
        TokenRequestConverter.Converted<?> converted = converter.convert(
                form(Map.of("grant_type", "refresh_token", "refresh_token", "cb_rt_1", "scope", "billing:read")), null);

        assertThat(converted.grant()).isSameAs(refresh);
        assertThat(((RefreshTokenGrant.Request) converted.request()).scope()).isEqualTo("billing:read");
        assertThat(converted.request().toString()).doesNotContain("cb_rt_1");
    }

    @Test
    void whenAParameterIsMissingThenInvalidRequestNamesIt() {
        Map<String, String> complete = Map.of(
                "grant_type",
                "authorization_code",
                "code",
                "c",
                "redirect_uri",
                "https://a.example/cb",
                "code_verifier",
                "v");
        for (String missing : List.of("code", "redirect_uri", "code_verifier")) {
            MultiValueMap<String, String> form = form(complete);
            form.remove(missing);

            assertThatThrownBy(() -> converter.convert(form, null)).isInstanceOfSatisfying(OAuthException.class, e -> {
                assertThat(e.error()).isEqualTo("invalid_request");
                assertThat(e.description()).startsWith(missing + " is required");
            });
        }
    }

    @Test
    void whenTheGrantTypeIsMissingOrUnknownThenTheErrorListsTheSupportedOnes() {
        assertThatThrownBy(() -> converter.convert(form(Map.of()), null))
                .isInstanceOfSatisfying(
                        OAuthException.class, e -> assertThat(e.error()).isEqualTo("invalid_request"));
        for (String unknown : List.of("password", "client_credentials", "AUTHORIZATION_CODE", "authorization_code ")) {
            assertThatThrownBy(() -> converter.convert(form(Map.of("grant_type", unknown)), null))
                    .isInstanceOfSatisfying(OAuthException.class, e -> {
                        assertThat(e.error()).isEqualTo("unsupported_grant_type");
                        assertThat(e.description()).contains(String.join(", ", GrantType.supported()));
                    });
        }
    }

    @Test
    void whenAGrantTypeHasNoGrantOrTwoThenTheServerDoesNotStart() {
        assertThatThrownBy(() -> new TokenRequestConverter(List.of(code)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REFRESH_TOKEN");
        assertThatThrownBy(() -> new TokenRequestConverter(List.of(code, refresh, code)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static MultiValueMap<String, String> form(Map<String, String> values) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        values.forEach(form::add);
        return form;
    }
}
