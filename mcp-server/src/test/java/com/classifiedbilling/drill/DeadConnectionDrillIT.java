package com.classifiedbilling.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drill: PostgreSQL ends every backend of the server's pool (as a failover, a restart or an
 * operator's {@code pg_terminate_backend} would) between rounds of reads and writes on the JSON
 * door and on {@code /mcp}, each kind of call in turn the first to meet the dead connections. The
 * database itself is up, so every call is served on a fresh connection (the pool drops a connection
 * that fails validation at acquire, before anything is sent, and takes the next), and every write
 * that was acknowledged is in the database exactly once. When the database is really gone the
 * answer is a clean 503 ({@code DatabaseOutageDrillIT}). Prints what it saw.
 */
// 75 calls in well under a minute: within the Advance plan's 120
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DeadConnectionDrillIT extends PostgresIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final int ROUNDS = 25;

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    @Test
    void whenPostgresEndsThePoolsConnectionsThenEveryCallIsServedAndNoAcknowledgedWriteIsLost() throws Exception {
        Account account = new BillingFixture(context).account("Advance");
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> acknowledged = new ArrayList<>();
        int attempted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String ws = "\"workspace_id\":\"" + account.workspaceId() + "\"";
            String readBody = "{\"tool\":\"list_invoices\",\"input\":{" + ws + "}}";
            String writeBody = "{\"tool\":\"create_customer\",\"input\":{" + ws + ",\"company_name\":\"Drill " + round
                    + "\",\"company_email\":\"drill" + round + "@example.com\",\"contact_first_name\":\"A\","
                    + "\"contact_last_name\":\"B\",\"contact_email\":\"a@example.com\",\"address\":\"1 Way\","
                    + "\"city\":\"Town\",\"state\":\"ST\",\"zip\":\"1\",\"country\":\"US\",\"currency\":\"USD\"}}";
            // each kind of call in turn is the first to meet the dead connections
            terminateBackends();
            Map<String, EntityExchangeResult<String>> answers = new java.util.LinkedHashMap<>();
            for (int call = 0; call < 3; call++) {
                switch ((round + call) % 3) {
                    case 0 -> answers.put("json write", legacy(account.key(), writeBody));
                    case 1 -> answers.put("json read", legacy(account.key(), readBody));
                    default -> answers.put("mcp read", mcp(account.key(), ws));
                }
            }
            attempted++;
            EntityExchangeResult<String> write = answers.get("json write");
            for (Map.Entry<String, EntityExchangeResult<String>> answer : answers.entrySet()) {
                int status = answer.getValue().getStatus().value();
                statuses.merge(answer.getKey() + " " + status, 1, Integer::sum);
                // the database is up, only its connections died: a fresh one serves the call
                assertThat(status)
                        .as(
                                "%s in round %d: %s",
                                answer.getKey(), round, answer.getValue().getResponseBody())
                        .isEqualTo(200);
            }
            if (write.getStatus().value() == 200) {
                acknowledged.add(JSON.readTree(write.getResponseBody())
                        .path("result")
                        .path("customer")
                        .path("id")
                        .asString());
            }
        }
        System.out.printf(
                "DeadConnectionDrillIT: %d rounds, answers %s, writes acknowledged %d of %d%n",
                ROUNDS, statuses, acknowledged.size(), attempted);

        for (String id : acknowledged) {
            assertThat(database.count("SELECT COUNT(*) FROM customers WHERE id = '" + id + "'"))
                    .as("acknowledged write %s", id)
                    .isEqualTo(1);
        }
        assertThat(database.count("SELECT COUNT(*) FROM customers WHERE company_name LIKE 'Drill %'"))
                .isBetween((long) acknowledged.size(), (long) attempted);
    }

    /** Ends every connection to the test database but this one: the pool's connections all die. */
    private static void terminateBackends() throws Exception {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
        Thread.sleep(50);
    }

    private EntityExchangeResult<String> legacy(String key, String body) {
        return http.post()
                .uri("/api/mcp-server")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    private EntityExchangeResult<String> mcp(String key, String ws) {
        EntityExchangeResult<String> result = http.post()
                .uri("/mcp")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header(HttpHeaders.ACCEPT, "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "get_revenue_summary")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"get_revenue_summary\",\"arguments\":{" + ws + "},\"_meta\":{"
                        + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}")
                .exchange()
                .expectBody(String.class)
                .returnResult();
        JsonNode body = JSON.readTree(result.getResponseBody());
        // a tool that failed is still HTTP 200 on MCP: the result itself must be a success
        assertThat(body.path("result").path("isError").asBoolean())
                .as(result.getResponseBody())
                .isFalse();
        return result;
    }
}
