package com.classifiedbilling.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.oauth.OAuthDance.Answer;
import com.classifiedbilling.oauth.OAuthDance.Client;
import com.classifiedbilling.oauth.OAuthDance.Pkce;
import com.classifiedbilling.support.AdminProcess;
import com.classifiedbilling.support.ModernToolCall;
import com.classifiedbilling.support.ServerProcess;
import com.classifiedbilling.support.TempFolders;
import com.classifiedbilling.support.TestDatabase;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged server as an operator runs it: JSON logs ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs})
 * and the actuator on a port of its own ({@code MANAGEMENT_PORT}). Every log line is JSON; each tool
 * call has a line with its request id, door, tool and outcome; and no key, token, code or client
 * secret this test used (right or wrong) is in any line, after a run through every credential path.
 */
class OperatorViewIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String DEMO_EMAIL = "demo@classifiedbilling.example";

    static Path workDir;

    static Map<String, String> env;

    static int managementPort;

    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            managementPort = socket.getLocalPort();
        }
        workDir = TempFolders.create("cb-operator-view");
        env = new HashMap<>(Map.of(
                "BILLING_DATABASE_URL", TestDatabase.create().url(),
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
                "MANAGEMENT_PORT", Integer.toString(managementPort)));
        server = ServerProcess.start("operator-view", workDir, ServerProcess.demoWithoutLimits(env));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theActuatorShouldAnswerOnTheManagementPortOnlyAndTheDoorsNotThere() throws Exception {
        String key = newKey();
        assertThat(server.callTool(key, "list_workspaces", "{}").statusCode()).isEqualTo(200);

        HttpResponse<String> metrics = management("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("billing_tool_calls_seconds_count{door=\"/api/mcp-server\"");
        assertThat(management("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(server.get("/actuator/prometheus", null).statusCode()).isEqualTo(404);
        assertThat(server.get("/readyz", null).statusCode()).isEqualTo(200);
        assertThat(server.get("/livez", null).statusCode()).isEqualTo(200);

        HttpResponse<String> door = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/api/mcp-server"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"tool\":\"list_workspaces\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(door.statusCode()).isEqualTo(404);
        assertThat(door.body()).doesNotContain("workspaces");
    }

    @Test
    void jsonLogsShouldNameEachToolCallAndHoldNoSecretOfAnyCredentialPath() throws Exception {
        List<String> secrets = new ArrayList<>();
        String key = newKey();
        secrets.add(key);
        String wrongKey = "cb_live_" + random(32);
        secrets.add(wrongKey);

        assertThat(server.callTool(key, "list_workspaces", "{}").statusCode()).isEqualTo(200);
        assertThat(server.callTool(key, "list_invoices", "{\"workspace_id\":\"ws_nope\",\"limit\":0}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(server.callTool(wrongKey, "list_workspaces", "{}").statusCode())
                .isEqualTo(401);
        assertThat(server.callTool(key + "x", "list_workspaces", "{}").statusCode())
                .isEqualTo(401);
        HttpResponse<String> modern = HTTP.send(
                ModernToolCall.request(
                                server.uri("/mcp"),
                                key,
                                "list_workspaces",
                                ModernToolCall.body("list_workspaces", "{}", ""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(modern.statusCode()).as(modern.body()).isEqualTo(200);

        OAuthDance dance = dance();
        Client client = dance.registerClaude();
        secrets.add(client.secret());
        Pkce pkce = Pkce.create();
        String code = dance.code(client, pkce, key);
        secrets.add(code);
        secrets.add(pkce.verifier());
        Answer tokens = dance.token(dance.redemption(client, code, pkce));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        String access = tokens.json().path("access_token").asString();
        String refresh = tokens.json().path("refresh_token").asString();
        secrets.add(access);
        secrets.add(refresh);
        assertThat(dance.callTool(access, "list_workspaces", "{}").status()).isEqualTo(200);
        assertThat(dance.callTool(access.substring(0, access.length() - 4) + "AAAA", "list_workspaces", "{}")
                        .status())
                .isEqualTo(401);
        Answer refreshed = dance.refresh(client, refresh);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        secrets.add(refreshed.json().path("access_token").asString());
        secrets.add(refreshed.json().path("refresh_token").asString());
        String wrongSecret = random(24);
        secrets.add(wrongSecret);
        Answer badClient = dance.refresh(
                new Client(client.id(), wrongSecret, client.redirectUri()),
                refreshed.json().path("refresh_token").asString());
        assertThat(badClient.status()).isEqualTo(401);
        assertThat(revoke(refreshed.json().path("access_token").asString(), client))
                .isEqualTo(200);
        // a code used twice: refused, and its grant revoked
        Answer replayed = dance.token(dance.redemption(client, code, pkce));
        assertThat(replayed.status()).isEqualTo(400);

        List<JsonNode> lines = logLines();
        List<JsonNode> calls = lines.stream()
                .filter(line -> line.has("tool") && line.has("outcome"))
                .toList();
        assertThat(calls)
                .anySatisfy(line -> assertThat(line.path("door").asString()).isEqualTo("/api/mcp-server"));
        assertThat(calls).allSatisfy(line -> {
            assertThat(line.path("request_id").asString()).isNotBlank();
            assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
        });
        assertThat(calls)
                .anySatisfy(line -> assertThat(List.of(
                                line.path("door").asString(),
                                line.path("tool").asString(),
                                line.path("outcome").asString()))
                        .containsExactly("/api/mcp-server", "list_invoices", "tool_error"));
        assertThat(calls)
                .anySatisfy(line -> assertThat(List.of(
                                line.path("door").asString(),
                                line.path("era").asString(),
                                line.path("outcome").asString()))
                        .containsExactly("/mcp", "modern", "ok"));

        String everything = server.stdout() + server.stderr();
        for (String secret : secrets) {
            assertThat(secret).hasSizeGreaterThan(15);
            // the part after the prefix an API key shows as its name ("cb_live_Upvn…")
            String hidden = secret.startsWith("cb_live_") ? secret.substring(12) : secret;
            assertThat(everything).as("a secret in the logs").doesNotContain(hidden);
        }
    }

    /** Every line the server wrote to standard error, each of which must be a JSON object. */
    private static List<JsonNode> logLines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : server.stderr().split("\n")) {
            if (!line.isBlank()) {
                JsonNode json = JSON.readTree(line);
                assertThat(json.isObject()).as(line).isTrue();
                lines.add(json);
            }
        }
        assertThat(lines).hasSizeGreaterThan(10);
        return lines;
    }

    private static HttpResponse<String> management(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int revoke(String token, Client client) {
        return WebTestClient.bindToServer()
                .baseUrl(base())
                .build()
                .post()
                .uri("/oauth/revoke")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("token=" + token + "&client_id=" + client.id() + "&client_secret=" + client.secret())
                .exchange()
                .returnResult(Void.class)
                .getStatus()
                .value();
    }

    private static OAuthDance dance() {
        return new OAuthDance(
                WebTestClient.bindToServer()
                        .baseUrl(base())
                        .responseTimeout(Duration.ofSeconds(10))
                        .build(),
                base());
    }

    private static String base() {
        return server.uri("/").toString().replaceAll("/$", "");
    }

    private static String newKey() {
        return AdminProcess.newKey(workDir, env, DEMO_EMAIL);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
