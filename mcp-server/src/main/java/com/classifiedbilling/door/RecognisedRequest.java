package com.classifiedbilling.door;

import com.classifiedbilling.tool.Admission;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the front door recognised of a request, kept on its exchange for every later step to read
 * instead of looking for itself: the door (from the path as the router sees it), then the message
 * (from the body, parsed once), then the tool call's admission under the caller's plan.
 *
 * @param door the door the request came to; {@code null} for every other path
 * @param message the message a {@code POST} to a door carries; {@code null} until it is read, and
 *     for requests that carry none
 * @param admission the tool call's admission, once counted; {@code null} before and for other requests
 */
public record RecognisedRequest(Door door, Message message, Admission admission) {

    static final String ATTRIBUTE = RecognisedRequest.class.getName();

    private static final RecognisedRequest NOT_A_DOOR = new RecognisedRequest(null, null, null);

    /** What was recognised of this exchange's request; a request of no door when nothing was. */
    public static RecognisedRequest of(ServerWebExchange exchange) {
        RecognisedRequest recognised = exchange.getAttribute(ATTRIBUTE);
        return recognised == null ? NOT_A_DOOR : recognised;
    }

    static RecognisedRequest at(Door door) {
        return door == null ? NOT_A_DOOR : new RecognisedRequest(door, null, null);
    }

    public boolean is(Door door) {
        return this.door == door;
    }

    /** Whether this request is a tool call (its message has been read and calls a tool). */
    public boolean isToolCall() {
        return message != null && message.toolCall();
    }

    /** The tool a tool call names, or {@code null}. */
    public String tool() {
        return message == null ? null : message.tool();
    }

    /** Whether this is a modern-era (2026-07-28) MCP message. */
    public boolean isModern() {
        return message != null && message.era() == ProtocolEra.MODERN;
    }

    /** The JSON-RPC id an error answer must carry, or {@code null}. */
    Object jsonRpcId() {
        return message == null ? null : message.id();
    }

    RecognisedRequest with(Message message) {
        return new RecognisedRequest(door, message, admission);
    }

    /** The same request, counted: the tool call may now go on. */
    public RecognisedRequest admitted(Admission admission) {
        return new RecognisedRequest(door, message, admission);
    }

    /** Puts this on the exchange, replacing what was recognised before. */
    public void putOn(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }
}
