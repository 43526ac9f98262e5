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

    @Test
    void shouldApplyTheRedirectRulesOfTheApplicationType() {
        ClientRegistrationRequest nativeApp = parse("""
                {"application_type":"native","redirect_uris":["com.example.billing:/oauth/callback",
                 "http://127.0.0.1/callback"],"token_endpoint_auth_method":"none"}""");
        ClientRegistrationRequest webApp =
                parse("{\"application_type\":\"web\",\"redirect_uris\":[\"https://app.example/cb\"]}");

        assertThat(nativeApp.applicationType()).isEqualTo(ApplicationType.NATIVE);
        assertThat(nativeApp.redirectUris()).contains("com.example.billing:/oauth/callback");
        assertThat(webApp.applicationType()).isEqualTo(ApplicationType.WEB);
        assertThat(parse("{\"redirect_uris\":[\"http://localhost/cb\"]}").applicationType())
                .as("none named: the rules that serve both")
                .isNull();
        expect("{\"application_type\":\"web\",\"redirect_uris\":[\"http://127.0.0.1/cb\"]}", "invalid_redirect_uri");
        expect("{\"application_type\":\"web\",\"redirect_uris\":[\"https://localhost/cb\"]}", "invalid_redirect_uri");
        expect("{\"redirect_uris\":[\"com.example.billing:/cb\"]}", "invalid_redirect_uri");
        for (String scheme :
                new String[] {"javascript:/x", "data:/x", "file:/etc/passwd", "myapp:/cb", "com.example.app://host/cb"
                }) {
            expect("{\"application_type\":\"native\",\"redirect_uris\":[\"" + scheme + "\"]}", "invalid_redirect_uri");
        }
        expect(
                "{\"application_type\":\"desktop\",\"redirect_uris\":[\"https://a.example/cb\"]}",
                "invalid_client_metadata");
    }

    @Test
    void aMetadataDocumentMustNameItselfAndBePublic() {
        String url = "https://app.example/client.json";
        ClientRegistrationRequest document = ClientRegistrationRequest.fromDocument(
                JSON.readTree("{\"client_id\":\"" + url
                        + "\",\"client_name\":\"App\",\"redirect_uris\":[\"https://app.example/cb\"]}"),
                url);

        assertThat(document.authMethod()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(document.clientName()).isEqualTo("App");
        for (String bad : new String[] {
            "{\"client_id\":\"https://app.example/other.json\",\"client_name\":\"App\",\"redirect_uris\":[\"https://app.example/cb\"]}",
            "{\"client_id\":\"https://app.example/client.json/\",\"client_name\":\"App\",\"redirect_uris\":[\"https://app.example/cb\"]}",
            "{\"client_name\":\"App\",\"redirect_uris\":[\"https://app.example/cb\"]}",
            "{\"client_id\":\"" + url + "\",\"redirect_uris\":[\"https://app.example/cb\"]}",
            "{\"client_id\":\"" + url + "\",\"client_name\":\"App\"}",
            "{\"client_id\":\"" + url
                    + "\",\"client_name\":\"App\",\"redirect_uris\":[\"https://app.example/cb\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}",
            "{\"client_id\":\"" + url
                    + "\",\"client_name\":\"App\",\"redirect_uris\":[\"https://app.example/cb\"],\"client_secret\":\"s\"}",
            "[]"
        }) {
            assertThatThrownBy(() -> ClientRegistrationRequest.fromDocument(JSON.readTree(bad), url))
                    .as(bad)
                    .isInstanceOf(OAuthException.class);
        }
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
