package com.classifiedbilling.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.ToolExamples;
import com.classifiedbilling.support.ToolExamples.Ids;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * 1,200 malformed calls across the tools (random bodies, broken envelopes, and the tools' declared
 * example inputs with one to three fields made invalid), from a fixed seed: every answer is a 4xx with only an
 * {@code error} string, none is a 5xx, and the database is unchanged afterwards.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the point here is input handling, not rate limits: room for every case
        properties = {
            "billing.rate-limits.plans.Advance.per-minute=100000",
            "billing.rate-limits.plans.Advance.per-day=100000"
        })
@AutoConfigureWebTestClient
class LegacyDoorFuzzIT extends PostgresIntegrationTest {

    static final int CASES = 1200;

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    final Random random = new Random(20261124);

    @Test
    void shouldAnswerEveryMalformedCallWithA4xxErrorAndWriteNothing() {
        Account account = new BillingFixture(context).account("Advance");
        Map<String, List<ObjectNode>> valid = validInputs(account);
        List<String> tools = new ArrayList<>(valid.keySet());
        String before = database.snapshot();

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String body = i % 6 == 0 ? garbageBody() : brokenCall(tools.get(random.nextInt(tools.size())), valid);
            EntityExchangeResult<byte[]> result = http.post()
                    .uri("/api/mcp-server")
                    .header("Authorization", "Bearer " + account.key())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectBody()
                    .returnResult();
            int status = result.getStatus().value();
            String answer =
                    new String(result.getResponseBodyContent() == null ? new byte[0] : result.getResponseBodyContent());
            if (status < 400 || status >= 500 || status == 429 || !isErrorOnly(answer)) {
                failures.add(status + " for " + abbreviate(body) + " -> " + abbreviate(answer));
            }
        }

        assertThat(failures).isEmpty();
        assertThat(database.snapshot()).isEqualTo(before);
    }

    private boolean isErrorOnly(String answer) {
        try {
            JsonNode node = json.readTree(answer);
            return node.isObject()
                    && node.size() == 1
                    && node.path("error").isString()
                    && !node.path("error").asString().isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Each tool's example inputs, against the account's own workspace and its demo data. */
    private Map<String, List<ObjectNode>> validInputs(Account account) {
        JsonNode invoice = result(
                        account,
                        "list_invoices",
                        "{\"workspace_id\":\"" + account.workspaceId() + "\",\"status\":\"Due\",\"limit\":1}")
                .path("invoices")
                .get(0);
        String customer = result(account, "list_customers", "{\"workspace_id\":\"" + account.workspaceId() + "\"}")
                .path("customers")
                .get(0)
                .path("id")
                .asString();
        Ids ids = new Ids(
                account.workspaceId(),
                invoice.path("id").asString(),
                invoice.path("number").asString(),
                customer);
        Map<String, List<ObjectNode>> inputs = new java.util.TreeMap<>();
        for (String tool : ToolExamples.names()) {
            inputs.put(tool, ToolExamples.inputs(tool, ids));
        }
        return inputs;
    }

    private JsonNode result(Account account, String tool, String input) {
        return http.post()
                .uri("/api/mcp-server")
                .header("Authorization", "Bearer " + account.key())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tool\":\"" + tool + "\",\"input\":" + input + "}")
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("result");
    }

    /** A call to a real tool whose input is made invalid in one to three ways. */
    private String brokenCall(String tool, Map<String, List<ObjectNode>> valid) {
        List<ObjectNode> examples = valid.get(tool);
        ObjectNode input = examples.get(random.nextInt(examples.size())).deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            breakOne(input);
        }
        ObjectNode call = JsonNodeFactory.instance.objectNode();
        call.put("tool", tool);
        call.set("input", input);
        return call.toString();
    }

    private void breakOne(ObjectNode input) {
        List<String> fields = new ArrayList<>(input.propertyNames());
        String field = fields.isEmpty() ? null : fields.get(random.nextInt(fields.size()));
        List<Function<String, Boolean>> ways = List.of(
                f -> {
                    input.put("unexpected_" + random.nextInt(1000), randomText(8));
                    return true;
                },
                f -> f != null
                        && set(
                                input,
                                f,
                                random.nextBoolean()
                                        ? JsonNodeFactory.instance.numberNode(random.nextInt())
                                        : JsonNodeFactory.instance.booleanNode(true))
                        && !f.equals("limit"),
                f -> f != null
                        && set(input, f, JsonNodeFactory.instance.arrayNode().add(randomText(3))),
                f -> f != null
                        && set(input, f, JsonNodeFactory.instance.objectNode().put("x", 1)),
                f -> f != null && set(input, f, JsonNodeFactory.instance.nullNode()),
                f -> f != null && set(input, f, JsonNodeFactory.instance.stringNode(randomText(5000))),
                f -> f != null
                        && input.has("limit")
                        && set(
                                input,
                                "limit",
                                JsonNodeFactory.instance.numberNode(
                                        random.nextBoolean() ? 101 + random.nextInt(100000) : -random.nextInt(1000))),
                f -> f != null && input.has("limit") && set(input, "limit", JsonNodeFactory.instance.numberNode(2.5)),
                f -> input.has("status") && set(input, "status", JsonNodeFactory.instance.stringNode(randomText(6))),
                f -> input.has("workspace_id")
                        && set(input, "workspace_id", JsonNodeFactory.instance.stringNode("ws_" + randomText(20))),
                f -> input.has("workspace_id") && set(input, "workspace_id", JsonNodeFactory.instance.stringNode("")),
                f -> input.has("company_email")
                        && set(input, "company_email", JsonNodeFactory.instance.stringNode(randomText(10))),
                f -> input.has("currency")
                        && set(input, "currency", JsonNodeFactory.instance.stringNode(unknownCurrency())),
                f -> input.has("invoice_id")
                        && set(input, "invoice_id", JsonNodeFactory.instance.stringNode("inv_" + randomText(20))),
                f -> input.has("workspace_id")
                        && set(
                                input,
                                "cursor",
                                JsonNodeFactory.instance.stringNode(randomText(1 + random.nextInt(40)))),
                f -> {
                    if (input.has("workspace_id")) {
                        input.remove("workspace_id");
                        return true;
                    }
                    return false;
                },
                // dates of the right shape that are not real, and zones that do not exist
                f -> f != null
                        && (f.endsWith("from") || f.endsWith("before"))
                        && set(
                                input,
                                f,
                                JsonNodeFactory.instance.stringNode(
                                        random.nextBoolean() ? "2026-02-30" : "2026-11-01T24:61:00+25:00")),
                f -> input.has("time_zone")
                        && set(input, "time_zone", JsonNodeFactory.instance.stringNode("Nowhere/" + randomLetters(6))),
                // a range whose end comes before its start
                f -> {
                    for (String from : List.copyOf(input.propertyNames())) {
                        String before = from.replaceAll("from$", "before");
                        if (from.endsWith("from") && input.has(before)) {
                            JsonNode start = input.get(from);
                            input.set(from, input.get(before));
                            input.set(before, start);
                            return !start.equals(input.get(from));
                        }
                    }
                    return false;
                });
        // keep trying until one way applies; the catch-all first way always does
        for (int attempt = 0; attempt < 20; attempt++) {
            if (ways.get(random.nextInt(ways.size())).apply(field)) {
                return;
            }
        }
        ways.get(0).apply(field);
    }

    private static boolean set(ObjectNode input, String field, JsonNode value) {
        input.set(field, value);
        return true;
    }

    private String unknownCurrency() {
        while (true) {
            String code = randomLetters(3).toUpperCase();
            boolean known = Currency.getAvailableCurrencies().stream()
                    .anyMatch(c -> c.getCurrencyCode().equals(code));
            if (!known) {
                return code;
            }
        }
    }

    private String garbageBody() {
        return switch (random.nextInt(8)) {
            case 0 -> randomText(random.nextInt(200));
            case 1 -> "[" + random.nextInt() + "]";
            case 2 -> "{\"tool\":" + random.nextInt() + "}";
            case 3 -> "{\"tool\":\"" + randomLetters(12) + "\",\"input\":{}}";
            case 4 -> "{\"tool\":\"list_invoices\",\"input\":" + random.nextInt() + "}";
            case 5 -> "{\"input\":{}}";
            case 6 -> "{\"tool\":\"list_workspaces\",\"input\":{}," + randomText(10);
            default -> "\"" + randomText(30) + "\"";
        };
    }

    private static final String PUNCTUATION = "{}[]\",:\\%_'<>";

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.append(
                    kind < 6
                            ? (char) ('a' + random.nextInt(26))
                            : kind < 8
                                    ? PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))
                                    : kind < 9
                                            ? (char) (0x00C0 + random.nextInt(0x0180))
                                            : (char) random.nextInt(0x20));
        }
        return text.toString();
    }

    private String randomLetters(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private ObjectNode object(String text) {
        return (ObjectNode) json.readTree(text);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
