package com.classifiedbilling.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.auth.testing.DocumentServer;
import com.classifiedbilling.support.NodeClients;
import com.classifiedbilling.support.NodeClients.Result;
import com.classifiedbilling.support.ServerProcess;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real OAuth clients from the npm registry against the packaged server on PostgreSQL: {@code
 * oauth4webapi} through the whole flow to a {@code tools/call} on {@code /mcp}, {@code mcp-remote}
 * completing its own flow and calling every tool through its stdio proxy, the official TypeScript
 * SDK as a client known by its Client ID Metadata Document (served over HTTPS on loopback, which
 * this server alone is set to allow), approved in Chromium, and the consent page in Debian's
 * Chromium driven by Playwright.
 */
class OAuthClientsIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static ServerProcess server;

    static String key;

    /** Where the CIMD client's metadata document is served (the server may fetch from loopback here). */
    static DocumentServer documents;

    @BeforeAll
    static void start() throws Exception {
        NodeClients.install();
        documents = new DocumentServer();
        server = ServerProcess.startWithDemo(
                "oauth-clients-it",
                Map.of(
                        "BILLING_RATELIMITS_PERADDRESS_PERMINUTE",
                        "10000",
                        "BILLING_OAUTH_CLIENTMETADATA_ALLOWLOOPBACKFORTESTS",
                        "true"));
        key = server.demoKey();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (documents != null) {
            documents.close();
        }
    }

    @Test
    void theTypeScriptSdkShouldBeKnownByItsMetadataDocumentThroughConsentInChromiumToToolCalls() throws Exception {
        int callbackPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            callbackPort = socket.getLocalPort();
        }
        String metadataUrl = documents.url("/ts-sdk-client.json");
        documents.serve(
                "/ts-sdk-client.json",
                DocumentServer.Answer.json(
                        "{\"client_id\":\"" + metadataUrl + "\",\"client_name\":\"TypeScript SDK (CIMD check)\","
                                + "\"redirect_uris\":[\"http://127.0.0.1:" + callbackPort + "/callback\"],"
                                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"],"
                                + "\"token_endpoint_auth_method\":\"none\",\"application_type\":\"native\"}",
                        "max-age=300"));

        JsonNode report = run(
                "ts-cimd-flow.mjs",
                Map.of("CLIENT_METADATA_URL", metadataUrl, "CALLBACK_PORT", Integer.toString(callbackPort)));

        assertThat(report.path("failures")).as(report.toString()).isEmpty();
        assertThat(report.path("clientId").asString())
                .as("no registration: the URL is the client_id")
                .isEqualTo(metadataUrl);
        assertThat(report.path("authorizationPath").asString()).isEqualTo("/mcp-connect");
        assertThat(report.path("authorizationClientId").asString()).isEqualTo(metadataUrl);
        assertThat(report.path("showsName").asBoolean()).isTrue();
        assertThat(report.path("showsHost").asBoolean()).isTrue();
        assertThat(report.path("iss").asString()).isEqualTo(base());
        assertThat(report.path("refreshToken").asBoolean()).isTrue();
        assertThat(report.path("calls").asInt())
                .isGreaterThanOrEqualTo(report.path("tools").asInt());
        assertThat(documents.requests("/ts-sdk-client.json")).isEqualTo(1);
    }

    @Test
    void oauth4webapiShouldDiscoverRegisterAuthorizeAndCallATool() throws Exception {
        JsonNode report = run("oauth4webapi-flow.mjs", Map.of());

        assertThat(report.path("unauthorizedStatus").asInt()).isEqualTo(401);
        assertThat(report.path("resourceMetadata").asString())
                .isEqualTo(base() + "/.well-known/oauth-protected-resource/mcp");
        assertThat(report.path("issuer").asString()).isEqualTo(base());
        assertThat(report.path("registered").asBoolean()).isTrue();
        assertThat(report.path("expiresIn").asLong()).isEqualTo(7_776_000L);
        assertThat(report.path("scope").asString()).isEqualTo("billing:read billing:write");
        assertThat(report.path("audience").asString()).isEqualTo(base() + "/mcp");
        assertThat(report.path("clientIdClaim").asBoolean()).isTrue();
        assertThat(report.path("toolStatus").asInt()).isEqualTo(200);
        assertThat(report.path("workspaces").asInt()).isEqualTo(1);
        assertThat(report.path("refreshRotated").asBoolean()).isTrue();
        assertThat(report.path("refreshedToolStatus").asInt()).isEqualTo(200);
        assertThat(report.path("afterRevocationStatus").asInt()).isEqualTo(401);
    }

    @Test
    void mcpRemoteShouldCompleteItsFlowAndCallATool() throws Exception {
        int callbackPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            callbackPort = socket.getLocalPort();
        }

        JsonNode report = run("mcp-remote-flow.mjs", Map.of("CALLBACK_PORT", Integer.toString(callbackPort)));

        assertThat(report.path("authorizationUrl").asString()).isEqualTo("/mcp-connect");
        assertThat(report.path("redirectedTo").asString()).isEqualTo("/oauth/callback");
        assertThat(report.path("callbackStatus").asInt()).isEqualTo(200);
        assertThat(report.path("tools").asInt()).isEqualTo(8);
        assertThat(report.path("calls").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(report.path("failures")).as(report.toString()).isEmpty();
    }

    @Test
    void theConsentPageShouldWorkInARealBrowser() throws Exception {
        Path screenshots =
                Files.createDirectories(Path.of("target", "screenshots").toAbsolutePath());

        JsonNode report = run("consent-playwright.mjs", Map.of("SCREENSHOT_DIR", screenshots.toString()));

        assertThat(report.path("showsClient").asBoolean()).isTrue();
        assertThat(report.path("approve").path("code").asBoolean()).isTrue();
        assertThat(report.path("approve").path("state").asString()).isEqualTo("approve-state");
        assertThat(report.path("deny").path("error").asString()).isEqualTo("access_denied");
        assertThat(report.path("deny").path("state").asString()).isEqualTo("deny-state");
        assertThat(report.path("deny").path("code").isNull()).isTrue();
        assertThat(report.path("wrongKey").path("message").asString()).startsWith("That API key is not valid");
        assertThat(report.path("wrongKey").path("stillOnServer").asBoolean()).isTrue();
        assertThat(report.path("wrongKey").path("callbacks").asInt()).isZero();
    }

    private static JsonNode run(String script, Map<String, String> extraEnv) throws Exception {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("BASE_URL", base());
        env.put("CB_KEY", key);
        Result result = NodeClients.run(List.of("node", script), env, 150);
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        List<String> lines =
                result.stdout().lines().filter(line -> line.startsWith("{")).toList();
        assertThat(lines).as(result.stdout()).isNotEmpty();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }
}
