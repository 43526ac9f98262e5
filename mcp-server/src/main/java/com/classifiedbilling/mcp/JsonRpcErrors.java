package com.classifiedbilling.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON-RPC 2.0 error object without a request id, for answers outside any one request. */
final class JsonRpcErrors {

    static final int INVALID_REQUEST = -32600;

    static final int INTERNAL_ERROR = -32603;

    private JsonRpcErrors() {}

    static Map<String, Object> body(int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", null);
        body.put("error", error);
        return body;
    }
}
