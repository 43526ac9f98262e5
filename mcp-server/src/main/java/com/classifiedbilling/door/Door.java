package com.classifiedbilling.door;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The doors to the tools: the one place their paths are written. Each knows its path, the shape of
 * its error answers, the protected resource (RFC 9728) it belongs to, and whether a {@code POST} to
 * it carries a message that may call a tool.
 */
public enum Door {

    /** The API page's {@code POST /api/mcp-server} with {@code {"tool", "input"}}. */
    LEGACY("/api/mcp-server", ErrorShape.API, true),

    /** MCP Streamable HTTP: JSON-RPC messages {@code POST}ed one at a time. */
    STREAMABLE_HTTP("/mcp", ErrorShape.JSON_RPC, true),

    /** MCP HTTP+SSE (2024-11-05): {@code GET} opens a session's event stream. */
    SSE("/sse", ErrorShape.JSON_RPC, false),

    /** MCP HTTP+SSE: a session's JSON-RPC messages, {@code POST}ed with {@code ?sessionId=}. */
    SSE_MESSAGE("/message", ErrorShape.JSON_RPC, true);

    /** How a door's error answers look. */
    public enum ErrorShape {
        /** {@code {"error": "message"}}, as the API page gives it. */
        API,
        /** A JSON-RPC 2.0 error answering the message's id (or {@code null}). */
        JSON_RPC
    }

    private static final Map<String, Door> BY_PATH =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Door::path, Function.identity()));

    private final String path;

    private final ErrorShape shape;

    private final boolean postsMessages;

    Door(String path, ErrorShape shape, boolean postsMessages) {
        this.path = path;
        this.shape = shape;
        this.postsMessages = postsMessages;
    }

    /** The door at this canonical path, or {@code null}. */
    static Door at(String canonicalPath) {
        return BY_PATH.get(canonicalPath);
    }

    public String path() {
        return path;
    }

    public ErrorShape shape() {
        return shape;
    }

    /** Whether this is one of the MCP doors (Origin-checked, JSON-RPC). */
    public boolean isMcp() {
        return shape == ErrorShape.JSON_RPC;
    }

    /**
     * The path of the protected resource this door belongs to: an MCP door's own (a session's
     * messages belong to its stream's), {@code ""} (the root resource) for the JSON door.
     */
    String resource() {
        return switch (this) {
            case LEGACY -> "";
            case SSE_MESSAGE -> SSE.path();
            case STREAMABLE_HTTP, SSE -> path;
        };
    }

    /** Whether a {@code POST} here carries one message, read and recognised before any check. */
    boolean postsMessages() {
        return postsMessages;
    }

    /** The distinct protected resource paths of the MCP doors, Streamable HTTP first. */
    static List<String> resources() {
        return Arrays.stream(values())
                .map(Door::resource)
                .filter(resource -> !resource.isEmpty())
                .distinct()
                .toList();
    }
}
