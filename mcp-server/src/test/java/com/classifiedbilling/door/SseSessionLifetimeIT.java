package com.classifiedbilling.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.SseStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
    void theStreamsResponseShouldNameItsSessionInAHeaderForALoadBalancer() throws Exception {
        Account account = new BillingFixture(context).account("Standard");
        try (SseStream first = SseStream.open(port, account.key());
                SseStream second = SseStream.open(port, account.key())) {
            assertThat(first.sessionHeader()).isNotBlank().isEqualTo(first.sessionId());
            assertThat(second.sessionHeader()).isEqualTo(second.sessionId()).isNotEqualTo(first.sessionId());
            assertThat(initialize(first.endpoint(), account.key())).isEqualTo(200);
        }
    }

    @Test
    void whenTheStreamClosesThenItsSessionIsGone() throws Exception {
        Account account = new BillingFixture(context).account("Standard");
        SseStream stream = SseStream.open(port, account.key());
        assertThat(initialize(stream.endpoint(), account.key())).isEqualTo(200);

        stream.close();

        assertThat(eventually(() -> initialize(stream.endpoint(), account.key()) == 404))
                .isTrue();
    }

    @Test
    void whenASessionSeesNoMessageForTheIdleTimeoutThenItsStreamIsClosed() throws Exception {
        Account account = new BillingFixture(context).account("Standard");
        SseStream stream = SseStream.open(port, account.key());
        try {
            // the server ends the stream: reading reaches its end within the timeout and a sweep
            assertThat(stream.awaitEnd(Duration.ofSeconds(10))).isTrue();
            assertThat(stream.received()).doesNotContain("Exception");
            assertThat(initialize(stream.endpoint(), account.key())).isEqualTo(404);
        } finally {
            stream.close();
        }
    }

    @Test
    void whenAUserHoldsTheMostStreamsThenAnotherIsRefusedWith429() throws Exception {
        Account account = new BillingFixture(context).account("Standard");
        SseStream first = SseStream.open(port, account.key());
        SseStream second = SseStream.open(port, account.key());
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

    private int initialize(String endpoint, String key) throws Exception {
        return http.send(
                        request(endpoint, key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(SseStream.initializeMessage()))
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
}
