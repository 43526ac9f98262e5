package com.classifiedbilling.observability;

import com.classifiedbilling.door.Door;
import com.classifiedbilling.door.FilterOrder;
import com.classifiedbilling.door.RecognisedRequest;
import com.classifiedbilling.tool.ToolRegistry;
import org.springframework.core.annotation.Order;
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
 * every call on the JSON door, and a refusal (403, 429, 503) on any door. An MCP result ends in
 * the tool adapter instead: an {@code isError} result is a 200, and on HTTP+SSE the {@code POST}
 * is answered 202 before the result goes down the stream.
 */
@Component
@Order(FilterOrder.OBSERVE_TOOL_CALL)
final class ObserveToolCallFilter implements WebFilter {

    private final ToolCallRecorder recorder;

    private final ToolRegistry tools;

    ObserveToolCallFilter(ToolCallRecorder recorder, ToolRegistry tools) {
        this.recorder = recorder;
        this.tools = tools;
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
                System.nanoTime());
        observation.putOn(exchange);
        return chain.filter(exchange)
                .doOnSuccess(done -> finishByStatus(exchange, door, observation))
                .doOnError(e -> observation.finish(
                        e instanceof ResponseStatusException answered
                                ? ToolCallOutcome.of(answered.getStatusCode())
                                : ToolCallOutcome.SERVER_ERROR));
    }

    private static void finishByStatus(ServerWebExchange exchange, Door door, ToolCallObservation observation) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status == null || observation.isFinished()) {
            return;
        }
        if (door.isMcp() && status.is2xxSuccessful()) {
            // the result is the tool adapter's to record (see the class comment)
            return;
        }
        observation.finish(ToolCallOutcome.of(status));
    }
}
