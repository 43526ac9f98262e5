package com.classifiedbilling.observability;

import com.classifiedbilling.door.Door;
import com.classifiedbilling.door.FilterOrder;
import com.classifiedbilling.door.RecognisedRequest;
import com.classifiedbilling.door.TraceContext;
import com.classifiedbilling.tool.ToolRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Starts measuring each tool call once its message is read (so a 401 is not a tool call: those
 * are counted as authentication failures), and records the calls that end in an HTTP status:
 * every call on the JSON door, a refusal (403, 429, 503) on any door, and a JSON-RPC error that
 * {@code /mcp} answers without reaching the tool. An MCP result ends in the tool adapter instead:
 * an {@code isError} result is a 200, and on HTTP+SSE the {@code POST} is answered 202 before the
 * result goes down the stream. While traces are exported, the call is
 * also a span that continues the caller's trace.
 */
@Component
@Order(FilterOrder.OBSERVE_TOOL_CALL)
final class ObserveToolCallFilter implements WebFilter {

    private static final String TRACEPARENT = "traceparent";

    private static final String TRACESTATE = "tracestate";

    private final ToolCallRecorder recorder;

    private final ToolRegistry tools;

    private final ObservationRegistry observations;

    ObserveToolCallFilter(ToolCallRecorder recorder, ToolRegistry tools, ObservationRegistry observations) {
        this.recorder = recorder;
        this.tools = tools;
        this.observations = observations;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RecognisedRequest recognised = RecognisedRequest.of(exchange);
        if (!recognised.isToolCall()) {
            return chain.filter(exchange);
        }
        Door door = recognised.door();
        String era = door.isMcp() ? (recognised.isModern() ? "modern" : "legacy") : "none";
        String tool = tools.requiredScope(recognised.tool()).isPresent() ? recognised.tool() : "unknown";
        ToolCallObservation observation = new ToolCallObservation(
                recorder,
                new ToolCallRecorder.Call(exchange.getRequest().getId(), door.path(), era, tool),
                span(exchange, recognised, door, era, tool),
                System.nanoTime());
        observation.putOn(exchange);
        return observation
                .traced(chain.filter(exchange))
                .doOnSuccess(done -> finishByStatus(exchange, door, observation))
                .doOnError(e -> observation.finish(
                        e instanceof ResponseStatusException answered
                                ? ToolCallOutcome.of(answered.getStatusCode())
                                : ToolCallOutcome.SERVER_ERROR));
    }

    /**
     * The call's span (a no-op unless traces are exported), named as OpenTelemetry's conventions for
     * MCP name a tool call. It continues the caller's trace: the message's {@code _meta} trace
     * context when it has one (the MCP way, 2026-07-28), else the HTTP {@code traceparent} header.
     */
    private Observation span(
            ServerWebExchange exchange, RecognisedRequest recognised, Door door, String era, String tool) {
        return Observation.createNotStarted(
                        ToolCallObservation.TRACED_CALL, () -> callersContext(exchange, recognised), observations)
                .contextualName("tools/call " + tool)
                .lowCardinalityKeyValue("mcp.method.name", "tools/call")
                .lowCardinalityKeyValue("gen_ai.operation.name", "execute_tool")
                .lowCardinalityKeyValue("gen_ai.tool.name", tool)
                .lowCardinalityKeyValue("billing.door", door.path())
                .lowCardinalityKeyValue("billing.era", era)
                .start();
    }

    private static ReceiverContext<Map<String, String>> callersContext(
            ServerWebExchange exchange, RecognisedRequest recognised) {
        Map<String, String> carrier = new HashMap<>(4);
        TraceContext meta = recognised.message().trace();
        if (meta != null) {
            carrier.put(TRACEPARENT, meta.traceparent());
            if (meta.tracestate() != null) {
                carrier.put(TRACESTATE, meta.tracestate());
            }
        } else {
            HttpHeaders headers = exchange.getRequest().getHeaders();
            putFirst(carrier, headers, TRACEPARENT);
            putFirst(carrier, headers, TRACESTATE);
        }
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get, Kind.SERVER);
        context.setCarrier(carrier);
        return context;
    }

    private static void putFirst(Map<String, String> carrier, HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        if (value != null) {
            carrier.put(name, value);
        }
    }

    private static void finishByStatus(ServerWebExchange exchange, Door door, ToolCallObservation observation) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status == null || observation.isFinished()) {
            return;
        }
        if (door == Door.SSE_MESSAGE && status.is2xxSuccessful()) {
            // answered 202 before the tool ran: the result is the tool adapter's to record
            return;
        }
        // on /mcp a 2xx the adapter did not record is a JSON-RPC error answered without the tool
        // (an unknown tool, parameters that are not a call's): the caller's to fix
        observation.finish(
                door.isMcp() && status.is2xxSuccessful() ? ToolCallOutcome.TOOL_ERROR : ToolCallOutcome.of(status));
    }
}
