package com.classifiedbilling.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.oauth.OAuthDance.Answer;
import com.classifiedbilling.oauth.OAuthDance.Client;
import com.classifiedbilling.oauth.OAuthDance.Pkce;
import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
 * Malformed input to the authorization server, each kind in its variants, and the two ways a
 * request could make this server point somewhere it should not (an open redirect, a forged
 * issuer). Every one of these once answered 500 or did the wrong thing; each now gets a 4xx that
 * names the problem and never repeats a value.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"billing.rate-limits.per-address.per-minute=100000", "billing.oauth.consent-failures=100000"})
@AutoConfigureWebTestClient
class OAuthHardeningIT extends PostgresIntegrationTest {

    /** Values no form or query may carry: bad escapes, bytes that are not UTF-8, control characters. */
    static Stream<String> malformed() {
        return Stream.of(
                "%zz",
                "%",
                "%4",
                "%g0",
                "abc%",
                "%C0%AF",
                "%FF",
                "%ED%A0%80",
                "%E2%82",
                "%00",
                "a%00b",
                "%0A",
                "%0D",
                "%1F",
                "%7F",
                "%09");
    }

    /** The values of {@link #malformed()} that are not even URI syntax. */
    static final List<String> BAD_ESCAPES = List.of("%zz", "%", "%4", "%g0", "abc%");

    static final List<String> FORM_ENDPOINTS =
            List.of("/api/mcp-token", "/token", "/oauth/revoke", "/mcp-connect", "/authorize");

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    OAuthDance dance;

    @BeforeEach
    void setUp() {
        dance = new OAuthDance(http, "http://localhost:" + port);
    }

    // forms and queries

    @ParameterizedTest
    @MethodSource("malformed")
    void whenAFormValueIsMalformedThenEveryFormEndpointAnswers400NamingTheParameter(String value) {
        for (String path : FORM_ENDPOINTS) {
            Answer answer = postForm(path, "grant_type=authorization_code&client_id=" + value + "&token=x");

            assertThat(answer.status()).as("%s with client_id=%s", path, value).isEqualTo(400);
            assertThat(answer.json().path("error").asString()).isEqualTo("invalid_request");
            assertThat(answer.json().path("error_description").asString()).contains("client_id");
        }
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void whenAFormNameIsMalformedThenTheFormIsRefused(String value) {
        for (String path : FORM_ENDPOINTS) {
            assertThat(postForm(path, "grant_type=authorization_code&" + value + "=1")
                            .status())
                    .as("%s with a parameter named %s", path, value)
                    .isEqualTo(400);
        }
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void whenAQueryValueIsMalformedThenTheAnswerIs400AndNoRedirect(String value) throws IOException {
        RawHttp raw = new RawHttp(port);
        for (String target : List.of(
                "/mcp-connect?redirect_uri=" + OAuthDance.CLAUDE_CALLBACK + "&state=" + value,
                "/authorize?client_id=" + value,
                "/.well-known/oauth-authorization-server?x=" + value)) {
            RawHttp.Answer answer = raw.send("GET", target, Map.of(), null);

            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.header(HttpHeaders.LOCATION)).isNull();
            if (BAD_ESCAPES.contains(value)) {
                // not a URI at all: Spring's HTTP adapter refuses the request line before any filter, with no body
                assertThat(answer.body()).isEmpty();
            } else {
                assertThat(answer.body()).contains("invalid_request").containsAnyOf("control character", "UTF-8");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void whenBasicCredentialsAreMalformedThenInvalidClient(String value) {
        for (String credentials : List.of(value + ":secret", "cli_x:" + value)) {
            Answer answer = OAuthDance.answer(http.post()
                    .uri("/api/mcp-token")
                    .header(HttpHeaders.AUTHORIZATION, basic(credentials.getBytes(StandardCharsets.ISO_8859_1)))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue("grant_type=authorization_code&code=x&redirect_uri=x&code_verifier=x")
                    .exchange()
                    .expectBody(String.class)
                    .returnResult());

            assertThat(answer.status()).as(credentials).isEqualTo(401);
            assertThat(answer.json().path("error").asString()).isEqualTo("invalid_client");
        }
    }

    @Test
    void whenBasicCredentialsAreNotUtf8ThenInvalidClient() {
        Answer answer = OAuthDance.answer(http.post()
                .uri("/api/mcp-token")
                .header(HttpHeaders.AUTHORIZATION, basic(new byte[] {(byte) 0xff, ':', 'x'}))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=authorization_code")
                .exchange()
                .expectBody(String.class)
                .returnResult());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void whenAFormIsLargerThanTheCapThen413AndAtTheCapItIsRead() {
        int cap = 64 * 1024;
        String prefix = "token=";
        String atCap = prefix + "a".repeat(cap - prefix.length());

        Answer read = postForm("/oauth/revoke", atCap);
        Answer refused = postForm("/oauth/revoke", atCap + "a");
        Answer muchLarger = postForm("/api/mcp-token", atCap + "a".repeat(cap * 4));

        assertThat(read.status())
                .as("an unknown token is not an error (RFC 7009): %s", read.body())
                .isEqualTo(200);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().path("error").asString()).isEqualTo("invalid_request");
        assertThat(muchLarger.status()).isEqualTo(413);
    }

    // registration

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "a\\u0000b", "\\u0001", "\\u001f", "\\u007f", "line\\nbreak"})
    void whenRegistrationTextHoldsAControlCharacterThen400(String character) {
        List<String> bodies = List.of(
                "{\"client_name\":\"" + character + "\",\"redirect_uris\":[\"https://a.example/cb\"]}",
                "{\"redirect_uris\":[\"https://a.example/cb" + character + "\"]}",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"authorization_code" + character
                        + "\"]}",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"token_endpoint_auth_method\":\"none" + character
                        + "\"}");
        for (String body : bodies) {
            Answer answer = dance.register(body);

            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().path("error").asString()).startsWith("invalid_");
        }
    }

    @Test
    void whenTheMostRedirectUrisTheRulesAllowAreRegisteredThenTheDatabaseKeepsThemAll() {
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String start = "https://app" + i + ".example/";
            uris.add(start + "p".repeat(2000 - start.length()));
        }

        Answer registered = dance.register(registration(uris));
        Answer eleven = dance.register(registration(
                Stream.concat(uris.stream(), Stream.of("https://b.example/cb")).toList()));
        Answer tooLong = dance.register(registration(List.of(uris.get(0) + "p")));

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().path("redirect_uris")).hasSize(10);
        Client client = new Client(registered.json().path("client_id").asString(), null, uris.get(9));
        assertThat(dance.authorize(dance.authorization(client, Pkce.create())).status())
                .as("the last URI is kept whole")
                .isEqualTo(200);
        assertThat(eleven.status()).isEqualTo(400);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("error").asString()).isEqualTo("invalid_redirect_uri");
    }

    // open redirect (RFC 9700 §4.11.2)

    @Test
    void whenNoPersonHasApprovedAClientThenItsErrorsAreShownInsteadOfRedirected() {
        Answer registered = dance.register("{\"redirect_uris\":[\"https://evil.example/landing\"],"
                + "\"token_endpoint_auth_method\":\"none\",\"client_name\":\"Evil\"}");
        Client client =
                new Client(registered.json().path("client_id").asString(), null, "https://evil.example/landing");
        Map<String, String> valid = dance.authorization(client, Pkce.create());
        Map<String, Map<String, String>> broken = new LinkedHashMap<>();
        broken.put("response_type=x", with(valid, "response_type", "x"));
        broken.put("no state", with(valid, "state", null));
        broken.put("no challenge", with(valid, "code_challenge", null));
        broken.put("plain", with(valid, "code_challenge_method", "plain"));
        broken.put("scope", with(valid, "scope", "admin"));
        broken.put("resource", with(valid, "resource", "https://evil.example/mcp"));

        broken.forEach((what, params) -> {
            Answer answer = dance.authorize(params);

            assertThat(answer.status()).as(what).isEqualTo(400);
            assertThat(answer.headers().getFirst(HttpHeaders.LOCATION)).as(what).isNull();
            assertThat(answer.body()).as(what).contains("cannot be used");
        });
        assertThat(dance.authorize(valid).status())
                .as("the valid request still shows the page")
                .isEqualTo(200);
    }

    // the issuer and the Host header

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil.example",
                "evil.example:8080",
                "127.0.0.1.evil.example",
                "localhost.evil.example",
                "10.0.0.1"
            })
    void whenTheHostIsNotTrustedThenTheOAuthEndpointsAndMetadataAnswer400(String host) throws IOException {
        RawHttp raw = new RawHttp(port);
        Map<String, String> headers = Map.of("Host", host);
        Map<String, String> form = Map.of("Host", host, "Content-Type", "application/x-www-form-urlencoded");
        Map<String, String> json = Map.of("Host", host, "Content-Type", "application/json");
        List<RawHttp.Answer> answers = List.of(
                raw.send("GET", "/.well-known/oauth-authorization-server", headers, null),
                raw.send("GET", "/.well-known/openid-configuration", headers, null),
                raw.send("GET", "/.well-known/oauth-protected-resource/mcp", headers, null),
                raw.send("GET", "/mcp-connect?redirect_uri=" + OAuthDance.CLAUDE_CALLBACK, headers, null),
                raw.send("POST", "/api/mcp-token", form, "grant_type=refresh_token&refresh_token=x".getBytes()),
                raw.send("POST", "/oauth/revoke", form, "token=x".getBytes()),
                raw.send("POST", "/oauth/register", json, "{\"redirect_uris\":[\"https://a.example/cb\"]}".getBytes()),
                raw.send("POST", "/mcp", json, "{}".getBytes()));

        for (RawHttp.Answer answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).doesNotContain("evil.example").doesNotContain("10.0.0.1");
            assertThat(answer.header(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        }
    }

    @Test
    void whenTheHostIsNotTrustedThenAnApiKeyStillCallsTools() throws IOException {
        Account account = new BillingFixture(context).account("Advance");

        RawHttp.Answer answer = new RawHttp(port)
                .send(
                        "POST",
                        "/api/mcp-server",
                        Map.of(
                                "Host", "billing.lan:8080",
                                "Authorization", "Bearer " + account.key(),
                                "Content-Type", "application/json"),
                        "{\"tool\":\"list_workspaces\",\"input\":{}}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains(account.workspaceId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "127.8.9.10", "[::1]"})
    void whenTheHostIsLoopbackThenTheIssuerFollowsIt(String host) throws IOException {
        String authority = host + ":" + port;

        RawHttp.Answer answer = new RawHttp(port)
                .send("GET", "/.well-known/oauth-authorization-server", Map.of("Host", authority), null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(OAuthDance.JSON.readTree(answer.body()).path("issuer").asString())
                .isEqualTo("http://" + authority);
    }

    // cursors

    @Test
    void whenACursorDecodesToNulOrNotUtf8ThenTheToolAnswers400() {
        Account account = new BillingFixture(context).account("Advance");
        Map<String, List<byte[]>> cursors = Map.of(
                "list_customers",
                List.of(bytes("S\nx\n\u0000"), bytes("S\n\u0000\nAcme"), bytes("s\nabc\u0000\nx"), new byte[] {
                    'S', '\n', 'x', '\n', (byte) 0xff
                }),
                "list_invoices",
                List.of(bytes("T\ninv\u0000\n1.0"), bytes("t\n1.0\n\u0000")),
                "get_overdue_invoices",
                List.of(bytes("T\n\u0000\n1.0")));
        cursors.forEach((tool, list) -> list.forEach(cursor -> {
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
            JsonNode answer = http.post()
                    .uri("/api/mcp-server")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + account.key())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"tool\":\"" + tool + "\",\"input\":{\"workspace_id\":\"" + account.workspaceId()
                            + "\",\"cursor\":\"" + encoded + "\"}}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(answer.path("error").asString()).as(tool).contains("cursor");
        }));
    }

    private Answer postForm(String path, String body) {
        return OAuthDance.answer(http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(body)
                .exchange()
                .expectBody(String.class)
                .returnResult());
    }

    private static String basic(byte[] credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String registration(List<String> uris) {
        return "{\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":["
                + String.join(",", uris.stream().map(uri -> "\"" + uri + "\"").toList()) + "]}";
    }

    private static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(params);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return changed;
    }
}
