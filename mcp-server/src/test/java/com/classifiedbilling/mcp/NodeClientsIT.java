package com.classifiedbilling.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.NodeClients;
import com.classifiedbilling.support.NodeClients.Result;
import com.classifiedbilling.support.ServerProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real MCP clients from the npm registry against the packaged server on PostgreSQL: the official
 * TypeScript SDK client (Streamable HTTP and SSE), the MCP Inspector CLI with a Bearer API key, and
 * the official conformance suite's scenarios for a tools-only, stateless server.
 */
class NodeClientsIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static ServerProcess server;

    static String key;

    @BeforeAll
    static void start() throws Exception {
        NodeClients.install();
        server = ServerProcess.startWithDemo("node-clients-it", Map.of());
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
    void inspectorCliShouldListAndCallToolsWithABearerKey() throws Exception {
        String bearer = "Authorization: Bearer " + key;
        Result list = inspector("--header", bearer, "--method", "tools/list");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(JSON.readTree(list.stdout()).path("tools")).hasSize(8);

        Result call = inspector("--header", bearer, "--method", "tools/call", "--tool-name", "list_workspaces");
        assertThat(call.exitCode()).as(call.stderr()).isZero();
        JsonNode answer = JSON.readTree(call.stdout());
        assertThat(answer.path("isError").asBoolean()).isFalse();
        assertThat(answer.path("structuredContent")
                        .path("workspaces")
                        .get(0)
                        .path("title")
                        .asString())
                .isEqualTo("Demo Studio");

        Result refused = inspector("--method", "tools/list");
        assertThat(refused.exitCode()).as("no key, no tools").isNotZero();
    }

    /** The MCP Inspector CLI on the server's {@code /mcp}, over Streamable HTTP. */
    private static Result inspector(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("mcp-inspector", "--cli", "http://127.0.0.1:" + server.port() + "/mcp", "--transport", "http"));
        command.addAll(List.of(options));
        return NodeClients.run(command, Map.of(), 120);
    }

    @Test
    void conformanceScenariosForAToolsOnlyStatelessServerShouldPass() throws Exception {
        String url = "http://127.0.0.1:" + server.port() + "/mcp";
        for (String scenario : List.of("server-initialize", "ping", "tools-list")) {
            Result result = NodeClients.run(
                    List.of(
                            "node",
                            "--import",
                            "./auth-preload.mjs",
                            "node_modules/@modelcontextprotocol/conformance/dist/index.js",
                            "server",
                            "--url",
                            url,
                            "--scenario",
                            scenario),
                    Map.of("CB_KEY", key),
                    120);
            assertThat(result.exitCode())
                    .as(scenario + ": " + result.stdout() + result.stderr())
                    .isZero();
            assertThat(result.stdout()).as(scenario).contains("Passed: 1/1, 0 failed");
        }
    }
}
