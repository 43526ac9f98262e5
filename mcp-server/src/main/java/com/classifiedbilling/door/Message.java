package com.classifiedbilling.door;

import tools.jackson.databind.JsonNode;

/**
 * The message a {@code POST} to a door carries, read once and parsed once, and what the checks
 * after authentication need to know of it.
 *
 * @param json the parsed body; {@code null} when it is not JSON
 * @param problem why the body could not be parsed (such as {@link #EMPTY_BODY}), for the door to
 *     answer; {@code null} when it was
 * @param toolCall whether the message calls a tool: every {@code POST} to the JSON door, and a
 *     JSON-RPC {@code tools/call} on the MCP doors
 * @param tool the name of the tool it calls, when it names one as a string
 * @param method the JSON-RPC method; {@code null} on the JSON door and for JSON-RPC responses
 * @param id the JSON-RPC id (a string or a number); {@code null} for notifications and the JSON door
 * @param era the MCP era of a message on {@link Door#STREAMABLE_HTTP}; {@link ProtocolEra#LEGACY}
 *     on the other doors
 * @param trace the W3C trace context the message's {@code _meta} carries; {@code null} when none
 */
public record Message(
        JsonNode json,
        String problem,
        boolean toolCall,
        String tool,
        String method,
        JsonNode id,
        ProtocolEra era,
        TraceContext trace) {

    /** The problem of a request with no body. */
    public static final String EMPTY_BODY = "Request body is empty.";

    /** A JSON door body that could not be parsed: still a tool call, of no known tool. */
    static Message unparsed(String problem) {
        return new Message(null, problem, true, null, null, null, ProtocolEra.LEGACY, null);
    }
}
