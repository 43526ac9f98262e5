package com.classifiedbilling.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * {@code /actuator/prometheus} after calls on every door: the tool-call timer counts each call
 * once with its door, era, tool and outcome, has its histogram, and the other meters an operator
 * needs are there. Counts are compared before and after, since other tests share the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ToolCallMetricsIT extends PostgresIntegrationTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    /** The doors as their clients call them, with the door's path and era tags. */
    private record Way(String door, String era, IntFunction<ToolCaller> caller) {}

    @Test
    void everyDoorsCallsShouldBeCountedOnceByToolAndOutcomeWithAHistogram() throws Exception {
        BillingFixture fixture = new BillingFixture(context);
        Account account = fixture.account("Advance");
        String readOnly = fixture.readOnlyKey(account);
        List<Way> ways = List.of(
                new Way("/api/mcp-server", "none", p -> new LegacyCaller(p, account.key())),
                new Way("/mcp", "legacy", p -> McpCaller.streamableHttp(p, account.key())),
                new Way("/mcp", "modern", p -> new ModernMcpCaller(p, account.key())),
                new Way("/message", "legacy", p -> McpCaller.sse(p, account.key())));
        Map<String, Double> before = scrape();

        for (Way way : ways) {
            try (ToolCaller caller = way.caller.apply(port)) {
                assertThat(caller.call("list_workspaces", "{}").isError()).isFalse();
                assertThat(caller.call("list_workspaces", "{}").isError()).isFalse();
                assertThat(caller.call(
                                        "list_invoices",
                                        "{\"workspace_id\":\"" + account.workspaceId() + "\",\"limit\":0}")
                                .isError())
                        .isTrue();
            }
        }
        try (ToolCaller legacy = new LegacyCaller(port, readOnly);
                ToolCaller sse = McpCaller.sse(port, readOnly)) {
            String input = "{\"workspace_id\":\"" + account.workspaceId()
                    + "\",\"company_name\":\"Metered Ltd\",\"email\":\"m@example.com\"}";
            assertThat(legacy.call("create_customer", input).isError()).isTrue();
            assertThat(sse.call("create_customer", input).isError()).isTrue();
        }
        Map<String, Double> after = scrape();

        for (Way way : ways) {
            assertThat(delta(before, after, calls(way, "list_workspaces", "ok")))
                    .as(way.toString())
                    .isEqualTo(2);
            assertThat(delta(before, after, calls(way, "list_invoices", "tool_error")))
                    .as(way.toString())
                    .isEqualTo(1);
            assertThat(after.keySet())
                    .as("a histogram for " + way)
                    .anyMatch(name -> name.startsWith("billing_tool_calls_seconds_bucket{door=\"" + way.door()
                            + "\",era=\"" + way.era() + "\",outcome=\"ok\",tool=\"list_workspaces\",le="));
        }
        assertThat(delta(before, after, calls(ways.get(0), "create_customer", "refused_by_scope")))
                .isEqualTo(1);
        assertThat(delta(before, after, calls(ways.get(3), "create_customer", "refused_by_scope")))
                .isEqualTo(1);
    }

    @Test
    void refusalsBeforeAnyToolShouldBeCountedByKindAndPlan() throws Exception {
        Account starter = new BillingFixture(context).account("Starter");
        Map<String, Double> before = scrape();

        assertThat(post("/api/mcp-server", "cb_live_" + "x".repeat(40), "{\"tool\":\"list_workspaces\"}"))
                .isEqualTo(401);
        assertThat(post("/api/mcp-server", null, "{\"tool\":\"list_workspaces\"}"))
                .isEqualTo(401);
        int limited = 0;
        for (int i = 0; i < 31; i++) {
            int status = post("/api/mcp-server", starter.key(), "{\"tool\":\"list_workspaces\"}");
            limited += status == 429 ? 1 : 0;
        }
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/mcp-token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=a&password=b"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, Double> after = scrape();

        assertThat(limited).isEqualTo(1);
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(delta(before, after, "billing_authentication_failures_total{kind=\"invalid\"}"))
                .isEqualTo(1);
        assertThat(delta(before, after, "billing_authentication_failures_total{kind=\"missing\"}"))
                .isEqualTo(1);
        assertThat(delta(before, after, "billing_rate_limit_refusals_total{plan=\"Starter\",window=\"minute\"}"))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "billing_tool_calls_seconds_count{door=\"/api/mcp-server\",era=\"none\",outcome=\"rate_limited\""
                                + ",tool=\"list_workspaces\"}"))
                .isEqualTo(1);
        assertThat(delta(before, after, "billing_oauth_tokens_total{grant_type=\"unknown\",outcome=\"refused\"}"))
                .isEqualTo(1);
    }

    @Test
    void theOperatorsGaugesShouldBeThereAndNoTagShouldNameAUserOrAWorkspace() throws Exception {
        Account account = new BillingFixture(context).account("Standard");
        try (ToolCaller caller = new LegacyCaller(port, account.key())) {
            assertThat(caller.call("list_workspaces", "{}").isError()).isFalse();
        }
        String text = get("/actuator/prometheus").body();

        assertThat(text)
                .contains("billing_sse_sessions ")
                .contains("billing_rate_limit_redis_fallback ")
                .contains("r2dbc_pool_acquired_connections{")
                .contains("r2dbc_pool_pending_connections{")
                .contains("r2dbc_pool_idle_connections{")
                .contains("jvm_memory_used_bytes{")
                .contains("process_cpu_usage ");
        assertThat(text)
                .doesNotContain(account.workspaceId())
                .doesNotContain(account.user().id())
                .doesNotContain(account.key());
    }

    @Test
    void anUnknownToolShouldBeCountedAsUnknownNotByTheNameItWasSent() throws Exception {
        Account account = new BillingFixture(context).account("Advance");
        String name = "no_such_tool_" + System.nanoTime();

        Map<String, Double> before = scrape();

        assertThat(post("/api/mcp-server", account.key(), "{\"tool\":\"" + name + "\"}"))
                .isEqualTo(404);
        try (ToolCaller modern = new ModernMcpCaller(port, account.key())) {
            assertThat(modern.call(name, "{}").isError()).isTrue();
        }

        String text = get("/actuator/prometheus").body();
        Map<String, Double> after = scrape();
        assertThat(text).doesNotContain(name);
        for (Way way : List.of(new Way("/api/mcp-server", "none", null), new Way("/mcp", "modern", null))) {
            assertThat(delta(before, after, calls(way, "unknown", "tool_error")))
                    .as(way.door())
                    .isEqualTo(1);
        }
    }

    private static String calls(Way way, String tool, String outcome) {
        return "billing_tool_calls_seconds_count{door=\"" + way.door() + "\",era=\"" + way.era() + "\",outcome=\""
                + outcome + "\",tool=\"" + tool + "\"}";
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
        assertThat(after).as(series).containsKey(series);
        return after.get(series) - before.getOrDefault(series, 0.0);
    }

    /** Every sample of the exposition, by its name and labels as written. */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(
                        sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                        Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int post(String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
