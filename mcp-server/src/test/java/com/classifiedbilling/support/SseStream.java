package com.classifiedbilling.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * An open HTTP+SSE stream ({@code GET /sse}) as a client holds it: the message endpoint its first
 * event announces, and everything it receives after, read in the background until it ends.
 */
public final class SseStream implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final InputStream body;

    private final String endpoint;

    private final String sessionHeader;

    private final StringBuffer received = new StringBuffer();

    private final CountDownLatch ended = new CountDownLatch(1);

    private SseStream(InputStream body, String sessionHeader) throws Exception {
        this.body = body;
        this.sessionHeader = sessionHeader;
        BufferedReader events = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.endpoint = CompletableFuture.supplyAsync(() -> {
                    try {
                        String line;
                        while ((line = events.readLine()) != null) {
                            if (line.startsWith("data:")) {
                                return line.substring("data:".length()).strip();
                            }
                        }
                        throw new IllegalStateException("stream ended before its endpoint event");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .get(10, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = events.readLine()) != null) {
                    received.append(line).append('\n');
                }
            } catch (IOException closed) {
                // the test closed the stream
            } finally {
                ended.countDown();
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a stream with this credential; it must be accepted. */
    public static SseStream open(int port, String key) throws Exception {
        return open("http://127.0.0.1:" + port, key);
    }

    /** Opens a stream on the server at this base URL (its host may name a token's issuer). */
    public static SseStream open(String base, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/sse"))
                .header("Authorization", "Bearer " + key)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new SseStream(
                response.body(), response.headers().firstValue("Mcp-Session-Id").orElse(null));
    }

    /** Opens a stream and initializes its session: the SDK holds a session's other requests until then. */
    public static SseStream initialized(int port, String key) throws Exception {
        return initialized("http://127.0.0.1:" + port, key);
    }

    /** {@link #initialized(int, String)} on the server at this base URL. */
    public static SseStream initialized(String base, String key) throws Exception {
        SseStream stream = open(base, key);
        URI uri = URI.create(base);
        RawHttp raw = new RawHttp(uri.getPort());
        Map<String, String> headers = Map.of(
                "Authorization", "Bearer " + key, "Content-Type", "application/json", "Host", uri.getRawAuthority());
        assertThat(raw.send("POST", stream.endpoint(), headers, bytes(initializeMessage()))
                        .status())
                .isEqualTo(200);
        assertThat(raw.send(
                                "POST",
                                stream.endpoint(),
                                headers,
                                bytes("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                        .status())
                .isEqualTo(200);
        return stream;
    }

    /** A 2024-11-05 {@code initialize} request. */
    public static String initializeMessage() {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
    }

    /** Where this session's messages go: {@code /message?sessionId=…}. */
    public String endpoint() {
        return endpoint;
    }

    /** The session the stream's response named in its {@code Mcp-Session-Id} header, or {@code null}. */
    public String sessionHeader() {
        return sessionHeader;
    }

    public String sessionId() {
        return endpoint.substring(endpoint.indexOf("sessionId=") + "sessionId=".length());
    }

    /** Everything received after the endpoint event, so far. */
    public String received() {
        return received.toString();
    }

    /** Waits up to 10 s until the stream has received {@code text} this many times. */
    public boolean awaitCount(String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (received().split(Pattern.quote(text), -1).length - 1 >= times) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Waits until the server ends the stream; {@code false} if it is still open after {@code timeout}. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException alreadyClosed) {
            // nothing left to close
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
