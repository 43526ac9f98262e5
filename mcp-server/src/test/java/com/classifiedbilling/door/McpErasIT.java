package com.classifiedbilling.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.RawHttp;
import com.classifiedbilling.support.RawHttp.Answer;
import com.classifiedbilling.support.SseStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Both MCP eras on {@code /mcp}, rule by rule: 2026-07-28 (stateless, {@code _meta} on every
 * request, headers that mirror the body) beside 2025-11-25 ({@code initialize}), each request told
 * apart by what it carries; and the 2025-era answers that were wrong on the wire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpErasIT extends PostgresIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String VERSION = "2026-07-28";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    RawHttp raw;

    Account account;

    @BeforeEach
    void client() {
        raw = new RawHttp(port);
        account = new BillingFixture(context).account("Standard");
    }

    /** The per-request {@code _meta} of a 2026-07-28 client. */
    static String meta(String version) {
        return "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + version + "\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"it\",\"version\":\"1\"},"
                + "\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01\"}";
    }

    static String modern(String method, String params) {
        String inner = params.isEmpty() ? meta(VERSION) : params + "," + meta(VERSION);
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":{" + inner + "}}";
    }

    static String callOf(String tool, String arguments) {
        return modern("tools/call", "\"name\":\"" + tool + "\",\"arguments\":" + arguments);
    }

    @Test
    void serverDiscoverAdvertisesBothErasTheToolsAndWhoTheServerIs() throws Exception {
        JsonNode result = ok(send(modern("server/discover", ""), headers("server/discover", null)));
        assertThat(result.path("supportedVersions").valueStream().map(JsonNode::asString))
                .containsExactly("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26");
        assertThat(result.path("capabilities").has("tools")).isTrue();
        assertThat(result.path("instructions").asString()).contains("list_workspaces");
        assertThat(result.path("ttlMs").asLong()).isPositive();
        JsonNode info = result.path("_meta").path("io.modelcontextprotocol/serverInfo");
        assertThat(info.path("name").asString()).isEqualTo("classifiedbilling");
        assertThat(info.path("title").asString()).isEqualTo("ClassifiedBilling");
        assertThat(info.path("websiteUrl").asString()).startsWith("https://");
        assertThat(info.path("description").asString()).isNotBlank();
        assertThat(info.path("icons").get(0).path("src").asString()).startsWith("data:image/svg+xml;base64,");

        // initialize on the 2025 era gives the same identity
        Answer initialize = raw.send("POST", "/mcp", legacyHeaders(null), bytes(initialize("2025-11-25")));
        JsonNode legacy = JSON.readTree(initialize.body()).path("result").path("serverInfo");
        assertThat(legacy.path("title").asString()).isEqualTo(info.path("title").asString());
        assertThat(legacy.path("version").asString())
                .isEqualTo(info.path("version").asString());
    }

    @Test
    void everyResultCarriesResultTypeAndServerInfoAndTheToolListIsCacheableAndStable() throws Exception {
        JsonNode list = ok(send(modern("tools/list", ""), headers("tools/list", null)));
        assertThat(list.path("ttlMs").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(list.path("cacheScope").asString()).isIn("public", "private");
        List<String> names = list.path("tools")
                .valueStream()
                .map(t -> t.path("name").asString())
                .toList();
        assertThat(names).hasSize(8).isSorted();
        JsonNode again = ok(send(modern("tools/list", ""), headers("tools/list", null)));
        assertThat(again.path("tools")).isEqualTo(list.path("tools"));

        JsonNode call = ok(send(callOf("list_workspaces", "{}"), headers("tools/call", "list_workspaces")));
        assertThat(call.path("isError").asBoolean()).isFalse();
        assertThat(call.path("structuredContent")
                        .path("workspaces")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(account.workspaceId());

        JsonNode refused = ok(send(
                callOf("list_invoices", "{\"workspace_id\":\"ws_nope\"}"), headers("tools/call", "list_invoices")));
        assertThat(refused.path("isError").asBoolean()).isTrue();
        assertThat(refused.path("content").get(0).path("text").asString())
                .isEqualTo("Workspace not found or access denied.");
        for (JsonNode result : List.of(list, call, refused)) {
            assertThat(result.path("resultType").asString()).isEqualTo("complete");
            assertThat(result.path("_meta")
                            .path("io.modelcontextprotocol/serverInfo")
                            .path("name")
                            .asString())
                    .isEqualTo("classifiedbilling");
        }
    }

    @Test
    void eachMirroredHeaderMustMatchTheBody() throws Exception {
        String create = callOf(
                "create_customer",
                "{\"workspace_id\":\"" + account.workspaceId() + "\",\"company_name\":\"Header Mismatch Ltd\","
                        + "\"company_email\":\"hm@example.com\",\"currency\":\"USD\",\"contact_first_name\":\"Hal\","
                        + "\"contact_last_name\":\"Mis\",\"contact_email\":\"hal@example.com\",\"address\":\"1 Way\","
                        + "\"city\":\"Austin\",\"state\":\"TX\",\"zip\":\"73301\",\"country\":\"United States\"}");
        Map<String, Map<String, String>> refused = new LinkedHashMap<>();
        refused.put(
                "no MCP-Protocol-Version", without(headers("tools/call", "create_customer"), "MCP-Protocol-Version"));
        refused.put(
                "other MCP-Protocol-Version",
                with(headers("tools/call", "create_customer"), "MCP-Protocol-Version", "2025-11-25"));
        refused.put("no Mcp-Method", without(headers("tools/call", "create_customer"), "Mcp-Method"));
        refused.put("other Mcp-Method", with(headers("tools/call", "create_customer"), "Mcp-Method", "tools/list"));
        refused.put(
                "Mcp-Method in other case", with(headers("tools/call", "create_customer"), "Mcp-Method", "TOOLS/CALL"));
        refused.put("no Mcp-Name", without(headers("tools/call", "create_customer"), "Mcp-Name"));
        refused.put("other Mcp-Name", with(headers("tools/call", "create_customer"), "Mcp-Name", "list_workspaces"));
        refused.put(
                "Mcp-Name in Base64 of another tool",
                with(headers("tools/call", "create_customer"), "Mcp-Name", sentinel("list_workspaces")));
        refused.put(
                "Mcp-Name in broken Base64",
                with(headers("tools/call", "create_customer"), "Mcp-Name", "=?base64?***?="));
        String snapshot = database.snapshot();
        for (Map.Entry<String, Map<String, String>> variant : refused.entrySet()) {
            Answer answer = send(create, variant.getValue());
            assertThat(answer.status())
                    .as(variant.getKey() + ": " + answer.body())
                    .isEqualTo(400);
            JsonNode error = JSON.readTree(answer.body());
            assertThat(error.path("id").asInt()).as(variant.getKey()).isEqualTo(7);
            assertThat(error.path("error").path("code").asInt())
                    .as(variant.getKey())
                    .isEqualTo(-32020);
        }
        // a control character in a header value never reaches the server: the HTTP codec refuses the
        // request at its head (sent without a body, so that the refusal is not raced by unread bytes)
        Answer control = raw.send(
                "POST",
                "/mcp",
                with(headers("tools/call", "create_customer"), "Mcp-Name", "create_customer\u0001"),
                null);
        assertThat(control.status()).isEqualTo(400);
        assertThat(database.snapshot()).as("no refused call ran").isEqualTo(snapshot);

        String call = callOf("list_workspaces", "{}");
        Map<String, Map<String, String>> accepted = new LinkedHashMap<>();
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers("tools/call", "list_workspaces").forEach((name, value) -> lowerCase.put(name.toLowerCase(), value));
        accepted.put("lower-case names", lowerCase);
        Map<String, String> upperCase = new LinkedHashMap<>();
        headers("tools/call", "list_workspaces").forEach((name, value) -> upperCase.put(name.toUpperCase(), value));
        accepted.put("upper-case names", upperCase);
        accepted.put(
                "whitespace around values",
                with(headers("tools/call", "list_workspaces"), "Mcp-Name", "  list_workspaces \t"));
        accepted.put(
                "Mcp-Name in Base64",
                with(headers("tools/call", "list_workspaces"), "Mcp-Name", sentinel("list_workspaces")));
        for (Map.Entry<String, Map<String, String>> variant : accepted.entrySet()) {
            Answer answer = send(call, variant.getValue());
            assertThat(answer.status())
                    .as(variant.getKey() + ": " + answer.body())
                    .isEqualTo(200);
            assertThat(JSON.readTree(answer.body())
                            .path("result")
                            .path("isError")
                            .asBoolean())
                    .isFalse();
        }
    }

    @Test
    void anUnsupportedVersionIsRefusedWithTheSupportedList() throws Exception {
        String body = modern("tools/list", "").replace(VERSION, "1900-01-01");
        Answer answer = send(body, with(headers("tools/list", null), "MCP-Protocol-Version", "1900-01-01"));
        assertThat(answer.status()).isEqualTo(400);
        JsonNode error = JSON.readTree(answer.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(-32022);
        assertThat(error.path("data").path("supported").valueStream().map(JsonNode::asString))
                .contains("2026-07-28", "2025-11-25");
        assertThat(error.path("data").path("requested").asString()).isEqualTo("1900-01-01");

        Answer missing = send(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{}}", headers("tools/list", null));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).path("error").path("code").asInt())
                .isEqualTo(-32602);
    }

    @Test
    void methodsTheModernEraRemovedOrNeverHadAreNotFound() throws Exception {
        for (String method :
                List.of("ping", "logging/setLevel", "initialize", "resources/list", "prompts/list", "x/y")) {
            Answer answer = send(modern(method, ""), headers(method, null));
            assertThat(answer.status()).as(method).isEqualTo(404);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("id").asInt()).as(method).isEqualTo(7);
            assertThat(body.path("error").path("code").asInt()).as(method).isEqualTo(-32601);
        }
    }

    @Test
    void theModernEraIsCountedAndScopeCheckedLikeEveryOtherDoor() throws Exception {
        Answer counted = send(callOf("list_workspaces", "{}"), headers("tools/call", "list_workspaces"));
        assertThat(counted.header("RateLimit-Limit")).isEqualTo("60");
        assertThat(counted.header("RateLimit-Remaining")).isEqualTo("59");
        Answer again = send(callOf("list_workspaces", "{}"), headers("tools/call", "list_workspaces"));
        assertThat(again.header("RateLimit-Remaining"))
                .as("counted once, not again by the registry")
                .isEqualTo("58");
        Answer listed = send(modern("tools/list", ""), headers("tools/list", null));
        assertThat(listed.header("RateLimit-Remaining"))
                .as("listing calls no tool")
                .isNull();

        String readOnly = new BillingFixture(context).readOnlyKey(account);
        Map<String, String> headers = headers("tools/call", "create_customer");
        headers.put("Authorization", "Bearer " + readOnly);
        Answer refused =
                send(callOf("create_customer", "{\"workspace_id\":\"" + account.workspaceId() + "\"}"), headers);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(JSON.readTree(refused.body()).path("result").path("isError").asBoolean())
                .as(refused.body())
                .isTrue();
        assertThat(refused.body()).contains("This API key is read-only");
    }

    @Test
    void theLegacyEraAnswersWhatItGotWrongBefore() throws Exception {
        for (String version : List.of("1999-01-01", "garbage")) {
            Answer answer = raw.send("POST", "/mcp", legacyHeaders(version), bytes(list()));
            assertThat(answer.status()).as(version).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).path("error").path("code").asInt())
                    .isEqualTo(-32022);
        }
        assertThat(raw.send("POST", "/mcp", legacyHeaders("2025-11-25"), bytes(list()))
                        .status())
                .isEqualTo(200);
        assertThat(raw.send("POST", "/mcp", legacyHeaders(null), bytes(list())).status())
                .as("no header: 2025-03-26")
                .isEqualTo(200);

        Answer bare = raw.send(
                "POST", "/mcp", legacyHeaders(null), bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}"));
        JsonNode error = JSON.readTree(bare.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(-32602);
        assertThat(error.path("message").asString())
                .contains("initialize needs params")
                .doesNotContain("McpSchema");

        Answer get = raw.send("GET", "/mcp", Map.of("Authorization", "Bearer " + account.key()), null);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST");

        JsonNode unknown = JSON.readTree(raw.send(
                        "POST",
                        "/mcp",
                        legacyHeaders("2025-11-25"),
                        bytes(
                                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"invalid_tool_name\"}}"))
                .body());
        assertThat(unknown.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(unknown.path("error").path("message").asString()).startsWith("Unknown tool 'invalid_tool_name'.");

        Answer noParams = raw.send(
                "POST",
                "/mcp",
                legacyHeaders("2025-11-25"),
                bytes("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\"}"));
        assertThat(JSON.readTree(noParams.body()).path("error").path("code").asInt())
                .isEqualTo(-32602);
        assertThat(noParams.body()).doesNotContain("Accept");

        JsonNode cursor = JSON.readTree(raw.send(
                        "POST",
                        "/mcp",
                        legacyHeaders("2025-11-25"),
                        bytes(
                                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\",\"params\":{\"cursor\":\"bogus\"}}"))
                .body());
        assertThat(cursor.path("error").path("code").asInt()).isEqualTo(-32602);
    }

    /** The SDK's SSE server advertises {@code logging}; {@code logging/setLevel} must then be answered. */
    @Test
    void theSseServerImplementsWhatItAdvertises() throws Exception {
        try (SseStream stream = SseStream.initialized(port, account.key())) {
            Answer setLevel = raw.send(
                    "POST",
                    stream.endpoint(),
                    Map.of("Authorization", "Bearer " + account.key(), "Content-Type", "application/json"),
                    bytes("{\"jsonrpc\":\"2.0\",\"id\":\"level\",\"method\":\"logging/setLevel\","
                            + "\"params\":{\"level\":\"info\"}}"));
            assertThat(setLevel.status()).isEqualTo(200);
            assertThat(stream.awaitCount("{\"jsonrpc\":\"2.0\",\"id\":\"level\",\"result\":{}}", 1))
                    .as(stream.received())
                    .isTrue();
        }
    }

    private static String initialize(String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
    }

    private static String list() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
    }

    private JsonNode ok(Answer answer) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("id").asInt()).isEqualTo(7);
        return body.path("result");
    }

    private Answer send(String body, Map<String, String> headers) throws Exception {
        return raw.send("POST", "/mcp", headers, bytes(body));
    }

    /** The headers of a 2026-07-28 client for this method (and tool). */
    private Map<String, String> headers(String method, String tool) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + account.key());
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("MCP-Protocol-Version", VERSION);
        headers.put("Mcp-Method", method);
        if (tool != null) {
            headers.put("Mcp-Name", tool);
        }
        return headers;
    }

    private Map<String, String> legacyHeaders(String version) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + account.key());
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        if (version != null) {
            headers.put("MCP-Protocol-Version", version);
        }
        return headers;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        headers.put(name, value);
        return headers;
    }

    private static Map<String, String> without(Map<String, String> headers, String name) {
        headers.remove(name);
        return headers;
    }

    private static String sentinel(String value) {
        return "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
