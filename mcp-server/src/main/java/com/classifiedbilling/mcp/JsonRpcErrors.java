package com.classifiedbilling.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON-RPC 2.0 error answers written outside the MCP server: by filters and transport error handlers. */
public final class JsonRpcErrors {

    static final int INVALID_REQUEST = -32600;

    static final int INTERNAL_ERROR = -32603;

    /** A server-defined error: the request was refused (rate limit, missing scope). */
    public static final int REFUSED = -32000;

    private JsonRpcErrors() {}

    /** An error for no request in particular. */
    static Map<String, Object> body(int code, String message) {
        return body(null, code, message);
    }

    /** An error answering the request with this id ({@code null} when unknown). */
    public static Map<String, Object> body(Object id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("error", error);
        return body;
    }
}
