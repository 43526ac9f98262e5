package com.classifiedbilling.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.RawHttp;
import com.classifiedbilling.support.SseStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the server says about itself, as the connector directory reads it: the full {@code
 * serverInfo} in both protocol eras and on both MCP doors, icons that this server serves with the
 * sizes it claims, the privacy and support pages, and the metadata that links to them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "billing.oauth.public-url=" + ServerIdentityIT.PUBLIC_URL,
            "billing.site.support-email=help@billing.example"
        })
class ServerIdentityIT extends PostgresIntegrationTest {

    static final String PUBLIC_URL = "https://billing.example";

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    String key;

    @BeforeEach
    void setUp() {
        key = new BillingFixture(context).account("Advance").key();
    }

    @Test
    void everyEraAndDoorGivesTheFullServerInfoWithTheServersOwnIcons() throws Exception {
        RawHttp raw = new RawHttp(port);
        JsonNode legacy = JSON.readTree(raw.send(
                                "POST",
                                "/mcp",
                                headers("2025-11-25", "initialize"),
                                bytes(
                                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}"))
                        .body())
                .path("result")
                .path("serverInfo");
        JsonNode modern = JSON.readTree(raw.send(
                                "POST",
                                "/mcp",
                                headers("2026-07-28", "server/discover"),
                                bytes(
                                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{\"_meta\":{"
                                                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                                                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}"))
                        .body())
                .path("result")
                .path("_meta")
                .path("io.modelcontextprotocol/serverInfo");

        assertThat(modern).isEqualTo(legacy);
        assertThat(legacy.path("name").asString()).isEqualTo("classifiedbilling");
        assertThat(legacy.path("title").asString()).isEqualTo("ClassifiedBilling");
        assertThat(legacy.path("version").asString()).isNotBlank();
        assertThat(legacy.path("description").asString()).contains("invoices");
        assertThat(legacy.path("websiteUrl").asString()).startsWith("https://");
        List<JsonNode> icons = legacy.path("icons").valueStream().toList();
        assertThat(icons)
                .extracting(icon -> icon.path("mimeType").asString())
                .containsExactly("image/svg+xml", "image/png", "image/png");
        try (SseStream sse = SseStream.initialized(port, key)) {
            assertThat(sse.awaitCount("\"serverInfo\":" + JSON.writeValueAsString(legacy), 1))
                    .as("the SSE door's initialize gives the same serverInfo: %s", sse.received())
                    .isTrue();
        }

        for (JsonNode icon : icons) {
            String src = icon.path("src").asString();
            assertThat(src).startsWith(PUBLIC_URL + "/icons/");
            HttpResponse<byte[]> served = get(src.substring(PUBLIC_URL.length()));
            assertThat(served.statusCode()).as(src).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type"))
                    .hasValue(icon.path("mimeType").asString());
            String size = icon.path("sizes").get(0).asString();
            if (icon.path("mimeType").asString().equals("image/png")) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
                assertThat(image.getWidth() + "x" + image.getHeight()).as(src).isEqualTo(size);
            } else {
                assertThat(size).isEqualTo("any");
                assertThat(new String(served.body(), StandardCharsets.UTF_8)).startsWith("<svg ");
            }
        }
    }

    @Test
    void theToolsCarryTheIcons() throws Exception {
        JsonNode list = JSON.readTree(new RawHttp(port)
                        .send(
                                "POST",
                                "/mcp",
                                headers("2025-11-25", "tools/list"),
                                bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                        .body())
                .path("result")
                .path("tools");

        assertThat(list)
                .isNotEmpty()
                .allSatisfy(
                        tool -> assertThat(tool.path("icons").get(0).path("src").asString())
                                .isEqualTo(PUBLIC_URL + "/icons/classifiedbilling.svg"));
    }

    @Test
    void thePrivacyAndSupportPagesAreServedAndTheMetadataLinksThem() throws Exception {
        for (String path : List.of("/privacy", "/support")) {
            HttpResponse<byte[]> page = get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("help@billing.example");
        }
        JsonNode server =
                JSON.readTree(get("/.well-known/oauth-authorization-server").body());
        JsonNode resource =
                JSON.readTree(get("/.well-known/oauth-protected-resource/mcp").body());

        assertThat(server.path("op_policy_uri").asString()).isEqualTo(PUBLIC_URL + "/privacy");
        assertThat(server.path("service_documentation").asString()).isEqualTo(PUBLIC_URL + "/support");
        assertThat(resource.path("resource_policy_uri").asString()).isEqualTo(PUBLIC_URL + "/privacy");
        assertThat(resource.path("resource_documentation").asString()).isEqualTo(PUBLIC_URL + "/support");
    }

    @Test
    void theRootSaysWhatThisIsToAPersonAndToAnApiClient() throws Exception {
        HttpResponse<byte[]> page = get("/");
        HttpResponse<String> json = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(new String(page.body(), StandardCharsets.UTF_8))
                .contains("POST /mcp", "GET /sse", "POST /api/mcp-server");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode home = JSON.readTree(json.body());
        assertThat(home.path("doors").path("mcp").asString()).isEqualTo("/mcp");
        assertThat(home.path("doors").path("json").asString()).isEqualTo("/api/mcp-server");
        assertThat(home.path("support").asString()).isEqualTo("/support");
    }

    private Map<String, String> headers(String version, String method) {
        return Map.of(
                "Authorization",
                "Bearer " + key,
                "Content-Type",
                "application/json",
                "Accept",
                "application/json, text/event-stream",
                "MCP-Protocol-Version",
                version,
                "Mcp-Method",
                method);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
