package com.classifiedbilling.mcp;

import com.classifiedbilling.door.Message;
import com.classifiedbilling.door.ProtocolEra;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The 2026-07-28 request headers that mirror the body ({@code MCP-Protocol-Version}, {@code
 * Mcp-Method}, {@code Mcp-Name}) and the rule that they must match it
 * (<a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#server-validation">server
 * validation</a>): so that a gateway routing or limiting by header and this server acting on the
 * body cannot be told two different things. Header names are matched case-insensitively, values
 * exactly, after trimming the whitespace HTTP allows around them; {@code Mcp-Name} may carry its
 * value in the Base64 sentinel form {@code =?base64?…?=}.
 */
final class RequestHeaders {

    static final String METHOD = "Mcp-Method";

    static final String NAME = "Mcp-Name";

    private static final String SENTINEL_START = "=?base64?";

    private static final String SENTINEL_END = "?=";

    private RequestHeaders() {}

    /** What does not match, for the error message; {@code null} when the headers match the body. */
    static String mismatch(ServerRequest.Headers headers, Message message, String bodyVersion) {
        String version = single(headers.header(ProtocolEra.PROTOCOL_VERSION_HEADER));
        if (version == null) {
            return "send one " + ProtocolEra.PROTOCOL_VERSION_HEADER + " header with the request's protocol version.";
        }
        if (!version.equals(bodyVersion)) {
            return ProtocolEra.PROTOCOL_VERSION_HEADER + " does not match params._meta."
                    + ProtocolEra.PROTOCOL_VERSION_META + ".";
        }
        String method = single(headers.header(METHOD));
        if (method == null) {
            return "send one " + METHOD + " header with the request's method.";
        }
        if (!method.equals(message.method())) {
            return METHOD + " does not match the body's method.";
        }
        if ("tools/call".equals(message.method())) {
            String name = single(headers.header(NAME));
            String decoded = name == null ? null : decode(name);
            if (decoded == null) {
                return "send one " + NAME + " header with the tool's name (plain ASCII, or =?base64?…?=).";
            }
            if (!decoded.equals(message.tool())) {
                return NAME + " does not match params.name.";
            }
        }
        return null;
    }

    /** The one value of a header, trimmed; {@code null} when it is absent or sent more than once. */
    private static String single(List<String> values) {
        return values.size() == 1 ? values.get(0).strip() : null;
    }

    /**
     * A header value as the client meant it: plain visible ASCII as it is, the sentinel form decoded
     * from Base64 as UTF-8; {@code null} for anything else (control or non-ASCII characters, bad Base64).
     */
    static String decode(String value) {
        if (value.startsWith(SENTINEL_START)
                && value.endsWith(SENTINEL_END)
                && value.length() >= SENTINEL_START.length() + SENTINEL_END.length()) {
            String encoded = value.substring(SENTINEL_START.length(), value.length() - SENTINEL_END.length());
            try {
                byte[] bytes = Base64.getDecoder().decode(encoded);
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                return null;
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                return null;
            }
        }
        return value;
    }
}
