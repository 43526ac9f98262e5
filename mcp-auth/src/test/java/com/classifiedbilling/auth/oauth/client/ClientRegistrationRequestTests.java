package com.classifiedbilling.auth.oauth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classifiedbilling.auth.oauth.OAuthException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ClientRegistrationRequestTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldReadClaudesRegistration() {
        ClientRegistrationRequest request = parse("""
                {"redirect_uris":["https://claude.ai/api/mcp/auth_callback"],"token_endpoint_auth_method":"client_secret_post",
                 "grant_types":["authorization_code","refresh_token"],"response_types":["code"],"client_name":"Claude"}""");

        assertThat(request.clientName()).isEqualTo("Claude");
        assertThat(request.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(request.grantTypes()).containsExactlyInAnyOrder("authorization_code", "refresh_token");
    }

    @Test
    void shouldDefaultAsRfc7591Says() {
        ClientRegistrationRequest request =
                parse("{\"redirect_uris\":[\"https://app.example/cb\"],\"logo_uri\":\"x\"}");

        assertThat(request.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(request.grantTypes()).containsExactly("authorization_code");
        assertThat(request.clientName()).isNull();
    }

    @Test
    void shouldRefuseWithTheRightErrorCode() {
        expect("{}", "invalid_redirect_uri");
        expect("{\"redirect_uris\":[]}", "invalid_redirect_uri");
        expect("{\"redirect_uris\":[\"http://evil.example/cb\"]}", "invalid_redirect_uri");
        expect("{\"redirect_uris\":[1]}", "invalid_redirect_uri");
        expect(
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"password\"]}",
                "invalid_client_metadata");
        expect(
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"refresh_token\"]}",
                "invalid_client_metadata");
        expect(
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"response_types\":[\"token\"]}",
                "invalid_client_metadata");
        expect(
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}",
                "invalid_client_metadata");
        expect("{\"redirect_uris\":[\"https://a.example/cb\"],\"client_name\":\"   \"}", "invalid_client_metadata");
        expect("[]", "invalid_client_metadata");
    }

    private static ClientRegistrationRequest parse(String json) {
        return ClientRegistrationRequest.from(JSON.readTree(json));
    }

    private static void expect(String json, String error) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(OAuthException.class)
                .extracting(e -> ((OAuthException) e).error())
                .isEqualTo(error);
    }
}
