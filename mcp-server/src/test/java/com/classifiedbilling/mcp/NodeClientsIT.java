package com.classifiedbilling.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.NodeClients;
import com.classifiedbilling.support.NodeClients.Result;
import com.classifiedbilling.support.ServerProcess;
import com.classifiedbilling.support.ToolExamples;
import com.classifiedbilling.support.ToolExamples.Ids;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real MCP clients from the npm registry against the packaged server on PostgreSQL: the official
 * TypeScript SDK clients (1.x over Streamable HTTP and SSE; 2.x pinned to 2026-07-28 and in its
 * automatic mode), the MCP Inspector CLI with a Bearer API key in both protocol eras, and the
 * official conformance suite's scenarios for a tools-only, stateless server, in both eras.
 */
class NodeClientsIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static ServerProcess server;

    static String key;

    @BeforeAll
    static void start() throws Exception {
        NodeClients.install();
        // the conformance suite's DNS-rebinding scenario sends the server's own loopback origin
        server = ServerProcess.startWithDemo(
                "node-clients-it", Map.of("BILLING_MCP_ALLOWEDORIGINS", "http://127.0.0.1:" + ServerProcess.PORT));
        key = server.demoKey();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void typeScriptSdkClientShouldListAndCallEveryToolOverBothTransports() throws Exception {
        Result result = NodeClients.run(
                List.of("node", "ts-sdk-client.mjs"),
                Map.of("BASE_URL", "http://127.0.0.1:" + server.port(), "CB_KEY", key),
                120);

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        List<JsonNode> reports = result.stdout().lines().map(JSON::readTree).toList();
        assertThat(reports).extracting(r -> r.path("transport").asString()).containsExactly("streamable-http", "sse");
        for (JsonNode report : reports) {
            assertThat(report.path("tools").asInt()).isEqualTo(8);
            assertThat(report.path("failures")).isEmpty();
        }
    }

    @Test
    void typeScriptSdk2ClientShouldSpeak20260728PinnedAndInItsAutomaticMode() throws Exception {
        Result result = NodeClients.run(
                List.of("node", "ts-client-v2.mjs"),
                Map.of("BASE_URL", "http://127.0.0.1:" + server.port(), "CB_KEY", key),
                120);

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        List<JsonNode> reports = result.stdout().lines().map(JSON::readTree).toList();
        assertThat(reports).extracting(r -> r.path("mode").asString()).containsExactly("modern", "auto");
        for (JsonNode report : reports) {
            assertThat(report.path("era").asString()).isEqualTo("modern");
            assertThat(report.path("version").asString()).isEqualTo("2026-07-28");
            assertThat(report.path("tools").asInt()).isEqualTo(8);
            assertThat(report.path("failures")).isEmpty();
        }
    }

    @Test
    void inspectorCliShouldListAndCallToolsWithABearerKeyInBothEras() throws Exception {
        String bearer = "Authorization: Bearer " + key;
        for (String era : List.of("modern", "legacy")) {
            Result list = inspector("--header", bearer, "--protocol-era", era, "--method", "tools/list", "--strict");
            assertThat(list.exitCode()).as(era + ": " + list.stderr()).isZero();
            assertThat(JSON.readTree(list.stdout()).path("tools").findValuesAsString("name"))
                    .as(era)
                    .containsExactlyInAnyOrderElementsOf(ToolExamples.names());
            assertThat(list.stderr())
                    .as(era + ": --strict finds no portability problem")
                    .doesNotContain("Warning");

            // every tool, each once: the reads, then a customer created and an invoice paid
            JsonNode workspaces = callTool(bearer, era, "list_workspaces", "{}");
            assertThat(workspaces.path("workspaces").get(0).path("title").asString())
                    .isEqualTo("Demo Studio");
            String workspace = workspaces.path("workspaces").get(0).path("id").asString();
            JsonNode due = callTool(
                            bearer,
                            era,
                            "list_invoices",
                            "{\"workspace_id\":\"" + workspace + "\",\"status\":\"Due\",\"limit\":1}")
                    .path("invoices")
                    .get(0);
            Ids ids = new Ids(
                    workspace, due.path("id").asString(), due.path("number").asString(), null);
            Map<String, String> calls = new java.util.TreeMap<>();
            for (String tool : ToolExamples.names()) {
                calls.put(tool, ToolExamples.input(tool, ids));
            }
            for (Map.Entry<String, String> tool : calls.entrySet()) {
                JsonNode result = callTool(bearer, era, tool.getKey(), tool.getValue());
                assertThat(result.isObject())
                        .as(era + " " + tool.getKey() + ": " + result)
                        .isTrue();
            }

            JsonNode refusal = JSON.readTree(call(bearer, era, "list_invoices", "{\"workspace_id\":\"nope\"}")
                    .stdout());
            assertThat(refusal.path("isError").asBoolean())
                    .as(era + ": " + refusal)
                    .isTrue();
            assertThat(refusal.path("content").get(0).path("text").asString())
                    .isEqualTo("Workspace not found or access denied.");
        }

        Result refused = inspector("--method", "tools/list");
        assertThat(refused.exitCode()).as("no key, no tools").isNotZero();
    }

    /** Calls a tool with the Inspector in this era; it must succeed. Returns its structured content. */
    private static JsonNode callTool(String bearer, String era, String tool, String arguments) throws Exception {
        Result call = call(bearer, era, tool, arguments);
        assertThat(call.exitCode()).as(era + " " + tool + ": " + call.stderr()).isZero();
        JsonNode answer = JSON.readTree(call.stdout());
        assertThat(answer.path("isError").asBoolean())
                .as(era + " " + tool + ": " + answer)
                .isFalse();
        return answer.path("structuredContent");
    }

    /** The Inspector calling a tool in this era: it prints the result, and exits non-zero for a tool error. */
    private static Result call(String bearer, String era, String tool, String arguments) throws Exception {
        return inspector(
                "--header",
                bearer,
                "--protocol-era",
                era,
                "--method",
                "tools/call",
                "--tool-name",
                tool,
                "--tool-args-json",
                arguments);
    }

    /** The MCP Inspector CLI on the server's {@code /mcp}, over Streamable HTTP. */
    private static Result inspector(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("mcp-inspector", "--cli", "http://127.0.0.1:" + server.port() + "/mcp", "--transport", "http"));
        command.addAll(List.of(options));
        return NodeClients.run(command, Map.of(), 120);
    }

    /**
     * Every conformance scenario that applies to a tools-only server, in each era it belongs to;
     * the checks that need the suite's own fixtures are in {@code conformance-baseline.yml}, with
     * their reasons, and the suite fails the run on any other failure (docs/mcp.md).
     */
    @Test
    void conformanceScenariosForAToolsOnlyServerShouldPassInBothEras() throws Exception {
        Map<String, List<String>> scenarios = Map.of(
                "2025-11-25",
                List.of("server-initialize", "ping", "tools-list", "dns-rebinding-protection"),
                "2026-07-28",
                List.of(
                        "server-stateless",
                        "tools-list",
                        "http-header-validation",
                        "caching",
                        "dns-rebinding-protection"));
        for (Map.Entry<String, List<String>> era : scenarios.entrySet()) {
            for (String scenario : era.getValue()) {
                Result result = NodeClients.run(
                        List.of(
                                "node",
                                "--import",
                                "./auth-preload.mjs",
                                "node_modules/@modelcontextprotocol/conformance/dist/index.js",
                                "server",
                                "--url",
                                "http://127.0.0.1:" + server.port() + "/mcp",
                                "--scenario",
                                scenario,
                                "--spec-version",
                                era.getKey(),
                                "--expected-failures",
                                "conformance-baseline.yml"),
                        Map.of("CB_KEY", key),
                        180);
                String what = era.getKey() + " " + scenario + ": " + result.stdout() + result.stderr();
                assertThat(result.exitCode()).as(what).isZero();
                assertThat(result.stdout()).as(what).contains("Passed: ").doesNotContain("SKIPPED: scenario");
                assertThat(result.stdout()).as(what).doesNotContainPattern("wire-schema-valid\\s*\\]\\s*FAILURE");
            }
        }
    }
}
