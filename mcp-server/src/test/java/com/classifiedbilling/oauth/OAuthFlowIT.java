package com.classifiedbilling.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.auth.apikey.ApiKeyService;
import com.classifiedbilling.auth.oauth.jwt.AccessTokenClaims;
import com.classifiedbilling.auth.oauth.jwt.AccessTokens;
import com.classifiedbilling.auth.principal.Scope;
import com.classifiedbilling.oauth.OAuthDance.Answer;
import com.classifiedbilling.oauth.OAuthDance.Client;
import com.classifiedbilling.oauth.OAuthDance.ConsentPage;
import com.classifiedbilling.oauth.OAuthDance.Pkce;
import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.RawHttp;
import com.classifiedbilling.support.SseStream;
import com.classifiedbilling.tool.ToolRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth 2.0 authorization server on the real PostgreSQL: discovery, registration, the consent
 * page, the token endpoint and revocation, each refusal with its exact status and error code.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // these tests make many OAuth requests from one address; those limits have their own tests
            "billing.rate-limits.per-address.per-minute=100000",
            "billing.oauth.consent-failures=100000"
        })
@AutoConfigureWebTestClient
class OAuthFlowIT extends PostgresIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    OAuthDance dance;

    Account account;

    @BeforeEach
    void setUp() {
        dance = new OAuthDance(http, "http://localhost:" + port);
        account = new BillingFixture(context).account("Advance");
    }

    // discovery

    @Test
    void shouldPublishAuthorizationServerMetadata() {
        for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration")) {
            JsonNode metadata = getJson(path);
            assertThat(metadata.path("issuer").asString()).isEqualTo(dance.base);
            assertThat(metadata.path("authorization_endpoint").asString()).isEqualTo(dance.base + "/mcp-connect");
            assertThat(metadata.path("token_endpoint").asString()).isEqualTo(dance.base + "/api/mcp-token");
            assertThat(metadata.path("registration_endpoint").asString()).isEqualTo(dance.base + "/oauth/register");
            assertThat(metadata.path("revocation_endpoint").asString()).isEqualTo(dance.base + "/oauth/revoke");
            assertThat(strings(metadata.path("code_challenge_methods_supported")))
                    .containsExactly("S256");
            assertThat(strings(metadata.path("scopes_supported"))).containsExactly("billing:read", "billing:write");
            assertThat(strings(metadata.path("token_endpoint_auth_methods_supported")))
                    .contains("none", "client_secret_post");
        }
    }

    @Test
    void shouldPublishProtectedResourceMetadataForEachDoor() {
        assertThat(getJson("/.well-known/oauth-protected-resource")
                        .path("resource")
                        .asString())
                .isEqualTo(dance.base);
        for (String door : List.of("/mcp", "/sse")) {
            JsonNode metadata = getJson("/.well-known/oauth-protected-resource" + door);
            assertThat(metadata.path("resource").asString()).isEqualTo(dance.base + door);
            assertThat(strings(metadata.path("authorization_servers"))).containsExactly(dance.base);
        }
    }

    @Test
    void shouldPublishTheSigningKeysAsAJwks() {
        JsonNode keys = getJson("/oauth/jwks").path("keys");
        assertThat(keys).isNotEmpty();
        assertThat(keys.get(0).path("kty").asString()).isEqualTo("EC");
        assertThat(keys.get(0).path("crv").asString()).isEqualTo("P-256");
        assertThat(keys.get(0).has("d")).as("no private part").isFalse();
    }

    @Test
    void whenNoCredentialThenEvery401NamesTheResourceMetadata() {
        Map<String, String> expected = Map.of(
                "/mcp", "/.well-known/oauth-protected-resource/mcp",
                "/sse", "/.well-known/oauth-protected-resource/sse",
                "/api/mcp-server", "/.well-known/oauth-protected-resource");
        expected.forEach((path, metadata) -> {
            Answer answer = OAuthDance.answer(http.post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectBody(String.class)
                    .returnResult());
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .isEqualTo("Bearer resource_metadata=\"" + dance.base + metadata + "\"");
        });
    }

    // registration

    @Test
    void shouldRegisterClaudeAsAConfidentialClient() {
        Answer answer = dance.register("""
                {"redirect_uris":["https://claude.ai/api/mcp/auth_callback"],"token_endpoint_auth_method":"client_secret_post",
                 "grant_types":["authorization_code","refresh_token"],"response_types":["code"],"client_name":"Claude"}""");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.headers().getCacheControl()).isEqualTo("no-store");
        JsonNode client = answer.json();
        assertThat(client.path("client_id").asString()).startsWith("cli_");
        assertThat(client.path("client_secret").asString()).startsWith("cb_cs_");
        assertThat(client.path("client_id_issued_at").asLong())
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(client.path("token_endpoint_auth_method").asString()).isEqualTo("client_secret_post");
    }

    @Test
    void shouldRegisterAPublicClientOnLoopback() {
        Answer answer = dance.register("""
                {"redirect_uris":["http://localhost:33418/oauth/callback"],"token_endpoint_auth_method":"none",
                 "grant_types":["authorization_code","refresh_token"],"client_name":"MCP CLI Proxy"}""");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().has("client_secret")).isFalse();
    }

    @Test
    void shouldKeepTheApplicationTypeAndApplyItsRedirectRules() {
        Answer native_ = dance.register("""
                {"application_type":"native","redirect_uris":["com.example.billing:/oauth/callback"],
                 "token_endpoint_auth_method":"none","client_name":"Desktop app"}""");
        Answer webOnLoopback = dance.register("""
                {"application_type":"web","redirect_uris":["http://127.0.0.1:5000/callback"],
                 "token_endpoint_auth_method":"none"}""");

        assertThat(native_.status()).as(native_.body()).isEqualTo(201);
        assertThat(native_.json().path("application_type").asString()).isEqualTo("native");
        Client client =
                new Client(native_.json().path("client_id").asString(), null, "com.example.billing:/oauth/callback");
        Answer page = dance.authorize(dance.authorization(client, Pkce.create()));
        assertThat(page.status())
                .as("a private-use redirect URI works on the consent page")
                .isEqualTo(200);
        assertThat(page.headers().getFirst("Content-Security-Policy"))
                .contains("form-action 'self' com.example.billing:");
        assertThat(webOnLoopback.status()).isEqualTo(400);
        assertThat(webOnLoopback.json().path("error").asString()).isEqualTo("invalid_redirect_uri");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://evil.example/callback",
                "https://claude.ai/api/mcp/auth_callback#fragment",
                "https://*.claude.ai/callback",
                "javascript:alert(1)",
                "data:text/html,hi",
                "https://user@claude.ai/callback",
                "https://claude.ai/api/../callback",
                "not a uri"
            })
    void whenRedirectUriIsUnsafeThenRegistrationIsRefused(String uri) {
        Answer answer = dance.register("{\"redirect_uris\":[\"" + uri + "\"],\"token_endpoint_auth_method\":\"none\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_redirect_uri");
    }

    @Test
    void whenRegistrationIsNotJsonThenInvalidClientMetadata() {
        Answer answer = dance.register("{not json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_client_metadata");
    }

    @Test
    void whenNoUserApprovesARegistrationInTimeThenItExpires() throws Exception {
        Client client = dance.registerClaude();
        try (var connection = database.connect();
                var statement = connection.prepareStatement(
                        "UPDATE oauth_clients SET unused_expires_at = now() - interval '1 second' WHERE id = ?")) {
            statement.setString(1, client.id());
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }

        Answer answer = dance.authorize(dance.authorization(client, Pkce.create()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("Unknown client_id");
    }

    @Test
    void whenAUserApprovesThenTheRegistrationNoLongerExpires() {
        Client client = dance.registerClaude();
        dance.code(client, Pkce.create(), account.key());

        assertThat(database.count("SELECT COUNT(*) FROM oauth_clients WHERE unused_expires_at IS NULL AND id = '"
                        + client.id() + "'"))
                .isEqualTo(1);
    }

    @Test
    void shouldAnswerOnTheRootAliasesToo() {
        Answer registered = OAuthDance.answer(http.post()
                .uri("/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"redirect_uris\":[\"https://claude.ai/api/mcp/auth_callback\"],"
                        + "\"token_endpoint_auth_method\":\"client_secret_post\"}")
                .exchange()
                .expectBody(String.class)
                .returnResult());
        assertThat(registered.status()).isEqualTo(201);
        Client client = new Client(
                registered.json().path("client_id").asString(),
                registered.json().path("client_secret").asString(),
                OAuthDance.CLAUDE_CALLBACK);
        Answer page = OAuthDance.answer(http.get()
                .uri(uri -> uri.path("/authorize")
                        .queryParam("client_id", client.id())
                        .queryParam("redirect_uri", "{r}")
                        .queryParam("state", "s")
                        .queryParam("code_challenge", Pkce.create().challenge())
                        .build(OAuthDance.CLAUDE_CALLBACK))
                .exchange()
                .expectBody(String.class)
                .returnResult());
        assertThat(page.status()).isEqualTo(200);
        Answer token = OAuthDance.answer(http.post()
                .uri("/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=authorization_code&code=cb_ac_unknown&redirect_uri=x&code_verifier=y")
                .exchange()
                .expectBody(String.class)
                .returnResult());
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    // the consent page

    @Test
    void shouldShowTheConsentPageWithTheClientAndRedirectHostAndNoFraming() {
        Client client = dance.registerClaude();
        ConsentPage page = dance.consentPage(dance.authorization(client, Pkce.create()));

        assertThat(page.answer().body())
                .contains("Claude")
                .contains("claude.ai")
                .contains("name=\"api_key\"");
        assertThat(page.answer().headers().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(page.answer().headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.fields()).containsKey("_csrf");
    }

    @Test
    void whenApprovedThenRedirectWithCodeAndSameState() {
        Client client = dance.registerClaude();
        Map<String, String> params = dance.authorization(client, Pkce.create());

        Answer answer = dance.decide(dance.consentPage(params), account.key(), "approve");

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.headers().getFirst(HttpHeaders.LOCATION)).startsWith(OAuthDance.CLAUDE_CALLBACK + "?code=");
        assertThat(answer.redirectParam("state")).isEqualTo(params.get("state"));
        assertThat(answer.redirectParam("iss")).isEqualTo(dance.base);
    }

    @Test
    void whenDeniedThenAccessDeniedWithState() {
        Client client = dance.registerClaude();
        Map<String, String> params = dance.authorization(client, Pkce.create());

        Answer answer = dance.decide(dance.consentPage(params), account.key(), "deny");

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.redirectParam("error")).isEqualTo("access_denied");
        assertThat(answer.redirectParam("state")).isEqualTo(params.get("state"));
        assertThat(answer.redirectParams()).doesNotContainKey("code");
    }

    @Test
    void whenKeyIsWrongThenThePageAgainAndNoCode() {
        Client client = dance.registerClaude();

        Answer answer = dance.decide(
                dance.consentPage(dance.authorization(client, Pkce.create())), "cb_live_" + "x".repeat(43), "approve");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().getFirst(HttpHeaders.LOCATION)).isNull();
        assertThat(answer.body()).contains("That API key is not valid").contains("name=\"api_key\"");
    }

    @Test
    void whenTheFormHasNoCsrfTokenThenRefusedAndNoCode() {
        Client client = dance.registerClaude();
        ConsentPage page = dance.consentPage(dance.authorization(client, Pkce.create()));
        Map<String, String> fields = new java.util.LinkedHashMap<>(page.fields());
        fields.remove("_csrf");

        Answer answer =
                dance.decide(new ConsentPage(page.answer(), fields, page.csrfCookie()), account.key(), "approve");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.headers().getFirst(HttpHeaders.LOCATION)).isNull();
    }

    @Test
    void whenClientIdIsUnknownThenAnErrorPageAndNoRedirect() {
        Client client = new Client("cli_unknown0000000000000", null, OAuthDance.CLAUDE_CALLBACK);

        Answer answer = dance.authorize(dance.authorization(client, Pkce.create()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().getFirst(HttpHeaders.LOCATION)).isNull();
        assertThat(answer.body()).contains("Unknown client_id");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://claude.ai/api/mcp/auth_callback/",
                "https://claude.ai:8443/api/mcp/auth_callback",
                "https://claude.ai/api/mcp/auth_callback?extra=1",
                "https://claude.ai.evil.com/api/mcp/auth_callback",
                "https://claude.ai@evil.com/api/mcp/auth_callback",
                "https://claude.ai/api/mcp/auth%5Fcallback",
                "https://claude.ai/api/mcp/x/../auth_callback",
                "http://claude.ai/api/mcp/auth_callback"
            })
    void whenRedirectUriIsNotExactlyRegisteredThenAnErrorPageAndNoRedirect(String redirectUri) {
        Client client = dance.registerClaude();
        Map<String, String> params = dance.authorization(client, Pkce.create());
        params.put("redirect_uri", redirectUri);

        Answer answer = dance.authorize(params);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().getFirst(HttpHeaders.LOCATION)).isNull();
    }

    @Test
    void whenALoopbackClientComesBackOnAnotherPortThenItIsAccepted() {
        Client client = dance.registerPublic("http://127.0.0.1:40001/callback");
        Map<String, String> params = dance.authorization(client, Pkce.create());
        params.put("redirect_uri", "http://127.0.0.1:51234/callback");

        assertThat(dance.authorize(params).status()).isEqualTo(200);
    }

    @Test
    void whenNoClientIdThenOnlyTheAllowListedCallbacks() {
        Pkce pkce = Pkce.create();
        Map<String, String> params = dance.authorization(new Client(null, null, OAuthDance.CLAUDE_CALLBACK), pkce);
        params.remove("client_id");
        params.remove("response_type");
        assertThat(dance.authorize(params).status()).isEqualTo(200);

        params.put("redirect_uri", "https://yourapp.example/callback");
        Answer refused = dance.authorize(params);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.headers().getFirst(HttpHeaders.LOCATION)).isNull();
    }

    /** A client a person has approved once: only such a client's errors are redirected (RFC 9700 §4.11.2). */
    private Client approvedClaude() {
        Client client = dance.registerClaude();
        dance.code(client, Pkce.create(), account.key());
        return client;
    }

    @Test
    void whenChallengeIsMissingThenInvalidRequestAndNoCodeCanBeHad() {
        Client client = approvedClaude();
        Map<String, String> params = dance.authorization(client, Pkce.create());
        params.remove("code_challenge");
        params.remove("code_challenge_method");

        Answer answer = dance.authorize(params);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.redirectParam("error")).isEqualTo("invalid_request");
        assertThat(answer.redirectParam("state")).isEqualTo(params.get("state"));
        assertThat(answer.redirectParams()).doesNotContainKey("code");
    }

    @ParameterizedTest
    @CsvSource({
        "code_challenge_method, plain, invalid_request",
        "response_type, token, unsupported_response_type",
        "resource, https://other.example/mcp, invalid_target"
    })
    void whenAParameterIsRefusedThenTheErrorGoesBackToTheClient(String parameter, String value, String error) {
        Client client = approvedClaude();
        Map<String, String> params = dance.authorization(client, Pkce.create());
        params.put(parameter, value);

        Answer answer = dance.authorize(params);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.headers().getFirst(HttpHeaders.LOCATION)).startsWith(OAuthDance.CLAUDE_CALLBACK + "?");
        assertThat(answer.redirectParam("error")).isEqualTo(error);
        assertThat(answer.redirectParam("state")).isEqualTo(params.get("state"));
    }

    // the token endpoint

    @Test
    void shouldIssueTokensAsThePageShowsAndTheyCallTools() {
        Client client = dance.registerClaude();

        JsonNode tokens = dance.tokens(client, account.key());

        assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asLong()).isEqualTo(7_776_000L);
        assertThat(tokens.path("refresh_token").asString()).startsWith("cb_rt_");
        assertThat(tokens.path("scope").asString()).isEqualTo("billing:read billing:write");
        Answer call = dance.callTool(tokens.path("access_token").asString(), "list_workspaces", "{}");
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.json()
                        .path("result")
                        .path("workspaces")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(account.workspaceId());
    }

    @Test
    void shouldRedeemThePageFlowWithoutAClient() {
        Pkce pkce = Pkce.create();
        Map<String, String> params = dance.authorization(new Client(null, null, OAuthDance.CLAUDE_CALLBACK), pkce);
        params.remove("client_id");
        params.remove("resource");
        String code = dance.decide(dance.consentPage(params), account.key(), "approve")
                .redirectParam("code");

        Answer answer = dance.token(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                OAuthDance.CLAUDE_CALLBACK,
                "code_verifier",
                pkce.verifier()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(dance.callTool(answer.json().path("access_token").asString(), "list_workspaces", "{}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whenCodeIsReusedThenInvalidGrantAndTheFirstTokenDies() {
        Client client = dance.registerClaude();
        Pkce pkce = Pkce.create();
        Map<String, String> redemption = dance.redemption(client, dance.code(client, pkce, account.key()), pkce);
        String first = dance.token(redemption).json().path("access_token").asString();
        assertThat(dance.callTool(first, "list_workspaces", "{}").status()).isEqualTo(200);

        Answer replay = dance.token(redemption);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().path("error").asString()).isEqualTo("invalid_grant");
        Answer call = dance.callTool(first, "list_workspaces", "{}");
        assertThat(call.status()).isEqualTo(401);
        assertThat(call.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("error=\"invalid_token\"");
    }

    @Test
    void whenTwoRedemptionsRaceThenExactlyOneWins() {
        Client client = dance.registerClaude();
        Pkce pkce = Pkce.create();
        Map<String, String> redemption = dance.redemption(client, dance.code(client, pkce, account.key()), pkce);

        List<CompletableFuture<Answer>> racing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> dance.token(redemption)));
        }
        List<Integer> statuses =
                racing.stream().map(f -> f.join().status()).sorted().toList();

        assertThat(statuses).containsExactly(200, 400);
    }

    @Test
    void whenVerifierIsWrongOrMissingThenRefused() {
        Client client = dance.registerClaude();
        Pkce pkce = Pkce.create();
        Map<String, String> missing = dance.redemption(client, dance.code(client, pkce, account.key()), pkce);
        missing.put("code_verifier", null);
        Answer withoutVerifier = dance.token(missing);
        assertThat(withoutVerifier.status()).isEqualTo(400);
        assertThat(withoutVerifier.json().path("error").asString()).isEqualTo("invalid_request");

        Map<String, String> wrong = dance.redemption(client, dance.code(client, pkce, account.key()), Pkce.create());
        Answer withWrongVerifier = dance.token(wrong);
        assertThat(withWrongVerifier.status()).isEqualTo(400);
        assertThat(withWrongVerifier.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void whenRedirectUriClientOrResourceDifferThenRefused() {
        Client client = dance.registerClaude();
        Client other = dance.registerClaude();
        Pkce pkce = Pkce.create();
        Map<String, Map.Entry<String, String>> cases = Map.of(
                "invalid_grant", Map.entry("redirect_uri", "https://claude.com/api/mcp/auth_callback"),
                "invalid_target", Map.entry("resource", "http://localhost:" + port + "/sse"));
        cases.forEach((error, change) -> {
            Map<String, String> redemption = dance.redemption(client, dance.code(client, pkce, account.key()), pkce);
            redemption.put(change.getKey(), change.getValue());
            Answer answer = dance.token(redemption);
            assertThat(answer.status()).as(change.getKey()).isEqualTo(400);
            assertThat(answer.json().path("error").asString())
                    .as(change.getKey())
                    .isEqualTo(error);
        });

        Map<String, String> asOther = dance.redemption(client, dance.code(client, pkce, account.key()), pkce);
        asOther.put("client_id", other.id());
        asOther.put("client_secret", other.secret());
        Answer answer = dance.token(asOther);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void whenClientSecretIsWrongThenInvalidClient() {
        Client client = dance.registerClaude();
        Pkce pkce = Pkce.create();
        Map<String, String> redemption = dance.redemption(client, dance.code(client, pkce, account.key()), pkce);
        redemption.put("client_secret", "cb_cs_wrong");

        Answer answer = dance.token(redemption);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void whenGrantTypeIsUnknownThenUnsupportedGrantType() {
        Answer answer = dance.token(Map.of("grant_type", "password", "username", "a", "password", "b"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void shouldRotateRefreshTokensAndRevokeTheGrantWhenAnOldOneIsReplayed() {
        Client client = dance.registerClaude();
        JsonNode first = dance.tokens(client, account.key());
        String refresh1 = first.path("refresh_token").asString();
        JsonNode second = dance.refresh(client, refresh1).json();
        String refresh2 = second.path("refresh_token").asString();
        assertThat(refresh2).isNotEqualTo(refresh1);
        JsonNode third = dance.refresh(client, refresh2).json();
        assertThat(dance.callTool(third.path("access_token").asString(), "list_workspaces", "{}")
                        .status())
                .isEqualTo(200);

        Answer replay = dance.refresh(client, refresh1);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(dance.callTool(third.path("access_token").asString(), "list_workspaces", "{}")
                        .status())
                .isEqualTo(401);
        assertThat(dance.refresh(client, third.path("refresh_token").asString()).status())
                .isEqualTo(400);
    }

    @Test
    void whenARefreshIsRetriedWithinTheGraceThenItStillWorks() {
        Client client = dance.registerClaude();
        String refresh1 =
                dance.tokens(client, account.key()).path("refresh_token").asString();
        String lost =
                dance.refresh(client, refresh1).json().path("refresh_token").asString();

        Answer retry = dance.refresh(client, refresh1);

        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(dance.refresh(client, retry.json().path("refresh_token").asString())
                        .status())
                .isEqualTo(200);
        assertThat(dance.refresh(client, lost).status())
                .as("the lost token was replaced")
                .isEqualTo(400);
    }

    @Test
    void whenRefreshTokenIsRevokedThenTheGrantsAccessTokensDie() {
        Client client = dance.registerClaude();
        JsonNode tokens = dance.tokens(client, account.key());

        Answer revoked = OAuthDance.answer(http.post()
                .uri("/oauth/revoke")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("token=" + tokens.path("refresh_token").asString() + "&client_id=" + client.id()
                        + "&client_secret=" + client.secret())
                .exchange()
                .expectBody(String.class)
                .returnResult());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(dance.callTool(tokens.path("access_token").asString(), "list_workspaces", "{}")
                        .status())
                .isEqualTo(401);
    }

    // access tokens on the doors

    @Test
    void whenTheApiKeyIsRevokedThenItsTokensDie() {
        Client client = dance.registerClaude();
        String key = new BillingFixture(context).key(account, EnumSet.allOf(Scope.class));
        String access = dance.tokens(client, key).path("access_token").asString();
        assertThat(dance.callTool(access, "list_workspaces", "{}").status()).isEqualTo(200);
        ApiKeyService keys = context.getBean(ApiKeyService.class);
        String keyId = keys.list(account.user().email())
                .filter(k -> k.displayPrefix().equals(key.substring(0, 12)))
                .blockFirst(Duration.ofSeconds(10))
                .id();

        keys.revoke(keyId).block(Duration.ofSeconds(10));

        await(() -> dance.callTool(access, "list_workspaces", "{}").status() == 401);
    }

    @Test
    void whenTokenLacksTheWriteScopeThen403WithInsufficientScope() throws Exception {
        Client client = dance.registerClaude();
        Pkce pkce = Pkce.create();
        Map<String, String> params = dance.authorization(client, pkce);
        params.put("scope", "billing:read");
        String code = dance.decide(dance.consentPage(params), account.key(), "approve")
                .redirectParam("code");
        JsonNode tokens = dance.token(dance.redemption(client, code, pkce)).json();
        assertThat(tokens.path("scope").asString()).isEqualTo("billing:read");
        String access = tokens.path("access_token").asString();

        Answer legacy = dance.callTool(
                access,
                "create_customer",
                "{\"workspace_id\":\"" + account.workspaceId() + "\",\"name\":\"A\",\"email\":\"a@example.com\"}");
        Answer mcp = OAuthDance.answer(http.post()
                .uri("/mcp")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .header(HttpHeaders.ACCEPT, "application/json, text/event-stream")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"mark_invoice_paid\","
                                + "\"arguments\":{}}}")
                .exchange()
                .expectBody(String.class)
                .returnResult());

        String challenge = "Bearer error=\"insufficient_scope\", scope=\"billing:write\", resource_metadata=\"";
        assertThat(legacy.status()).isEqualTo(403);
        assertThat(legacy.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo(challenge + dance.base + "/.well-known/oauth-protected-resource\"");
        assertThat(mcp.status()).isEqualTo(403);
        assertThat(mcp.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo(challenge + dance.base + "/.well-known/oauth-protected-resource/mcp\"");
        assertThat(mcp.json().path("id").asInt()).isEqualTo(7);
        assertThat(dance.callTool(access, "list_workspaces", "{}").status()).isEqualTo(200);
        params = dance.authorization(client, pkce = Pkce.create());
        params.put("scope", "billing:read");
        params.put("resource", dance.base + "/sse");
        String sseCode = dance.decide(dance.consentPage(params), account.key(), "approve")
                .redirectParam("code");
        Map<String, String> sseRedemption = dance.redemption(client, sseCode, pkce);
        sseRedemption.put("resource", dance.base + "/sse");
        String sseAccess =
                dance.token(sseRedemption).json().path("access_token").asString();
        assertThat(listedTools(access, sseAccess))
                .as("a billing:read token is shown the read tools only on each MCP door")
                .hasSize(3)
                .allSatisfy(names -> assertThat(names).containsExactlyElementsOf(readTools()));
        assertThat(listedTools(account.key(), account.key()))
                .allSatisfy(names ->
                        assertThat(names).hasSizeGreaterThan(readTools().size()));
    }

    private List<String> readTools() {
        return context.getBean(ToolRegistry.class).descriptors().stream()
                .filter(tool -> tool.hints().readOnly())
                .map(ToolRegistry.Descriptor::name)
                .toList();
    }

    /** What tools/list shows this credential on /mcp (2025-11-25, 2026-07-28) and on /sse. */
    private List<List<String>> listedTools(String credential, String sseCredential) throws Exception {
        List<List<String>> listed = new ArrayList<>();
        String legacy = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        String modern = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        for (Map.Entry<String, String> era :
                Map.of("2025-11-25", legacy, "2026-07-28", modern).entrySet()) {
            Answer answer = OAuthDance.answer(http.post()
                    .uri("/mcp")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
                    .header(HttpHeaders.ACCEPT, "application/json, text/event-stream")
                    .header("MCP-Protocol-Version", era.getKey())
                    .header("Mcp-Method", "tools/list")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(era.getValue())
                    .exchange()
                    .expectBody(String.class)
                    .returnResult());
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            listed.add(names(answer.json().path("result").path("tools")));
        }
        try (SseStream stream = SseStream.initialized(dance.base, sseCredential)) {
            new RawHttp(port)
                    .send(
                            "POST",
                            stream.endpoint(),
                            Map.of(
                                    "Authorization", "Bearer " + sseCredential,
                                    "Content-Type", "application/json",
                                    "Host", "localhost:" + port),
                            "{\"jsonrpc\":\"2.0\",\"id\":\"list\",\"method\":\"tools/list\"}"
                                    .getBytes(StandardCharsets.UTF_8));
            assertThat(stream.awaitCount("\"id\":\"list\"", 1))
                    .as(stream.received())
                    .isTrue();
            String data = stream.received()
                    .lines()
                    .filter(line -> line.startsWith("data:") && line.contains("\"id\":\"list\""))
                    .findFirst()
                    .orElseThrow()
                    .substring("data:".length());
            listed.add(names(OAuthDance.JSON.readTree(data).path("result").path("tools")));
        }
        return listed;
    }

    private static List<String> names(JsonNode tools) {
        List<String> names = new ArrayList<>();
        tools.forEach(tool -> names.add(tool.path("name").asString()));
        return names;
    }

    @Test
    void whenTokenIsForAnotherAudienceExpiredOrBadlySignedThen401() {
        Client client = dance.registerClaude();
        JsonNode tokens = dance.tokens(client, account.key());
        String good = tokens.path("access_token").asString();
        AccessTokens signer = context.getBean(AccessTokens.class);
        String grantId = grantIdOf(good);
        Instant now = Instant.now();

        String otherAudience = signer.sign(claims(grantId, "https://other.example/mcp", now.plusSeconds(600)))
                .block();
        String expired = signer.sign(claims(grantId, dance.base + "/mcp", now.minusSeconds(3600)))
                .block();
        String stillValid = signer.sign(claims(grantId, dance.base + "/mcp", now.plusSeconds(600)))
                .block();
        String badlySigned =
                good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);

        assertThat(dance.callTool(stillValid, "list_workspaces", "{}").status()).isEqualTo(200);
        for (String token : List.of(otherAudience, expired, badlySigned)) {
            Answer answer = dance.callTool(token, "list_workspaces", "{}");
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("error=\"invalid_token\"");
        }
    }

    @Test
    void whenTokenIsInTheQueryStringThenItIsNotRead() {
        String access = dance.tokens(dance.registerClaude(), account.key())
                .path("access_token")
                .asString();

        Answer answer = OAuthDance.answer(http.post()
                .uri("/api/mcp-server?access_token=" + access)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tool\":\"list_workspaces\",\"input\":{}}")
                .exchange()
                .expectBody(String.class)
                .returnResult());

        assertThat(answer.status()).isEqualTo(401);
    }

    private AccessTokenClaims claims(String grantId, String audience, Instant expiresAt) {
        return new AccessTokenClaims(
                dance.base,
                account.user().id(),
                audience,
                "cli_test",
                EnumSet.allOf(Scope.class),
                grantId,
                "at_test" + System.nanoTime(),
                expiresAt.minusSeconds(60),
                expiresAt);
    }

    private static String grantIdOf(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return OAuthDance.JSON.readTree(payload).path("grant_id").asString();
    }

    private JsonNode getJson(String path) {
        return OAuthDance.JSON.readTree(http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 3 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
