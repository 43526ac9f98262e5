package com.classifiedbilling.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.ToolExamples;
import com.classifiedbilling.tool.ToolRegistry;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is particular to the MCP doors: the published tools, protocol versions, authentication on
 * every request, Origin checks, SSE sessions bound to their user, and clean error bodies.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "billing.mcp.allowed-origins=https://claude.ai")
class McpDoorsIT extends PostgresIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String ACCEPT = "application/json, text/event-stream";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Account account;

    @BeforeEach
    void account() {
        account = new BillingFixture(context).account("Standard");
    }

    @Test
    void shouldPublishEveryToolWithSchemasTitlesAndAnnotations() throws Exception {
        ToolRegistry registry = context.getBean(ToolRegistry.class);
        for (McpCaller caller :
                List.of(McpCaller.streamableHttp(port, account.key()), McpCaller.sse(port, account.key()))) {
            try (caller) {
                List<McpSchema.Tool> tools = caller.client().listTools().tools();
                assertThat(tools)
                        .extracting(McpSchema.Tool::name)
                        .containsExactlyInAnyOrderElementsOf(ToolExamples.names());
                for (McpSchema.Tool tool : tools) {
                    assertThat(tool.title()).isNotBlank();
                    assertThat(tool.description()).isNotBlank();
                    JsonNode output = JSON.valueToTree(tool.outputSchema());
                    JsonNode input = JSON.valueToTree(tool.inputSchema());
                    assertThat(output).isEqualTo(schemaFile(tool.name() + ".output.json"));
                    assertThat(input.path("properties"))
                            .isEqualTo(schemaFile(tool.name() + ".input.json").path("properties"));
                    assertThat(tool.annotations().readOnlyHint())
                            .as(tool.name())
                            .isEqualTo(registry.descriptors().stream()
                                    .filter(d -> d.name().equals(tool.name()))
                                    .findFirst()
                                    .orElseThrow()
                                    .hints()
                                    .readOnly());
                    assertThat(tool.annotations().openWorldHint()).isFalse();
                }
                assertThat(caller.client().getServerInstructions()).contains("list_workspaces");
            }
        }
    }

    @Test
    void shouldSpeakEveryCurrentProtocolVersionOnMcp() throws Exception {
        for (String version : List.of("2025-11-25", "2025-06-18", "2025-03-26")) {
            HttpResponse<String> response = post("/mcp", account.key(), Map.of(), initialize(version));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())
                            .path("result")
                            .path("protocolVersion")
                            .asString())
                    .isEqualTo(version);
        }
    }

    @Test
    void whenCredentialMissingOrInvalidThen401OnEveryMcpEndpoint() throws Exception {
        for (String key : new String[] {null, "cb_live_" + "0".repeat(43), "not-a-token"}) {
            assertUnauthorized(post("/mcp", key, Map.of(), initialize("2025-06-18")), key);
            assertUnauthorized(send(request("/mcp", key).GET()), key);
            assertUnauthorized(
                    send(request("/sse", key)
                            .header("Accept", "text/event-stream")
                            .GET()),
                    key);
            assertUnauthorized(post("/message?sessionId=x", key, Map.of(), initialize("2024-11-05")), key);
        }
    }

    @Test
    void whenBrowserOriginIsNotAllowedThen403AndAllowedOnesOrNoneGetThrough() throws Exception {
        HttpResponse<String> evil =
                post("/mcp", account.key(), Map.of("Origin", "https://evil.example"), initialize("2025-06-18"));
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(evil.body()).contains("not allowed").doesNotContain("Exception");
        assertThat(post("/mcp", account.key(), Map.of("Origin", "https://claude.ai"), initialize("2025-06-18"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/mcp", account.key(), Map.of(), initialize("2025-06-18"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void whenAnotherUserUsesAnSseSessionIdThen404() throws Exception {
        Account other = new BillingFixture(context).account("Starter");
        HttpRequest open = request("/sse", account.key())
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<InputStream> stream = http.send(open, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String endpoint = CompletableFuture.supplyAsync(() -> events.lines()
                            .filter(line -> line.startsWith("data:"))
                            .findFirst()
                            .orElseThrow())
                    .get(10, TimeUnit.SECONDS)
                    .substring("data:".length())
                    .strip();
            assertThat(endpoint).startsWith("/message?sessionId=");

            HttpResponse<String> theirs = post(endpoint, other.key(), Map.of(), initialize("2024-11-05"));
            assertThat(theirs.statusCode()).isEqualTo(404);
            assertThat(theirs.body()).contains("Session not found.").doesNotContain("Exception");

            HttpResponse<String> mine = post(endpoint, account.key(), Map.of(), initialize("2024-11-05"));
            assertThat(mine.statusCode()).isEqualTo(200);
        } finally {
            stream.body().close();
        }
    }

    @Test
    void whenRequestIsMalformedThen4xxWithoutInternals() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                send(request("/mcp", account.key())
                        .header("Content-Type", "application/json")
                        .header("Accept", ACCEPT)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":"))),
                send(request("/mcp", account.key())
                        .header("Content-Type", "application/json")
                        .header("Accept", ACCEPT)
                        .POST(HttpRequest.BodyPublishers.ofString("[1,2,3]"))),
                send(request("/mcp", account.key())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(initialize("2025-06-18")))),
                post(
                        "/message?sessionId=00000000-0000-0000-0000-000000000000",
                        account.key(),
                        Map.of(),
                        initialize("2024-11-05")),
                post("/message", account.key(), Map.of(), initialize("2024-11-05")),
                send(request("/mcp", account.key()).GET()),
                send(request("/mcp", account.key()).DELETE()));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode())
                    .as(answer.uri() + " " + answer.body())
                    .isBetween(400, 499);
            assertThat(answer.body())
                    .as(answer.uri().toString())
                    .contains("\"error\"")
                    .doesNotContain("Exception", "stackTrace", "java.", "at io.");
        }
    }

    @Test
    void whenToolIsUnknownThenJsonRpcError() throws Exception {
        HttpResponse<String> response = post(
                "/mcp",
                account.key(),
                Map.of(),
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"drop_tables\",\"arguments\":{}}}");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("id").asInt()).isEqualTo(7);
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(body.has("result")).isFalse();
    }

    private void assertUnauthorized(HttpResponse<String> response, String key) {
        assertThat(response.statusCode()).as(response.uri() + " with " + key).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .startsWith("Bearer");
        assertThat(response.body()).contains("\"error\"");
    }

    private static String initialize(String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
    }

    private HttpResponse<String> post(String path, String key, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, key)
                .header("Content-Type", "application/json")
                .header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode schemaFile(String file) throws IOException {
        try (InputStream in = McpDoorsIT.class.getResourceAsStream("/tools/" + file)) {
            return JSON.readTree(in);
        }
    }
}
