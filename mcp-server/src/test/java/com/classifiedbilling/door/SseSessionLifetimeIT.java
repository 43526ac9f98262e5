package com.classifiedbilling.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** How SSE sessions end: with their stream, after an idle timeout, and never beyond the per-user cap. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"billing.mcp.sse-idle-timeout=2s", "billing.mcp.sse-sessions-per-user=2"})
class SseSessionLifetimeIT extends PostgresIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void whenTheStreamClosesThenItsSessionIsGone() throws Exception {
        Account account = new BillingFixture(context).account("Standard");
        Stream stream = open(account.key());
        assertThat(initialize(stream.endpoint, account.key())).isEqualTo(200);

        stream.close();

        assertThat(eventually(() -> initialize(stream.endpoint, account.key()) == 404))
                .isTrue();
    }

    @Test
    void whenASessionSeesNoMessageForTheIdleTimeoutThenItsStreamIsClosed() throws Exception {
        Account account = new BillingFixture(context).account("Standard");
        Stream stream = open(account.key());
        try {
            // the server ends the stream: reading reaches its end within the timeout and a sweep
            String rest = CompletableFuture.supplyAsync(
                            () -> stream.events.lines().reduce("", String::concat))
                    .get(10, TimeUnit.SECONDS);
            assertThat(rest).doesNotContain("Exception");
            assertThat(initialize(stream.endpoint, account.key())).isEqualTo(404);
        } finally {
            stream.close();
        }
    }

    @Test
    void whenAUserHoldsTheMostStreamsThenAnotherIsRefusedWith429() throws Exception {
        Account account = new BillingFixture(context).account("Standard");
        Stream first = open(account.key());
        Stream second = open(account.key());
        try {
            HttpResponse<String> third = http.send(
                    request("/sse", account.key())
                            .header("Accept", "text/event-stream")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.body()).contains("Too many open SSE sessions");
        } finally {
            first.close();
            second.close();
        }
    }

    private Stream open(String key) throws Exception {
        HttpResponse<InputStream> response = http.send(
                request("/sse", key).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        String endpoint = CompletableFuture.supplyAsync(() -> {
                    try {
                        String line;
                        while ((line = events.readLine()) != null) {
                            if (line.startsWith("data:")) {
                                return line.substring("data:".length()).strip();
                            }
                        }
                        throw new IllegalStateException("stream ended before its endpoint event");
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .get(10, TimeUnit.SECONDS);
        return new Stream(endpoint, events, response.body());
    }

    private int initialize(String endpoint, String key) throws Exception {
        return http.send(
                        request(endpoint, key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                                                + "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                                                + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private HttpRequest.Builder request(String path, String key) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key);
    }

    private static boolean eventually(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.call()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private record Stream(String endpoint, BufferedReader events, InputStream body) {
        void close() {
            try {
                body.close();
            } catch (java.io.IOException ignored) {
                // already closed
            }
        }
    }
}
