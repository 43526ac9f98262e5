package com.classifiedbilling.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.stereotype.Component;

/**
 * Where a finished tool call goes: the {@code billing.tool.calls} timer (a count, a sum and a
 * latency histogram per door, era, tool and outcome) and one log line with the same facts, the
 * request id and, while traces are exported, the trace id. Every tag value comes from a short fixed list: the door's path, the era, a tool the
 * registry has (else {@code unknown}), the outcome; so the series stay few whatever clients send.
 */
@Component
final class ToolCallRecorder {

    /** The timer's name: {@code billing_tool_calls_seconds_*} in Prometheus. */
    static final String TOOL_CALLS = "billing.tool.calls";

    private static final Logger log = LoggerFactory.getLogger(ToolCallRecorder.class);

    private final MeterRegistry registry;

    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    ToolCallRecorder(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * What is known of a call when it starts.
     *
     * @param requestId the server's id of the HTTP request that carried it
     * @param door the door's path
     * @param era {@code modern}, {@code legacy}, or {@code none} on the JSON door
     * @param tool a tool the registry has, or {@code unknown}
     */
    record Call(String requestId, String door, String era, String tool) {}

    private record Series(String door, String era, String tool, ToolCallOutcome outcome) {}

    /** @param traceId the call's trace while traces are exported, else {@code null} */
    void record(Call call, ToolCallOutcome outcome, long nanos, String traceId) {
        timers.computeIfAbsent(new Series(call.door(), call.era(), call.tool(), outcome), this::timer)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (log.isInfoEnabled()) {
            double millis = TimeUnit.NANOSECONDS.toMicros(nanos) / 1000.0;
            LoggingEventBuilder line = log.atInfo()
                    .addKeyValue("request_id", call.requestId())
                    .addKeyValue("door", call.door())
                    .addKeyValue("era", call.era())
                    .addKeyValue("tool", call.tool())
                    .addKeyValue("outcome", outcome.tag())
                    .addKeyValue("duration_ms", millis);
            if (traceId == null) {
                line.log(
                        "Tool call {} on {} ({}): {} in {} ms, request {}",
                        call.tool(),
                        call.door(),
                        call.era(),
                        outcome.tag(),
                        millis,
                        call.requestId());
            } else {
                line.addKeyValue("trace_id", traceId)
                        .log(
                                "Tool call {} on {} ({}): {} in {} ms, request {}, trace {}",
                                call.tool(),
                                call.door(),
                                call.era(),
                                outcome.tag(),
                                millis,
                                call.requestId(),
                                traceId);
            }
        }
    }

    private Timer timer(Series series) {
        return Timer.builder(TOOL_CALLS)
                .description("Tool calls by door, protocol era, tool and outcome")
                .tag("door", series.door())
                .tag("era", series.era())
                .tag("tool", series.tool())
                .tag("outcome", series.outcome().tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
