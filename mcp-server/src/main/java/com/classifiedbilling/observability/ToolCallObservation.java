package com.classifiedbilling.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One tool call being measured, from the moment its message was read to the moment its answer is
 * known, kept on its exchange ({@link ObserveToolCallFilter}). Whoever knows how the call ended
 * calls {@link #finish}: the MCP tool adapter for a result (an {@code isError} result is still a
 * 200), the filter for everything answered with a status. The first call counts; a call is
 * recorded once. While traces are exported it is also the call's span ({@link #traced}).
 */
public final class ToolCallObservation {

    /** The name of a tool call's span, as an observation. */
    static final String TRACED_CALL = "billing.traced.tool.call";

    private static final String ATTRIBUTE = ToolCallObservation.class.getName();

    private final ToolCallRecorder recorder;

    private final ToolCallRecorder.Call call;

    private final Observation span;

    private final long startNanos;

    private final AtomicBoolean finished = new AtomicBoolean();

    ToolCallObservation(ToolCallRecorder recorder, ToolCallRecorder.Call call, Observation span, long startNanos) {
        this.recorder = recorder;
        this.call = call;
        this.span = span;
        this.startNanos = startNanos;
    }

    /** The tool call this exchange carries, measured, or {@code null} for any other request. */
    public static ToolCallObservation of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    void putOn(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }

    /**
     * The work of this call, with the call's span as the parent of the spans made inside it (the
     * registry's, the SQL statements'). On HTTP+SSE the tool runs outside the request that carried
     * it, so the MCP adapter sets this again.
     */
    public <T> Mono<T> traced(Mono<T> work) {
        return span.isNoop()
                ? work
                : work.contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, span));
    }

    /** Records the call as ended this way, unless it was recorded already. */
    public void finish(ToolCallOutcome outcome) {
        if (finished.compareAndSet(false, true)) {
            recorder.record(call, outcome, System.nanoTime() - startNanos, traceId());
            if (!span.isNoop()) {
                span.lowCardinalityKeyValue("billing.outcome", outcome.tag());
                if (outcome == ToolCallOutcome.SERVER_ERROR || outcome == ToolCallOutcome.UNAVAILABLE) {
                    span.error(new ToolCallFailed(outcome));
                }
                span.stop();
            }
        }
    }

    /** The id of the trace this call's span is in, for its log line; {@code null} while traces are off. */
    private String traceId() {
        if (span.isNoop()) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing =
                span.getContext().get(TracingObservationHandler.TracingContext.class);
        return tracing == null || tracing.getSpan() == null
                ? null
                : tracing.getSpan().context().traceId();
    }

    boolean isFinished() {
        return finished.get();
    }

    /** What a failed call's span records as its error: the outcome, without a stack. */
    private static final class ToolCallFailed extends RuntimeException {

        ToolCallFailed(ToolCallOutcome outcome) {
            super(outcome.tag(), null, false, false);
        }
    }
}
