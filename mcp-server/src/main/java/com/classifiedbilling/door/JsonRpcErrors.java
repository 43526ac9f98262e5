package com.classifiedbilling.door;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;

/** JSON-RPC 2.0 error answers written outside the MCP server: by early refusals and transport error handlers. */
public final class JsonRpcErrors {

    /** The body is not JSON (JSON-RPC 2.0 §5.1). */
    public static final int PARSE_ERROR = -32700;

    /** The JSON is not a valid JSON-RPC request (JSON-RPC 2.0 §5.1). */
    public static final int INVALID_REQUEST = -32600;

    public static final int INTERNAL_ERROR = -32603;

    /** The method is not one this server implements (JSON-RPC 2.0 §5.1). */
    public static final int METHOD_NOT_FOUND = -32601;

    /** The method's parameters are wrong (JSON-RPC 2.0 §5.1). */
    public static final int INVALID_PARAMS = -32602;

    /** MCP 2026-07-28: an HTTP header does not match the body, or a required one is missing. */
    public static final int HEADER_MISMATCH = -32020;

    /** MCP 2026-07-28: the request's protocol version is not one the server speaks. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    /** A server-defined error: the request was refused (credential, rate limit, missing scope, size). */
    public static final int REFUSED = -32000;

    private JsonRpcErrors() {}

    /** The code of an early answer with this HTTP status. */
    static int codeFor(HttpStatusCode status) {
        if (status.value() == 400 || status.value() == 415) {
            return INVALID_REQUEST;
        }
        return status.is5xxServerError() && status.value() != 503 ? INTERNAL_ERROR : REFUSED;
    }

    /** An error answering the request with this id ({@code null} when unknown). */
    public static Map<String, Object> body(Object id, int code, String message) {
        return body(id, code, message, null);
    }

    /** An error with {@code data} ({@code null} for none) answering the request with this id. */
    public static Map<String, Object> body(Object id, int code, String message, Object data) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (data != null) {
            error.put("data", data);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("error", error);
        return body;
    }
}
