package com.classifiedbilling.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.auth.testing.DocumentServer;
import com.classifiedbilling.oauth.OAuthDance.Answer;
import com.classifiedbilling.oauth.OAuthDance.Client;
import com.classifiedbilling.oauth.OAuthDance.Pkce;
import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.ServerProcess;
import com.classifiedbilling.support.TempFolders;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Clients that register by Client ID Metadata Document, on the real PostgreSQL with their documents
 * on a real HTTPS server on loopback (the test setting that allows loopback documents is on here,
 * and only here): the whole flow, each refusal, and the cache shared with a second instance.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "billing.oauth.client-metadata.allow-loopback-for-tests=true",
            "billing.rate-limits.per-address.per-minute=100000",
            "billing.oauth.consent-failures=100000"
        })
@AutoConfigureWebTestClient
class ClientMetadataDocumentIT extends PostgresIntegrationTest {

    static DocumentServer documents;

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    OAuthDance dance;

    String key;

    @BeforeAll
    static void startDocuments() throws Exception {
        documents = new DocumentServer();
    }

    @AfterAll
    static void stopDocuments() {
        documents.close();
    }

    @BeforeEach
    void setUp() {
        dance = new OAuthDance(http, "http://localhost:" + port);
        key = new BillingFixture(context).account("Advance").key();
    }

    /** Serves a valid document at this path and answers its client (public, Claude's callback). */
    static Client document(String path, String cacheControl) {
        String url = documents.url(path);
        documents.serve(path, DocumentServer.Answer.json(documentFor(url, OAuthDance.CLAUDE_CALLBACK), cacheControl));
        return new Client(url, null, OAuthDance.CLAUDE_CALLBACK);
    }

    static String documentFor(String clientId, String redirectUri) {
        return "{\"client_id\":\"" + clientId + "\",\"client_name\":\"Claude (test)\",\"redirect_uris\":[\""
                + redirectUri
                + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"],"
                + "\"token_endpoint_auth_method\":\"none\"}";
    }

    @Test
    void aClientKnownByItsDocumentGoesFromDiscoveryToConsentToTokensToToolCalls() {
        JsonNode metadata = OAuthDance.JSON.readTree(http.get()
                .uri("/.well-known/oauth-authorization-server")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        assertThat(metadata.path("client_id_metadata_document_supported").asBoolean())
                .isTrue();
        Client client = document("/flow.json", "max-age=600");
        Pkce pkce = Pkce.create();
        Map<String, String> params = dance.authorization(client, pkce);

        OAuthDance.ConsentPage page = dance.consentPage(params);
        assertThat(page.answer().body())
                .contains("Claude (test)")
                .contains("identified by <span class=\"host\">localhost</span>")
                .contains("claude.ai");
        Answer approved = dance.decide(page, key, "approve");
        assertThat(approved.status()).isEqualTo(303);
        assertThat(approved.redirectParam("iss"))
                .as("RFC 9207, CIMD clients too")
                .isEqualTo(dance.base);
        Map<String, String> redemption = dance.redemption(client, approved.redirectParam("code"), pkce);
        redemption.remove("client_secret");
        JsonNode tokens = dance.token(redemption).json();
        String access = tokens.path("access_token").asString();

        assertThat(access).as(tokens.toString()).isNotEmpty();
        assertThat(dance.callTool(access, "list_workspaces", "{}").status()).isEqualTo(200);
        Map<String, String> refresh = new LinkedHashMap<>();
        refresh.put("grant_type", "refresh_token");
        refresh.put("refresh_token", tokens.path("refresh_token").asString());
        refresh.put("client_id", client.id());
        assertThat(dance.token(refresh).status()).isEqualTo(200);
        assertThat(documents.requests("/flow.json"))
                .as("fetched once, then kept")
                .isEqualTo(1);
    }

    @Test
    void everyBrokenDocumentIsRefusedOnThePageWithoutARedirect() {
        Map<String, String> refusals = new LinkedHashMap<>();
        serve(
                "/mismatch.json",
                documentFor(documents.url("/other.json"), OAuthDance.CLAUDE_CALLBACK),
                "application/json");
        refusals.put(documents.url("/mismatch.json"), "its own URL");
        documents.serve(
                "/moved.json",
                new DocumentServer.Answer(302, Map.of("Location", documents.url("/flow.json")), new byte[0]));
        refusals.put(documents.url("/moved.json"), "redirect");
        serve(
                "/large.json",
                documentFor(documents.url("/large.json"), OAuthDance.CLAUDE_CALLBACK)
                        .replace("}", ",\"pad\":\"" + "x".repeat(20_000) + "\"}"),
                "application/json");
        refusals.put(documents.url("/large.json"), "larger than");
        serve("/html.json", documentFor(documents.url("/html.json"), OAuthDance.CLAUDE_CALLBACK), "text/html");
        refusals.put(documents.url("/html.json"), "application/json");
        serve("/broken.json", "{\"client_id\":", "application/json");
        refusals.put(documents.url("/broken.json"), "not valid JSON");
        serve("/twice.json", "{\"client_id\":\"a\",\"client_id\":\"b\"}", "application/json");
        refusals.put(documents.url("/twice.json"), "not valid JSON");
        refusals.put("http://localhost:" + documents.port() + "/flow.json", "https");
        refusals.put("https://localhost:" + documents.port() + "/", "path");
        refusals.put("https://127.0.0.1:" + documents.port() + "/flow.json", "DNS name");

        refusals.forEach((clientId, why) -> {
            Answer answer = dance.authorize(
                    dance.authorization(new Client(clientId, null, OAuthDance.CLAUDE_CALLBACK), Pkce.create()));

            assertThat(answer.status()).as(clientId).isEqualTo(400);
            assertThat(answer.headers().getFirst(HttpHeaders.LOCATION))
                    .as(clientId)
                    .isNull();
            assertThat(answer.body()).as(clientId).contains(why);
        });
    }

    @Test
    void aRedirectUriTheDocumentDoesNotListIsRefusedAndTheTokenEndpointRefusesABrokenDocument() {
        Client client = document("/listed.json", "max-age=600");
        Answer unlisted = dance.authorize(dance.authorization(
                new Client(client.id(), null, "https://claude.ai/api/mcp/other_callback"), Pkce.create()));
        serve("/gone.json", "{}", "application/json");
        Map<String, String> token = new LinkedHashMap<>();
        token.put("grant_type", "authorization_code");
        token.put("code", "cb_ac_x");
        token.put("redirect_uri", OAuthDance.CLAUDE_CALLBACK);
        token.put("code_verifier", "v");
        token.put("client_id", documents.url("/gone.json"));

        Answer refused = dance.token(token);

        assertThat(unlisted.status()).isEqualTo(400);
        assertThat(unlisted.headers().getFirst(HttpHeaders.LOCATION)).isNull();
        assertThat(unlisted.body()).contains("not one this app registered");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void theCacheKeepsItsBoundsAndIsSharedByEveryInstance() throws Exception {
        Client shared = document("/shared.json", "max-age=600");
        Client brief = document("/brief.json", "max-age=1");
        Client lasting = document("/lasting.json", "max-age=99999999");
        for (Client client : new Client[] {shared, brief, lasting}) {
            assertThat(dance.authorize(dance.authorization(client, Pkce.create()))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(keptFor(brief.id())).as("the floor").isEqualTo(Duration.ofMinutes(5));
        assertThat(keptFor(lasting.id())).as("the ceiling").isEqualTo(Duration.ofHours(24));
        assertThat(keptFor(shared.id())).as("the document's own max-age").isEqualTo(Duration.ofMinutes(10));

        Map<String, String> env = Map.of(
                "BILLING_DATABASE_URL", database.url(), "BILLING_OAUTH_CLIENTMETADATA_ALLOWLOOPBACKFORTESTS", "true");
        try (ServerProcess other = ServerProcess.start("cimd-b", TempFolders.create("cb-cimd"), env)) {
            String otherBase = "http://127.0.0.1:" + other.port();
            OAuthDance onOther = new OAuthDance(
                    WebTestClient.bindToServer().baseUrl(otherBase).build(), otherBase);
            assertThat(onOther.authorize(onOther.authorization(shared, Pkce.create()))
                            .status())
                    .isEqualTo(200);
            assertThat(documents.requests("/shared.json"))
                    .as("the other instance used the shared entry")
                    .isEqualTo(1);

            // the document goes bad, and its entry runs out (set in the past, as time passing would)
            serve(
                    "/shared.json",
                    documentFor(documents.url("/impostor.json"), OAuthDance.CLAUDE_CALLBACK),
                    "application/json");
            sql("UPDATE oauth_client_documents SET expires_at = now() - interval '1 second' WHERE url = '" + shared.id()
                    + "'");
            Answer refusedThere = onOther.authorize(onOther.authorization(shared, Pkce.create()));
            Answer refusedHere = dance.authorize(dance.authorization(shared, Pkce.create()));

            assertThat(refusedThere.status()).isEqualTo(400);
            assertThat(refusedThere.body()).contains("its own URL");
            assertThat(refusedHere.status())
                    .as("no instance accepts what another refused")
                    .isEqualTo(400);
            assertThat(refusedHere.body()).contains("its own URL");
            assertThat(documents.requests("/shared.json"))
                    .as("fetched again once, by one instance")
                    .isEqualTo(2);
        }
    }

    private static void serve(String path, String body, String contentType) {
        documents.serve(
                path,
                new DocumentServer.Answer(
                        200, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Duration keptFor(String url) throws Exception {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT EXTRACT(EPOCH FROM expires_at - fetched_at) FROM "
                        + "oauth_client_documents WHERE url = '" + url + "'")) {
            assertThat(row.next()).as(url).isTrue();
            return Duration.ofSeconds(Math.round(row.getDouble(1)));
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = database.connect();
                Statement run = connection.createStatement()) {
            run.executeUpdate(statement);
        }
    }
}
