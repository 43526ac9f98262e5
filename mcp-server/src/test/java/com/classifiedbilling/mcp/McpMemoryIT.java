package com.classifiedbilling.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.ServerProcess;
import com.classifiedbilling.support.TempFolders;
import com.classifiedbilling.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code /mcp} keeps nothing per client: 10,000 {@code initialize} requests from distinct clients
 * that never close leave the heap after GC where it was (within 20 MB). Prints the figures.
 */
class McpMemoryIT {

    static final int CLIENTS = 10_000;

    static final long ALLOWED_GROWTH = 20L * 1024 * 1024;

    @Test
    void heapShouldStayFlatAfterTenThousandClientsInitialize() throws Exception {
        TestDatabase database = TestDatabase.create();
        try (ServerProcess server = ServerProcess.start(
                "mcp-memory-it",
                TempFolders.create("cb-memory-it"),
                Map.of("BILLING_DATABASE_URL", database.url(), "BILLING_DEMO", "true"))) {
            String key = server.demoKey();

            initialize(server, key, 1_000, "warmup");
            long before = server.heapUsedAfterGc();
            long started = System.nanoTime();
            int ok = initialize(server, key, CLIENTS, "client");
            double seconds = (System.nanoTime() - started) / 1e9;
            long after = server.heapUsedAfterGc();

            System.out.printf(
                    "McpMemoryIT: %d initialize requests from distinct clients in %.1f s (%d ok); "
                            + "heap after GC %.1f MB before, %.1f MB after, growth %.1f MB%n",
                    CLIENTS, seconds, ok, before / 1048576.0, after / 1048576.0, (after - before) / 1048576.0);
            assertThat(ok).isEqualTo(CLIENTS);
            assertThat(after - before).isLessThan(ALLOWED_GROWTH);
        }
    }

    private static int initialize(ServerProcess server, String key, int clients, String prefix) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger ok = new AtomicInteger();
        try {
            List<CompletableFuture<Void>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"" + prefix + "-" + i
                        + "\",\"version\":\"1\"}}}";
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                calls.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                if (http.send(request, HttpResponse.BodyHandlers.ofString())
                                                .statusCode()
                                        == 200) {
                                    ok.incrementAndGet();
                                }
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        pool));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        return ok.get();
    }
}
