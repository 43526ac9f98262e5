package com.classifiedbilling.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.oauth.OAuthDance;
import com.classifiedbilling.support.AdminProcess;
import com.classifiedbilling.support.ModernToolCall;
import com.classifiedbilling.support.ServerProcess;
import com.classifiedbilling.support.TempFolders;
import com.classifiedbilling.support.TestDatabase;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three packaged servers on one PostgreSQL and one Redis behind HAProxy (Debian's), configured by
 * {@code mcp-server/deploy/haproxy/haproxy.cfg} as it is shipped, all on loopback: every door and
 * OAuth through the balancer, rate limits exact across the three, one instance killed under load
 * (no acknowledged write lost, taken out by the health checks within seconds), and a rolling
 * restart of all three under load (no request fails). Prints what it measured.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancerDrillIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final String[] NAMES = {"a", "b", "c"};

    static TestDatabase database;

    static Path dir;

    static Map<String, String> env;

    static final int[] ports = new int[NAMES.length];

    static final ServerProcess[] servers = new ServerProcess[NAMES.length];

    static final int[] starts = new int[NAMES.length];

    static int balancerPort;

    static int statsPort;

    static Process haproxy;

    static String key;

    static String workspace;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.create();
        dir = TempFolders.create("cb-balancer");
        balancerPort = ServerProcess.freePort();
        statsPort = ServerProcess.freePort();
        env = new HashMap<>(Map.of(
                "BILLING_DATABASE_URL",
                database.url(),
                "BILLING_REDIS_URL",
                "redis://127.0.0.1:6379",
                "BILLING_RATELIMITS_REDISKEYPREFIX",
                "cb-balancer-" + System.nanoTime() + ":",
                "BILLING_PUBLIC_URL",
                balancer(""),
                // every request reaches the instances from the balancer's address
                "BILLING_RATELIMITS_PERADDRESS_PERMINUTE",
                "100000"));
        env = ServerProcess.demoWithoutLimits(env);
        for (int i = 0; i < NAMES.length; i++) {
            ports[i] = ServerProcess.freePort();
            servers[i] = startInstance(i);
        }
        key = servers[0].demoKey();
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        ProcessBuilder builder = new ProcessBuilder(
                        "haproxy",
                        "-db",
                        "-f",
                        Path.of("deploy", "haproxy", "haproxy.cfg").toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("haproxy.out").toFile());
        builder.environment().put("CB_LISTEN", "127.0.0.1:" + balancerPort);
        builder.environment().put("CB_STATS", "127.0.0.1:" + statsPort);
        for (int i = 0; i < NAMES.length; i++) {
            builder.environment().put("CB_SERVER_" + NAMES[i].toUpperCase(), "127.0.0.1:" + ports[i]);
        }
        haproxy = builder.start();
        for (String name : NAMES) {
            awaitStatus(name, "UP", Duration.ofSeconds(20));
        }
        workspace = JSON.readTree(call(key, "list_workspaces", "{}").body())
                .path("result")
                .path("workspaces")
                .get(0)
                .path("id")
                .asString();
    }

    @AfterAll
    static void stop() {
        if (haproxy != null) {
            haproxy.destroy();
        }
        for (ServerProcess server : servers) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    @Order(1)
    void everyDoorAndOAuthShouldWorkThroughTheBalancerOnEveryInstance() throws Exception {
        Map<String, Long> before = sessionsByServer();

        for (int i = 0; i < 3; i++) {
            assertThat(call(key, "list_workspaces", "{}").statusCode()).isEqualTo(200);
            HttpResponse<String> modern = HTTP.send(
                    ModernToolCall.request(
                                    URI.create(balancer("/mcp")),
                                    key,
                                    "list_workspaces",
                                    ModernToolCall.body("list_workspaces", "{}", ""))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(modern.statusCode()).as(modern.body()).isEqualTo(200);
            assertThat(JSON.readTree(modern.body())
                            .path("result")
                            .path("isError")
                            .asBoolean())
                    .isFalse();
        }
        // HTTP+SSE: each stream lands on the next instance; its messages must follow it there
        List<McpSyncClient> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                McpSyncClient client = sse();
                sessions.add(client);
                for (int call = 0; call < 3; call++) {
                    McpSchema.CallToolResult result =
                            client.callTool(new McpSchema.CallToolRequest("list_workspaces", Map.of()));
                    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
                }
            }
        } finally {
            sessions.forEach(McpSyncClient::closeGracefully);
        }
        OAuthDance dance = new OAuthDance(
                WebTestClient.bindToServer()
                        .baseUrl(balancer(""))
                        .responseTimeout(Duration.ofSeconds(10))
                        .build(),
                balancer(""));
        String access =
                dance.tokens(dance.registerClaude(), key).path("access_token").asString();
        for (int i = 0; i < 3; i++) {
            assertThat(dance.callTool(access, "list_workspaces", "{}").status()).isEqualTo(200);
        }

        Map<String, Long> after = sessionsByServer();
        for (String name : NAMES) {
            assertThat(after.get(name) - before.get(name))
                    .as("requests instance " + name + " served")
                    .isGreaterThan(3);
        }
    }

    @Test
    @Order(2)
    void thePlansLimitShouldHoldExactlyAcrossTheThree() throws Exception {
        AdminProcess.Result user = AdminProcess.run(
                dir, env, "create-user", "--email", "starter@balancer.test", "--name", "Starter", "--plan", "Starter");
        assertThat(user.exitCode()).as(user.stderr()).isZero();
        String starter = AdminProcess.newKey(dir, env, "starter@balancer.test");

        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            statuses.merge(call(starter, "list_workspaces", "{}").statusCode(), 1, Integer::sum);
        }

        System.out.printf(
                "LoadBalancerDrillIT: 40 calls of a Starter user round robin over 3 instances: %s%n", statuses);
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 30, 429, 10));
    }

    @Test
    @Order(3)
    void whenAnInstanceIsKilledUnderLoadThenNoAcknowledgedWriteIsLostAndTheChecksTakeItOut() throws Exception {
        Load load = Load.start("kill", 4);
        Thread.sleep(3000);
        long killed = System.nanoTime();
        ProcessHandle.of(servers[1].pid()).orElseThrow().destroyForcibly();
        long down = awaitStatus("b", "DOWN", Duration.ofSeconds(10));
        long downMillis = (down - killed) / 1_000_000;
        Thread.sleep(3000);
        Load.Result result = load.stop();
        servers[1] = startInstance(1);
        awaitStatus("b", "UP", Duration.ofSeconds(20));

        System.out.printf(
                "LoadBalancerDrillIT: instance b killed (SIGKILL) under %d writers: %d writes acknowledged,"
                        + " %d failed %s; the health checks took it out after %d ms%n",
                4,
                result.acknowledged().size(),
                result.failed(),
                result.failures().stream().limit(3).toList(),
                downMillis);
        assertThat(result.acknowledged()).hasSizeGreaterThan(20);
        assertEveryAcknowledgedWriteIsStoredOnce(result);
        assertThat(downMillis).isLessThan(5000);
    }

    @Test
    @Order(4)
    void whenAllThreeRestartOneByOneUnderLoadThenNoRequestFails() throws Exception {
        Load load = Load.start("rolling", 4);
        Thread.sleep(1000);
        long begun = System.nanoTime();
        for (int i = 0; i < NAMES.length; i++) {
            servers[i].close();
            servers[i] = startInstance(i);
            awaitStatus(NAMES[i], "UP", Duration.ofSeconds(20));
        }
        long seconds = (System.nanoTime() - begun) / 1_000_000_000;
        Thread.sleep(1000);
        Load.Result result = load.stop();

        System.out.printf(
                "LoadBalancerDrillIT: rolling restart of all three in %d s under %d clients: %d requests,"
                        + " %d writes acknowledged, %d failed%n",
                seconds, 4, result.requests(), result.acknowledged().size(), result.failed());
        assertThat(result.failed()).as(result.failures().toString()).isZero();
        assertThat(result.requests()).isGreaterThan(50);
        assertEveryAcknowledgedWriteIsStoredOnce(result);
    }

    private static void assertEveryAcknowledgedWriteIsStoredOnce(Load.Result result) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT company_name, COUNT(*) FROM customers WHERE company_name LIKE 'Balanced %'"
                                + " GROUP BY company_name")) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getInt(2));
            }
        }
        for (String name : result.acknowledged()) {
            assertThat(stored.get(name)).as(name).isEqualTo(1);
        }
    }

    /**
     * Clients calling through the balancer until stopped: each alternates a write (a new customer,
     * with an idempotency key) and a read, and keeps what was acknowledged and what failed.
     */
    private static final class Load {

        private final AtomicBoolean running = new AtomicBoolean(true);

        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

        private final AtomicInteger requests = new AtomicInteger();

        private final ExecutorService clients;

        record Result(Set<String> acknowledged, int requests, int failed, List<String> failures) {}

        private Load(int clients) {
            this.clients = Executors.newFixedThreadPool(clients);
        }

        static Load start(String name, int clients) {
            Load load = new Load(clients);
            for (int c = 0; c < clients; c++) {
                int client = c;
                load.clients.submit(() -> load.run(name + "-" + client));
            }
            return load;
        }

        private void run(String client) {
            for (int n = 0; running.get(); n++) {
                String customer = "Balanced " + client + "-" + n;
                String write = DrillCustomers.input(workspace, customer, "balanced-" + client + "-" + n);
                if (send("create_customer", write) == 200) {
                    acknowledged.add(customer);
                }
                send("get_workspace_summary", "{\"workspace_id\":\"" + workspace + "\"}");
            }
        }

        private int send(String tool, String input) {
            requests.incrementAndGet();
            try {
                HttpResponse<String> answer = call(key, tool, input);
                if (answer.statusCode() != 200) {
                    failures.add(tool + " " + answer.statusCode() + " " + answer.body());
                }
                return answer.statusCode();
            } catch (IOException e) {
                failures.add(tool + " " + e);
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        Result stop() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            return new Result(Set.copyOf(acknowledged), requests.get(), failures.size(), List.copyOf(failures));
        }
    }

    private static ServerProcess startInstance(int i) {
        starts[i]++;
        return ServerProcess.start("balancer-" + NAMES[i] + "-" + starts[i], dir, env, ports[i]);
    }

    private static McpSyncClient sse() {
        @SuppressWarnings("removal")
        HttpClientSseClientTransport transport = HttpClientSseClientTransport.builder(balancer(""))
                .sseEndpoint("/sse")
                .jsonMapper(new JacksonMcpJsonMapper(JSON))
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("balancer-drill", "1"))
                .build();
        client.initialize();
        return client;
    }

    /** Sessions each instance has served so far, from HAProxy's statistics ({@code stot}). */
    private static Map<String, Long> sessionsByServer() throws Exception {
        Map<String, Long> sessions = new HashMap<>();
        stats().forEach((name, row) -> sessions.put(name, Long.parseLong(row.get("stot"))));
        return sessions;
    }

    /** Waits until HAProxy reports this instance in this state; answers when it did (nanoTime). */
    private static long awaitStatus(String server, String status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Map<String, String> row = stats().get(server);
                if (row != null && row.get("status").startsWith(status)) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // the balancer is still starting
            }
            Thread.sleep(50);
        }
        throw new AssertionError("instance " + server + " not " + status + " within " + timeout + ": " + stats());
    }

    /** HAProxy's CSV statistics of the instances, by server name. */
    private static Map<String, Map<String, String>> stats() throws IOException, InterruptedException {
        String csv = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String[] lines = csv.split("\n");
        String[] columns = lines[0].replaceFirst("^# ", "").split(",", -1);
        Map<String, Map<String, String>> servers = new HashMap<>();
        for (int l = 1; l < lines.length; l++) {
            String[] values = lines[l].split(",", -1);
            if (values.length < columns.length || !values[0].equals("instances")) {
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < columns.length; c++) {
                row.put(columns[c], values[c]);
            }
            servers.put(values[1], row);
        }
        return servers;
    }

    /** A call on the JSON door, through the balancer. */
    private static HttpResponse<String> call(String bearer, String tool, String input)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(balancer("/api/mcp-server")))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"tool\":\"" + tool + "\",\"input\":" + input + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String balancer(String path) {
        return "http://127.0.0.1:" + balancerPort + path;
    }
}
