package com.classifiedbilling.observability;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.server.ServerWebExchange;

/**
 * One tool call being measured, from the moment its message was read to the moment its answer is
 * known, kept on its exchange ({@link ObserveToolCallFilter}). Whoever knows how the call ended
 * calls {@link #finish}: the MCP tool adapter for a result (an {@code isError} result is still a
 * 200), the filter for everything answered with a status. The first call counts; a call is
 * recorded once.
 */
public final class ToolCallObservation {

    private static final String ATTRIBUTE = ToolCallObservation.class.getName();

    private final ToolCallRecorder recorder;

    private final ToolCallRecorder.Call call;

    private final long startNanos;

    private final AtomicBoolean finished = new AtomicBoolean();

    ToolCallObservation(ToolCallRecorder recorder, ToolCallRecorder.Call call, long startNanos) {
        this.recorder = recorder;
        this.call = call;
        this.startNanos = startNanos;
    }

    /** The tool call this exchange carries, measured, or {@code null} for any other request. */
    public static ToolCallObservation of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    void putOn(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }

    /** Records the call as ended this way, unless it was recorded already. */
    public void finish(ToolCallOutcome outcome) {
        if (finished.compareAndSet(false, true)) {
            recorder.record(call, outcome, System.nanoTime() - startNanos);
        }
    }

    boolean isFinished() {
        return finished.get();
    }
}
