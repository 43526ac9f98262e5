package com.classifiedbilling.door;

import com.classifiedbilling.auth.web.RequestBodies;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the message of a {@code POST} to a door once, for an authenticated caller, and recognises
 * it with a real JSON parser: whether it calls a tool, which, and its JSON-RPC id. No check looks
 * at the body's text. The body must be UTF-8 JSON (RFC 8259 §8.1; a leading byte order mark is
 * ignored) of at most {@link #MAX_BODY} bytes, with no name twice in an object. An MCP message that
 * breaks these or is not one JSON-RPC 2.0 message is refused here, before the SDK transport sees
 * it; the transport then reads exactly what was recognised, written anew as UTF-8. The JSON door
 * answers its own parse problems, in the page's words.
 */
@Component
@Order(FilterOrder.READ_MESSAGE)
final class MessageFilter implements WebFilter {

    /** The largest message taken (1 MiB); a larger one gets 413. */
    static final int MAX_BODY = 1024 * 1024;

    /** A JSON-RPC method name as MCP writes them ({@code tools/call}, {@code notifications/initialized}). */
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9_./$-]{1,128}");

    /** The longest JSON-RPC string id taken: ids come back in answers and may reach a log. */
    static final int MAX_ID_LENGTH = 200;

    static final String NOT_JSON = "Send the body as JSON with 'Content-Type: application/json'.";

    static final String NOT_UTF8 = "Send the body as UTF-8 JSON.";

    static final String TOO_LARGE = "Request body is larger than 1 MiB.";

    private final ObjectReader reader;

    private final JsonMapper json;

    private final EarlyAnswers answers;

    MessageFilter(JsonMapper json, EarlyAnswers answers) {
        this.json = json;
        this.reader = json.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.answers = answers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RecognisedRequest recognised = RecognisedRequest.of(exchange);
        Door door = recognised.door();
        if (door == null || !door.postsMessages() || exchange.getRequest().getMethod() != HttpMethod.POST) {
            return chain.filter(exchange);
        }
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null
                || !(MediaType.APPLICATION_JSON.isCompatibleWith(type) || "json".equals(type.getSubtypeSuffix()))) {
            return answers.refuse(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_JSON);
        }
        Charset charset = charset(type);
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            return answers.refuse(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_UTF8);
        }
        return RequestBodies.read(exchange.getRequest().getBody(), MAX_BODY)
                .flatMap(bytes -> {
                    Parsed parsed = parse(bytes);
                    if (door == Door.LEGACY) {
                        Message message = parsed.json == null
                                ? Message.unparsed(parsed.problem)
                                : new Message(
                                        parsed.json,
                                        null,
                                        true,
                                        toolOfEnvelope(parsed.json),
                                        null,
                                        null,
                                        ProtocolEra.LEGACY,
                                        null);
                        recognised.with(message).putOn(exchange);
                        // the JSON door's handler reads the parsed message, not the body: nothing to write anew
                        return chain.filter(replayed(exchange, bytes));
                    }
                    if (parsed.json == null) {
                        return answers.refuse(
                                exchange,
                                HttpStatus.BAD_REQUEST,
                                JsonRpcErrors.PARSE_ERROR,
                                "Parse error: " + parsed.problem);
                    }
                    String invalid = invalidJsonRpc(parsed.json);
                    if (invalid != null) {
                        return answers.refuse(exchange, HttpStatus.BAD_REQUEST, JsonRpcErrors.INVALID_REQUEST, invalid);
                    }
                    recognised.with(jsonRpc(parsed.json, door, exchange)).putOn(exchange);
                    return chain.filter(replayed(exchange, canonical(parsed.json)));
                })
                .onErrorResume(
                        DataBufferLimitException.class,
                        e -> answers.refuse(exchange, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE));
    }

    /** A body parsed, or why it could not be. */
    private record Parsed(JsonNode json, String problem) {}

    private Parsed parse(byte[] bytes) {
        if (bytes.length == 0) {
            return new Parsed(null, Message.EMPTY_BODY);
        }
        String text;
        try {
            int start = startsWithByteOrderMark(bytes) ? 3 : 0;
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Parsed(null, "Request body is not UTF-8 text; send JSON as UTF-8.");
        }
        try {
            JsonNode tree = reader.readTree(text);
            return tree == null || tree.isMissingNode() ? new Parsed(null, Message.EMPTY_BODY) : new Parsed(tree, null);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            String original = e.getOriginalMessage();
            return new Parsed(
                    null,
                    original != null && original.startsWith("Duplicate")
                            ? "Request body names a field twice in one object" + where + "; send each field once."
                            : "Request body is not valid JSON" + where + ".");
        }
    }

    private static boolean startsWithByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static Charset charset(MediaType type) {
        try {
            return type.getCharset();
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.ISO_8859_1; // any charset but UTF-8 is refused
        }
    }

    private static String toolOfEnvelope(JsonNode envelope) {
        JsonNode tool = envelope.isObject() ? envelope.get("tool") : null;
        return tool != null && tool.isString() ? tool.asString() : null;
    }

    /** Why this is not one JSON-RPC 2.0 message as MCP sends them, or {@code null} when it is. */
    private static String invalidJsonRpc(JsonNode message) {
        if (message.isArray()) {
            return "Batches are not supported: send one JSON-RPC message per request.";
        }
        if (!message.isObject()) {
            return "A JSON-RPC message must be a JSON object.";
        }
        JsonNode version = message.get("jsonrpc");
        if (version == null || !version.isString() || !version.asString().equals("2.0")) {
            return "A JSON-RPC message must carry \"jsonrpc\": \"2.0\".";
        }
        JsonNode method = message.get("method");
        if (method != null
                && (!method.isString() || !METHOD.matcher(method.asString()).matches())) {
            return "\"method\" must be a method name: at most 128 letters, digits and / _ . - $.";
        }
        JsonNode id = message.get("id");
        if (id != null && !(id.isNumber() || (id.isString() && id.asString().length() <= MAX_ID_LENGTH))) {
            return "\"id\" must be a number or a string of at most " + MAX_ID_LENGTH + " characters.";
        }
        if (method == null && !message.has("result") && !message.has("error")) {
            return "A JSON-RPC message needs a \"method\", or a \"result\" or \"error\".";
        }
        JsonNode error = message.get("error");
        if (error != null
                && !(error.isObject()
                        && error.path("code").isNumber()
                        && error.path("message").isString())) {
            return "A JSON-RPC \"error\" must be an object with a numeric \"code\" and a \"message\".";
        }
        return null;
    }

    private static Message jsonRpc(JsonNode message, Door door, ServerWebExchange exchange) {
        String method = message.has("method") ? message.get("method").asString() : null;
        boolean toolCall = "tools/call".equals(method);
        JsonNode name = message.path("params").path("name");
        JsonNode meta = message.path("params").path("_meta");
        String header = exchange.getRequest().getHeaders().getFirst(ProtocolEra.PROTOCOL_VERSION_HEADER);
        ProtocolEra era = door == Door.STREAMABLE_HTTP
                ? ProtocolEra.of(
                        method, meta.has(ProtocolEra.PROTOCOL_VERSION_META), header == null ? null : header.strip())
                : ProtocolEra.LEGACY;
        return new Message(
                message,
                null,
                toolCall,
                toolCall && name.isString() ? name.asString() : null,
                method,
                message.get("id"),
                era,
                meta.isObject() ? TraceContext.of(meta) : null);
    }

    private byte[] canonical(JsonNode message) {
        return json.writeValueAsBytes(message);
    }

    /**
     * The exchange with the body the next readers get: what was recognised, as UTF-8 JSON, under a
     * plain {@code application/json} content type, so that no reader can decode it otherwise.
     */
    private static ServerWebExchange replayed(ServerWebExchange exchange, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(exchange.getRequest().getHeaders());
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentLength(body.length);
        HttpHeaders readOnly = HttpHeaders.readOnlyHttpHeaders(headers);
        ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public HttpHeaders getHeaders() {
                return readOnly;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(
                        () -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        return exchange.mutate().request(request).build();
    }
}
