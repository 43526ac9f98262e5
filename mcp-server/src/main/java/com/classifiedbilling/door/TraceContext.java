package com.classifiedbilling.door;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * W3C trace context (<a href="https://www.w3.org/TR/trace-context/">Trace Context</a>) that an MCP
 * message carries in its {@code _meta} ({@code traceparent}, {@code tracestate}), kept with the
 * request so that its work can join the caller's trace. A malformed value is not kept.
 *
 * @param traceparent {@code version-traceid-parentid-flags}
 * @param tracestate the vendor list; {@code null} when absent or malformed
 */
public record TraceContext(String traceparent, String tracestate) {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    /** The W3C limit on {@code tracestate}: 32 list members, of at most 256 characters each. */
    private static final int MAX_TRACESTATE = 512;

    private static final Pattern TRACESTATE = Pattern.compile("[\\x20-\\x7e]*");

    /** The trace context of a message's {@code params._meta}, or {@code null}. */
    static TraceContext of(JsonNode meta) {
        JsonNode parent = meta.path("traceparent");
        if (!parent.isString()
                || !TRACEPARENT.matcher(parent.asString()).matches()
                || parent.asString().startsWith("ff")
                || parent.asString().substring(3, 35).equals("0".repeat(32))
                || parent.asString().substring(36, 52).equals("0".repeat(16))) {
            return null;
        }
        JsonNode state = meta.path("tracestate");
        String tracestate = state.isString()
                        && state.asString().length() <= MAX_TRACESTATE
                        && TRACESTATE.matcher(state.asString()).matches()
                ? state.asString()
                : null;
        return new TraceContext(parent.asString(), tracestate);
    }
}
