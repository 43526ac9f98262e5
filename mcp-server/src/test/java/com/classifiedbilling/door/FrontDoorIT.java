package com.classifiedbilling.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.RawHttp;
import com.classifiedbilling.support.RawHttp.Answer;
import com.classifiedbilling.support.SseStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The front door as an attacker meets it: every door under every spelling of its path, and MCP
 * messages in every encoding JSON and HTTP allow. Each variant is either refused (4xx, nothing run,
 * nothing written, nothing counted) or treated exactly like the canonical request: counted, checked
 * for scope and Origin, and on the SSE door bound to the session's owner.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"billing.mcp.allowed-origins=https://claude.ai", "billing.mcp.sse-sessions-per-user=2"})
@ExtendWith(OutputCaptureExtension.class)
class FrontDoorIT extends PostgresIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String ACCEPT = "application/json, text/event-stream";

    static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"list_workspaces\",\"arguments\":{}}}";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    RawHttp raw;

    @BeforeEach
    void client() {
        raw = new RawHttp(port);
    }

    /** Spellings of a canonical path that a decoding router could take for it. */
    static List<String> spellings(String path) {
        List<String> spellings = new ArrayList<>();
        char last = path.charAt(path.length() - 1);
        String head = path.substring(0, path.length() - 1);
        spellings.add(head + "%" + Integer.toHexString(last)); // lower-case hex of a letter
        spellings.add(head + "%" + Integer.toHexString(last).toUpperCase());
        if (path.contains("-")) {
            spellings.add(path.replace("-", "%2d"));
            spellings.add(path.replace("-", "%2D"));
        }
        StringBuilder encoded = new StringBuilder();
        for (char c : path.toCharArray()) {
            encoded.append(c == '/' ? "/" : "%" + Integer.toHexString(c).toUpperCase());
        }
        spellings.add(encoded.toString());
        spellings.add("/" + path); // a doubled slash
        spellings.add(path.replaceFirst("/([^/]*)$", "//$1"));
        spellings.add(path + "/"); // a trailing slash
        spellings.add(path + ";x=1"); // a path parameter
        spellings.add(path.replaceFirst("^/([^/]*)", "/$1;v=2"));
        spellings.add("/." + path);
        spellings.add("/x/.." + path);
        spellings.add("/%2e" + path);
        return spellings.stream().distinct().toList();
    }

    @Test
    void everyOtherSpellingOfEveryDoorIsRefusedWith400AndNothingRunsOrIsCounted() throws Exception {
        Account account = new BillingFixture(context).account("Starter");
        try (SseStream stream = SseStream.initialized(port, account.key())) {
            String snapshot = database.snapshot();
            Map<String, String> refused = new LinkedHashMap<>();
            for (String path : spellings("/api/mcp-server")) {
                expect400(legacy(path, account.key(), createCustomer(account)), Door.LEGACY, path, refused);
                expect400(
                        legacy("http://127.0.0.1:" + port + path, account.key(), createCustomer(account)),
                        Door.LEGACY,
                        "absolute " + path,
                        refused);
            }
            for (String path : spellings("/mcp")) {
                expect400(
                        mcp(path, account.key(), Map.of(), createCustomerCall(account)),
                        Door.STREAMABLE_HTTP,
                        path,
                        refused);
            }
            for (String path : spellings("/message")) {
                String target = path + "?sessionId=" + stream.sessionId();
                expect400(
                        mcp(target, account.key(), Map.of(), createCustomerCall(account)),
                        Door.SSE_MESSAGE,
                        path,
                        refused);
            }
            for (String path : spellings("/sse")) {
                Answer answer = raw.send(
                        "GET",
                        path,
                        Map.of("Authorization", "Bearer " + account.key(), "Accept", "text/event-stream"),
                        null);
                expect400(answer, Door.SSE, path, refused);
            }
            assertThat(refused).as("variants not refused with 400").isEmpty();
            assertThat(database.snapshot()).as("nothing written").isEqualTo(snapshot);
            Answer canonical = legacy("/api/mcp-server", account.key(), "{\"tool\":\"list_workspaces\",\"input\":{}}");
            assertThat(canonical.status()).isEqualTo(200);
            assertThat(canonical.header("RateLimit-Remaining"))
                    .as("nothing was counted")
                    .isEqualTo("29");
            assertThat(stream.received()).as("no answer reached the stream").doesNotContain("\"id\":7");
        }
    }

    @Test
    void whenTheMinuteIsUsedUpThenNoSpellingOrEncodingOfAToolCallGets200() throws Exception {
        Account account = new BillingFixture(context).account("Starter");
        try (SseStream stream = SseStream.initialized(port, account.key())) {
            for (int i = 0; i < 30; i++) {
                assertThat(legacy("/api/mcp-server", account.key(), "{\"tool\":\"list_workspaces\",\"input\":{}}")
                                .status())
                        .isEqualTo(200);
            }
            List<String> twoHundreds = new ArrayList<>();
            List<Answer> answers = new ArrayList<>();
            for (String path : spellings("/api/mcp-server")) {
                answers.add(legacy(path, account.key(), "{\"tool\":\"list_workspaces\",\"input\":{}}"));
            }
            answers.add(legacy("/api/mcp-server", account.key(), "{\"tool\":\"create_customer\",\"input\":{}}"));
            for (String path : spellings("/mcp")) {
                answers.add(mcp(path, account.key(), Map.of(), LIST));
            }
            for (byte[] body : acceptedEncodings(LIST).values()) {
                answers.add(mcp("/mcp", account.key(), Map.of(), body));
                answers.add(mcp("/message?sessionId=" + stream.sessionId(), account.key(), Map.of(), body));
            }
            for (byte[] body : refusedEncodings(LIST).values()) {
                answers.add(mcp("/mcp", account.key(), Map.of(), body));
                answers.add(mcp("/message?sessionId=" + stream.sessionId(), account.key(), Map.of(), body));
            }
            for (String path : spellings("/message")) {
                answers.add(mcp(path + "?sessionId=" + stream.sessionId(), account.key(), Map.of(), LIST));
            }
            for (Answer answer : answers) {
                if (answer.status() < 400) {
                    twoHundreds.add(answer.status() + " " + answer.body());
                }
            }
            assertThat(twoHundreds).isEmpty();
            assertThat(answers).extracting(Answer::status).containsOnly(400, 429);
            assertThat(answers).filteredOn(a -> a.status() == 429).allSatisfy(a -> {
                assertThat(a.header("Retry-After")).isNotNull();
                assertThat(a.header("RateLimit-Remaining")).isEqualTo("0");
            });
        }
    }

    @Test
    void jsonEscapesWhitespaceAndAByteOrderMarkAreCountedExactlyLikeTheCanonicalCall() throws Exception {
        Account account = new BillingFixture(context).account("Standard");
        try (SseStream stream = SseStream.initialized(port, account.key())) {
            int remaining = 60;
            for (Map.Entry<String, byte[]> variant : acceptedEncodings(LIST).entrySet()) {
                for (String target : List.of("/mcp", "/message?sessionId=" + stream.sessionId())) {
                    Answer answer = mcp(target, account.key(), Map.of(), variant.getValue());
                    remaining--;
                    assertThat(answer.status())
                            .as(variant.getKey() + " on " + target + ": " + answer.body())
                            .isBetween(200, 202);
                    assertThat(answer.header("RateLimit-Remaining"))
                            .as(variant.getKey() + " on " + target)
                            .isEqualTo(Integer.toString(remaining));
                }
            }
            // the SSE answers arrive on the stream, one per message sent there
            assertThat(stream.awaitCount(
                            "\"workspaces\"", acceptedEncodings(LIST).size()))
                    .isTrue();
        }
    }

    @Test
    void otherCharsetsDuplicateKeysAndBatchesAreRefusedUncounted() throws Exception {
        Account account = new BillingFixture(context).account("Standard");
        Map<String, byte[]> refused = new LinkedHashMap<>(refusedEncodings(LIST));
        refused.put("a batch", ("[" + LIST + "]").getBytes(StandardCharsets.UTF_8));
        refused.put("jsonrpc 1.0", LIST.replace("\"2.0\"", "\"1.0\"").getBytes(StandardCharsets.UTF_8));
        refused.put("trailing message", (LIST + LIST).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> variant : refused.entrySet()) {
            Answer answer = mcp("/mcp", account.key(), Map.of(), variant.getValue());
            assertThat(answer.status())
                    .as(variant.getKey() + ": " + answer.body())
                    .isEqualTo(400);
            assertThat(answer.header("RateLimit-Remaining"))
                    .as(variant.getKey())
                    .isNull();
            JsonNode error = JSON.readTree(answer.body()).path("error");
            assertThat(error.path("code").asInt()).as(variant.getKey()).isIn(-32700, -32600);
        }
        Answer declared = mcp(
                "/mcp",
                account.key(),
                Map.of("Content-Type", "application/json; charset=UTF-16"),
                LIST.getBytes(StandardCharsets.UTF_16));
        assertThat(declared.status()).isEqualTo(415);
        Answer canonical = mcp("/mcp", account.key(), Map.of(), LIST);
        assertThat(canonical.header("RateLimit-Remaining")).isEqualTo("59");
    }

    @Test
    void aReadOnlyKeyIsRefusedTheWriteToolInEveryAcceptedEncodingAndLargeBodiesGet413() throws Exception {
        BillingFixture fixture = new BillingFixture(context);
        Account account = fixture.account("Standard");
        String readOnly = fixture.readOnlyKey(account);
        String call = createCustomerCall(account);
        String snapshot = database.snapshot();
        for (Map.Entry<String, byte[]> variant : acceptedEncodings(call).entrySet()) {
            Answer answer = mcp("/mcp", readOnly, Map.of(), variant.getValue());
            // a key cannot step up: the refusal is the tool's error result, in every encoding
            assertThat(answer.status()).as(variant.getKey()).isEqualTo(200);
            assertThat(answer.body())
                    .as(variant.getKey())
                    .contains("\"isError\":true")
                    .contains("read-only");
            assertThat(answer.header("WWW-Authenticate")).isNull();
        }
        for (String envelope : List.of(
                createCustomer(account),
                createCustomer(account).replace("\"tool\"", "\"to\\u006fl\""),
                "\uFEFF" + createCustomer(account))) {
            Answer answer = legacy("/api/mcp-server", readOnly, envelope);
            assertThat(answer.status()).as(envelope).isEqualTo(403);
            assertThat(JSON.readTree(answer.body()).path("error").asString()).contains("billing:write");
        }
        assertThat(database.snapshot()).isEqualTo(snapshot);

        byte[] large = ("{\"tool\":\"list_workspaces\",\"input\":{\"pad\":\"" + "x".repeat(1100 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(raw.send("POST", "/api/mcp-server", legacyHeaders(readOnly), large)
                        .status())
                .isEqualTo(413);
        Answer mcp = mcp("/mcp", readOnly, Map.of(), large);
        assertThat(mcp.status()).isEqualTo(413);
        assertThat(mcp.body()).contains("\"jsonrpc\":\"2.0\"").doesNotContain("Exception");
    }

    @Test
    void aBrowserOriginThatIsNotAllowedIsRefusedWhateverTheEncoding() throws Exception {
        Account account = new BillingFixture(context).account("Standard");
        Map<String, String> evil = Map.of("Origin", "http://evil.example");
        try (SseStream stream = SseStream.initialized(port, account.key())) {
            for (byte[] body : acceptedEncodings(LIST).values()) {
                for (String target : List.of("/mcp", "/message?sessionId=" + stream.sessionId())) {
                    Answer answer = mcp(target, account.key(), evil, body);
                    assertThat(answer.status()).as(target).isEqualTo(403);
                    assertThat(answer.header("RateLimit-Remaining")).isNull();
                }
            }
            Answer twoOrigins = mcp(
                    "/mcp",
                    account.key(),
                    Map.of("Origin", "https://claude.ai", "origin", "http://evil.example"),
                    LIST);
            assertThat(twoOrigins.status()).isEqualTo(403);
            assertThat(raw.send(
                                    "GET",
                                    "/sse",
                                    Map.of("Authorization", "Bearer " + account.key(), "Origin", "http://evil.example"),
                                    null)
                            .status())
                    .isEqualTo(403);
            assertThat(mcp("/mcp", account.key(), Map.of("Origin", "https://claude.ai"), LIST)
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void anotherUsersSessionIsRefusedOnEveryMessageSpellingAndTheCapHoldsForEveryStreamSpelling() throws Exception {
        BillingFixture fixture = new BillingFixture(context);
        Account owner = fixture.account("Standard");
        Account intruder = fixture.account("Standard");
        try (SseStream first = SseStream.initialized(port, owner.key());
                SseStream second = SseStream.initialized(port, owner.key())) {
            String theirs = first.sessionId();
            Answer canonical = mcp("/message?sessionId=" + theirs, intruder.key(), Map.of(), LIST);
            assertThat(canonical.status()).isEqualTo(404);
            Answer twice = mcp(
                    "/message?sessionId=" + intruder.key().hashCode() + "&sessionId=" + theirs,
                    owner.key(),
                    Map.of(),
                    LIST);
            assertThat(twice.status()).as("two session ids").isEqualTo(404);
            for (String path : spellings("/message")) {
                Answer answer = mcp(path + "?sessionId=" + theirs, intruder.key(), Map.of(), LIST);
                assertThat(answer.status()).as(path).isEqualTo(400);
            }
            assertThat(first.received()).doesNotContain("\"id\":7");

            // the owner holds the most streams: no spelling and no method opens another
            for (String path : spellings("/sse")) {
                Answer answer = raw.send(
                        "GET",
                        path,
                        Map.of("Authorization", "Bearer " + owner.key(), "Accept", "text/event-stream"),
                        null);
                assertThat(answer.status()).as(path).isEqualTo(400);
            }
            for (String method : List.of("GET", "HEAD")) {
                Answer answer = raw.send(
                        method,
                        "/sse",
                        Map.of("Authorization", "Bearer " + owner.key(), "Accept", "text/event-stream"),
                        null);
                assertThat(answer.status()).as(method).isEqualTo(429);
            }
            // and the sessions that are open are the owner's: they answer the owner
            assertThat(mcp("/message?sessionId=" + second.sessionId(), owner.key(), Map.of(), LIST)
                            .status())
                    .isBetween(200, 202);
            assertThat(second.awaitCount("\"workspaces\"", 1)).isTrue();
        }
    }

    @Test
    void everyRouteOfTheApplicationIsWrittenCanonicallySoRefusingOtherSpellingsLosesNone() {
        List<String> patterns = new ArrayList<>();
        for (RouterFunction<?> routes :
                context.getBeansOfType(RouterFunction.class).values()) {
            routes.accept(new RoutePatterns(patterns));
        }
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods()
                    .keySet()
                    .forEach(info -> info.getPatternsCondition()
                            .getPatterns()
                            .forEach(pattern -> patterns.add(pattern.getPatternString())));
        }
        assertThat(patterns).contains("/mcp", "/sse", "/message", "/api/mcp-server", "/api/me", "/mcp-connect");
        assertThat(patterns)
                .allSatisfy(pattern -> assertThat(CanonicalPaths.isCanonical(pattern))
                        .as(pattern)
                        .isTrue());
    }

    @Test
    void theFiltersRunInTheOrderFilterOrderWritesDown() {
        List<String> written = List.of(
                "ManagementPortFilter",
                "FrontDoorFilter",
                "OriginFilter",
                "AddressRateLimitFilter",
                "TrustedHostFilter",
                "ParametersFilter",
                "WebFilterChainProxy",
                "MessageFilter",
                "ObserveToolCallFilter",
                "ToolScopeFilter",
                "RateLimitFilter",
                "SseSessionGuard");
        List<String> order = context.getBeanProvider(WebFilter.class)
                .orderedStream()
                .map(filter -> filter.getClass().getSimpleName())
                .filter(written::contains)
                .toList();
        assertThat(order).isEqualTo(written);
    }

    @Test
    void aClientCannotForgeOrFloodALogLine(CapturedOutput output) throws Exception {
        Account account = new BillingFixture(context).account("Standard");
        String forged = "\n2026-12-01T00:00:00.000Z ERROR 1 --- [forged] FORGED LINE\n";
        String params = "{\"x\":\"" + "A".repeat(200 * 1024) + forged + "\"}";
        List<String> messages = List.of(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/forged\",\"params\":" + params + "}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"forged/method\",\"params\":" + params + "}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"forged" + forged + "\",\"params\":{}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications" + forged + "\",\"params\":" + params + "}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"" + "7".repeat(300) + forged + "\",\"result\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":" + params + "}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":" + params + "}");
        try (SseStream stream = SseStream.initialized(port, account.key())) {
            for (String message : messages) {
                assertThat(mcp("/mcp", account.key(), Map.of(), message).status())
                        .isLessThan(500);
                assertThat(mcp("/message?sessionId=" + stream.sessionId(), account.key(), Map.of(), message)
                                .status())
                        .isLessThan(500);
            }
            Thread.sleep(500); // the SSE session handles its messages after answering the POST
        }
        for (String line : output.getAll().split("\\R")) {
            assertThat(line.length())
                    .as(line.substring(0, Math.min(200, line.length())))
                    .isLessThan(800);
            assertThat(line).doesNotStartWith("2026-12-01T00:00:00.000Z ERROR 1 --- [forged]");
        }
    }

    /** Collects the path patterns of functional routes. */
    private static final class RoutePatterns implements RouterFunctions.Visitor, RequestPredicates.Visitor {

        private final List<String> patterns;

        RoutePatterns(List<String> patterns) {
            this.patterns = patterns;
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            predicate.accept(this);
        }

        @Override
        public void endNested(RequestPredicate predicate) {}

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            predicate.accept(this);
        }

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {}

        @Override
        public void attributes(Map<String, Object> attributes) {}

        @Override
        public void unknown(RouterFunction<?> routerFunction) {}

        @Override
        public void method(Set<HttpMethod> methods) {}

        @Override
        public void path(String pattern) {
            patterns.add(pattern);
        }

        @Override
        public void pathExtension(String extension) {}

        @Override
        public void header(String name, String value) {}

        @Override
        public void queryParam(String name, String value) {}

        @Override
        public void version(String version) {}

        @Override
        public void startAnd() {}

        @Override
        public void and() {}

        @Override
        public void endAnd() {}

        @Override
        public void startOr() {}

        @Override
        public void or() {}

        @Override
        public void endOr() {}

        @Override
        public void startNegate() {}

        @Override
        public void endNegate() {}

        @Override
        public void unknown(RequestPredicate predicate) {}
    }

    /** Encodings of a message that mean the same JSON: each must be treated exactly like it. */
    static Map<String, byte[]> acceptedEncodings(String message) {
        Map<String, byte[]> variants = new LinkedHashMap<>();
        variants.put("canonical", utf8(message));
        variants.put("escaped solidus", utf8(message.replace("tools/call", "tools\\/call")));
        variants.put("unicode escape", utf8(message.replace("tools/call", "\\u0074ools/call")));
        variants.put("escaped tool name", utf8(escapeToolName(message)));
        variants.put(
                "whitespace", utf8(" \r\n\t" + message.replace(":", " :\n ").replace(",", " ,\t") + "\n "));
        byte[] withMark = new byte[utf8(message).length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(utf8(message), 0, withMark, 3, withMark.length - 3);
        variants.put("UTF-8 byte order mark", withMark);
        return variants;
    }

    /** The message with the first letter of its tool's name and the key {@code name} as unicode escapes. */
    static String escapeToolName(String message) {
        int at = message.indexOf("\"name\":\"") + "\"name\":\"".length();
        String escaped = message.substring(0, at)
                + String.format("\\u%04x", (int) message.charAt(at))
                + message.substring(at + 1);
        return escaped.replace("\"name\":", "\"n\\u0061me\":");
    }

    /** Encodings a UTF-8 JSON reader does not take, and a message naming its method twice. */
    static Map<String, byte[]> refusedEncodings(String message) {
        Map<String, byte[]> variants = new LinkedHashMap<>();
        variants.put("UTF-16", message.getBytes(StandardCharsets.UTF_16));
        variants.put("UTF-16LE", message.getBytes(StandardCharsets.UTF_16LE));
        variants.put("UTF-16BE", message.getBytes(StandardCharsets.UTF_16BE));
        variants.put("UTF-32", message.getBytes(Charset.forName("UTF-32")));
        variants.put("UTF-32LE", message.getBytes(Charset.forName("UTF-32LE")));
        variants.put(
                "duplicate method",
                utf8(message.replace(
                        "\"method\":\"tools/call\"", "\"method\":\"tools/list\",\"method\":\"tools/call\"")));
        variants.put(
                "duplicate method, escaped",
                utf8(message.replace(
                        "\"method\":\"tools/call\"", "\"method\":\"tools/list\",\"m\\u0065thod\":\"tools/call\"")));
        return variants;
    }

    private void expect400(Answer answer, Door door, String what, Map<String, String> refused) throws Exception {
        if (answer.status() != 400 || answer.header("RateLimit-Remaining") != null) {
            refused.put(door + " " + what, answer.status() + " " + answer.body());
            return;
        }
        JsonNode body = JSON.readTree(answer.body());
        boolean shaped = door.shape() == Door.ErrorShape.API
                ? body.path("error").isString()
                : body.path("jsonrpc").asString("").equals("2.0")
                        && body.path("error").path("message").isString();
        if (!shaped) {
            refused.put(door + " " + what + " (shape)", answer.body());
        }
    }

    private static String createCustomer(Account account) {
        return "{\"tool\":\"create_customer\",\"input\":{\"workspace_id\":\"" + account.workspaceId()
                + "\",\"name\":\"Walked In Ltd\",\"email\":\"walked@example.com\"}}";
    }

    private static String createCustomerCall(Account account) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"create_customer\","
                + "\"arguments\":{\"workspace_id\":\"" + account.workspaceId()
                + "\",\"name\":\"Walked In Ltd\",\"email\":\"walked@example.com\"}}}";
    }

    private static Map<String, String> legacyHeaders(String key) {
        return Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json");
    }

    private Answer legacy(String target, String key, String body) throws Exception {
        return raw.send("POST", target, legacyHeaders(key), utf8(body));
    }

    private Answer mcp(String target, String key, Map<String, String> extra, String body) throws Exception {
        return mcp(target, key, extra, utf8(body));
    }

    private Answer mcp(String target, String key, Map<String, String> extra, byte[] body) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + key);
        headers.put("Accept", ACCEPT);
        headers.put("Content-Type", "application/json");
        headers.putAll(extra);
        return raw.send("POST", target, headers, body);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
