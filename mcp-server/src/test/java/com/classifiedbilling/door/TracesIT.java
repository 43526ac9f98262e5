package com.classifiedbilling.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.ModernToolCall;
import com.classifiedbilling.support.OtlpReceiver;
import com.classifiedbilling.support.OtlpReceiver.Span;
import com.classifiedbilling.support.ServerProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Traces, as an OTLP collector receives them: the packaged server on PostgreSQL sends its spans to
 * a real OTLP/HTTP receiver on loopback. Each tool call is one trace (the door's span, the
 * registry's under it, the SQL statements under that) that continues the caller's {@code
 * traceparent}: the HTTP header on the JSON door and on HTTP+SSE, the message's {@code _meta} on a
 * 2026-07-28 call (which wins over a header).
 */
class TracesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SecureRandom RANDOM = new SecureRandom();

    static OtlpReceiver receiver;

    static ServerProcess server;

    static String key;

    static String workspace;

    @BeforeAll
    static void start() throws Exception {
        receiver = new OtlpReceiver();
        server = ServerProcess.startWithDemo(
                "traces",
                Map.of(
                        "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                        receiver.endpoint(),
                        "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULEDELAY",
                        "200ms"));
        key = server.demoKey();
        HttpResponse<String> listed = server.callTool(key, "list_workspaces", "{}");
        workspace = JSON.readTree(listed.body())
                .path("result")
                .path("workspaces")
                .get(0)
                .path("id")
                .asString();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aJsonDoorCallShouldContinueTheHeadersTraceFromTheDoorThroughTheRegistryToTheSql() throws Exception {
        String trace = id(16);
        String parent = id(8);
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri("/api/mcp-server"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .header("traceparent", "00-" + trace + "-" + parent + "-01")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"tool\":\"get_revenue_summary\","
                                        + "\"input\":{\"workspace_id\":\"" + workspace + "\"}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);

        assertOneTraceFromDoorToSql(trace, parent, "get_revenue_summary");
    }

    @Test
    void aModernCallShouldContinueTheTraceOfItsMetaRatherThanTheHeaders() throws Exception {
        String trace = id(16);
        String parent = id(8);
        String headerTrace = id(16);
        String body = ModernToolCall.body(
                "get_overdue_invoices",
                "{\"workspace_id\":\"" + workspace + "\"}",
                "\"traceparent\":\"00-" + trace + "-" + parent + "-01\"");
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        ModernToolCall.request(server.uri("/mcp"), key, "get_overdue_invoices", body)
                                .header("traceparent", "00-" + headerTrace + "-" + id(8) + "-01")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("\"isError\":true");

        assertOneTraceFromDoorToSql(trace, parent, "get_overdue_invoices");
        assertThat(receiver.spans()).noneMatch(span -> span.traceId().equals(headerTrace));
    }

    @Test
    void anSseCallShouldContinueItsMessagesTraceThoughTheToolRunsAfterThePostIsAnswered() throws Exception {
        String trace = id(16);
        String parent = id(8);
        try (McpCaller sse =
                McpCaller.sse(server.port(), key, Map.of("traceparent", "00-" + trace + "-" + parent + "-01"))) {
            assertThat(sse.call("list_invoices", "{\"workspace_id\":\"" + workspace + "\",\"limit\":5}")
                            .isError())
                    .isFalse();
        }

        assertOneTraceFromDoorToSql(trace, parent, "list_invoices");
    }

    /** The door's span is a child of the caller's, the registry's of the door's, SQL of the registry's. */
    private static void assertOneTraceFromDoorToSql(String trace, String parent, String tool) throws Exception {
        List<Span> spans = spansOf(trace, 3);
        List<Span> doors = spans.stream()
                .filter(span -> span.name().equals("tools/call " + tool))
                .toList();
        assertThat(doors).as(spans.toString()).hasSize(1);
        Span door = doors.get(0);
        assertThat(door.parentSpanId()).isEqualTo(parent);
        assertThat(door.kind()).isEqualTo("SPAN_KIND_SERVER");
        List<Span> runs =
                spans.stream().filter(span -> span.name().equals("run " + tool)).toList();
        assertThat(runs).as(spans.toString()).hasSize(1);
        assertThat(runs.get(0).parentSpanId()).isEqualTo(door.spanId());
        List<Span> sql = spans.stream()
                .filter(span -> span.parentSpanId().equals(runs.get(0).spanId()))
                .toList();
        assertThat(sql)
                .as(spans.toString())
                .isNotEmpty()
                .allSatisfy(span -> assertThat(span.kind()).isEqualTo("SPAN_KIND_CLIENT"));
        assertThat(spans).as("every span of the trace is one of these").hasSize(2 + sql.size());
        assertThat(server.stderr())
                .as("the call's log line names its trace")
                .containsPattern(
                        "Tool call " + tool + " on \\S+ \\(\\w+\\): ok in [0-9.]+ ms, request \\S+, trace " + trace);
    }

    /** The spans of this trace once at least this many have come (they are sent in batches). */
    private static List<Span> spansOf(String trace, int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        List<Span> spans = List.of();
        while (Instant.now().isBefore(deadline)) {
            spans = receiver.spans().stream()
                    .filter(span -> span.traceId().equals(trace))
                    .toList();
            if (spans.size() >= atLeast) {
                // a batch may still be on its way: wait one more export interval
                Thread.sleep(600);
                return receiver.spans().stream()
                        .filter(span -> span.traceId().equals(trace))
                        .toList();
            }
            Thread.sleep(100);
        }
        return spans;
    }

    private static String id(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
