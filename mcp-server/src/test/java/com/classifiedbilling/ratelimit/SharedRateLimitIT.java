package com.classifiedbilling.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.ServerProcess;
import com.classifiedbilling.support.TempFolders;
import com.classifiedbilling.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Limits across instances: two packaged servers on one PostgreSQL and one Redis (127.0.0.1:6379)
 * count a user's requests together; and with Redis unreachable, each instance still enforces the
 * limits on its own and answers without delay.
 */
class SharedRateLimitIT {

    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void whenRequestsAreSpreadOverTwoInstancesThenExactlyThePlansNumberPass() throws Exception {
        TestDatabase database = TestDatabase.create();
        Path dir = TempFolders.create("cb-shared-rl");
        String prefix = "cb:rl:it-" + UUID.randomUUID() + ":";
        Map<String, String> shared = Map.of(
                "BILLING_DATABASE_URL",
                database.url(),
                "BILLING_REDIS_URL",
                "redis://127.0.0.1:6379",
                "BILLING_RATELIMITS_REDISKEYPREFIX",
                prefix);
        Map<String, String> first = new java.util.HashMap<>(shared);
        first.put("BILLING_DEMO", "true");
        try (ServerProcess a = ServerProcess.start("shared-rl-a", dir, first);
                ServerProcess b = ServerProcess.start("shared-rl-b", dir, shared)) {
            String key = demoKey(a);
            awaitRedis(a);
            awaitRedis(b);
            int passed = 0;
            int refused = 0;
            for (int i = 0; i < 80; i++) {
                int status = call(i % 2 == 0 ? a : b, key).statusCode();
                if (status == 200) {
                    passed++;
                } else if (status == 429) {
                    refused++;
                }
            }
            // the demo user is on the Standard plan: 60 a minute
            assertThat(passed).isEqualTo(60);
            assertThat(refused).isEqualTo(20);
        }
    }

    @Test
    void whenRedisIsUnreachableThenEachInstanceLimitsOnItsOwnWithoutDelay() throws Exception {
        TestDatabase database = TestDatabase.create();
        try (ServerProcess server = ServerProcess.start(
                "redis-down-rl",
                TempFolders.create("cb-rl-down"),
                Map.of(
                        "BILLING_DATABASE_URL",
                        database.url(),
                        "BILLING_DEMO",
                        "true",
                        "BILLING_REDIS_URL",
                        "redis://127.0.0.1:1"))) {
            String key = demoKey(server);
            int passed = 0;
            long slowest = 0;
            for (int i = 0; i < 70; i++) {
                long started = System.nanoTime();
                int status = call(server, key).statusCode();
                slowest = Math.max(slowest, System.nanoTime() - started);
                if (status == 200) {
                    passed++;
                } else {
                    assertThat(status).isEqualTo(429);
                }
            }
            assertThat(passed).isEqualTo(60);
            assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(2));
            assertThat(server.get("/actuator/health", null).statusCode()).isEqualTo(200);
            assertThat(server.stderr()).contains("counting in memory on this instance");
        }
    }

    private static void awaitRedis(ServerProcess server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!server.stderr().contains("Rate limits are shared through Redis")) {
            assertThat(System.nanoTime()).as("instance connected to Redis").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String demoKey(ServerProcess server) throws Exception {
        Matcher printed = Pattern.compile("cb_live_[A-Za-z0-9_-]{43}").matcher(server.stdout());
        assertThat(printed.find()).isTrue();
        return printed.group();
    }

    private static HttpResponse<String> call(ServerProcess server, String key) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/mcp-server"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"tool\":\"list_workspaces\",\"input\":{}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
