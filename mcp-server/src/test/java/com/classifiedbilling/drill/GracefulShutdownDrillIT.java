package com.classifiedbilling.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.ServerProcess;
import com.classifiedbilling.support.TempFolders;
import com.classifiedbilling.support.TestDatabase;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Drill: SIGTERM while 50 clients are calling and SSE streams are open. Every answer that arrives
 * is a success or a clean JSON error (never a 500 or a cut-off body), the SSE streams are ended by
 * the server, and the process exits within the shutdown grace period (20 s). Prints what it saw.
 */
class GracefulShutdownDrillIT {

    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldFinishOrCleanlyRefuseEveryCallAndExitWithinTheGracePeriod() throws Exception {
        TestDatabase database = TestDatabase.create();
        ServerProcess server = ServerProcess.start(
                "shutdown-drill",
                TempFolders.create("cb-shutdown"),
                ServerProcess.demoWithoutLimits(Map.of("BILLING_DATABASE_URL", database.url())));
        try {
            String key = server.demoKey();
            URI door = URI.create("http://127.0.0.1:" + server.port() + "/api/mcp-server");

            List<CompletableFuture<Integer>> streams = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                HttpResponse<InputStream> sse = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/sse"))
                                .header("Authorization", "Bearer " + key)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                streams.add(CompletableFuture.supplyAsync(() -> {
                    try (InputStream body = sse.body()) {
                        return body.readAllBytes().length; // returns when the server ends the stream
                    } catch (java.io.IOException e) {
                        return -1;
                    }
                }));
            }

            ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(50);
            for (int c = 0; c < 50; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> response = http.send(
                                    HttpRequest.newBuilder(door)
                                            .timeout(Duration.ofSeconds(30))
                                            .header("Authorization", "Bearer " + key)
                                            .header("Content-Type", "application/json")
                                            .POST(
                                                    HttpRequest.BodyPublishers.ofString(
                                                            "{\"tool\":\"get_revenue_summary\",\"input\":{\"workspace_id\":\"nope\"}}"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            answers.add(response.statusCode() + " " + response.body());
                        } catch (Exception refused) {
                            answers.add("refused " + refused.getClass().getSimpleName());
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(2000);
            long signalled = System.nanoTime();
            new ProcessBuilder("kill", "-TERM", Long.toString(server.pid()))
                    .start()
                    .waitFor();
            ProcessHandle handle = ProcessHandle.of(server.pid()).orElseThrow();
            handle.onExit().get(40, TimeUnit.SECONDS);
            Duration exitAfter = Duration.ofNanos(System.nanoTime() - signalled);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(40, TimeUnit.SECONDS)).isTrue();
            List<Integer> streamEnds = streams.stream().map(f -> f.getNow(-2)).toList();

            Map<String, Long> kinds = new java.util.TreeMap<>();
            answers.forEach(a -> kinds.merge(a.startsWith("refused") ? a : a.substring(0, 3), 1L, Long::sum));
            System.out.printf(
                    "GracefulShutdownDrillIT: %d answers %s; process exited %d ms after SIGTERM; SSE "
                            + "stream bytes at end %s%n",
                    answers.size(), kinds, exitAfter.toMillis(), streamEnds);

            // the calls ask for a workspace that does not exist: 404 is the well-formed answer
            for (String answer : answers) {
                if (!answer.startsWith("refused")) {
                    assertThat(answer).as(answer).matches("(404|503) \\{\"error\":\".+\"\\}");
                }
            }
            assertThat(kinds.getOrDefault("404", 0L)).isPositive();
            assertThat(exitAfter).isLessThan(Duration.ofSeconds(20));
            assertThat(streamEnds)
                    .as("every SSE stream was ended by the server")
                    .allMatch(bytes -> bytes >= 0);
        } finally {
            server.close();
        }
    }
}
