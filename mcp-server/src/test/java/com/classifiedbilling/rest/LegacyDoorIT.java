package com.classifiedbilling.rest;

import static com.classifiedbilling.support.ToolResponses.assertMatchesOutputSchema;
import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.auth.apikey.ApiKeyService;
import com.classifiedbilling.auth.apikey.IssuedApiKey;
import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.ToolExamples;
import com.classifiedbilling.tool.BillingTool;
import com.classifiedbilling.tool.ToolCall;
import com.classifiedbilling.tool.ToolHints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/mcp-server} as the API page documents it, on the real PostgreSQL: every example
 * request, every row of the error table, and the additions (cursors, idempotency keys).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class LegacyDoorIT extends PostgresIntegrationTest {

    /** A tool that fails the way a bug would, to see what a caller gets for an unexpected error. */
    @TestConfiguration
    static class ExplodingTool {
        @Bean
        BillingTool<Object, Object> explodeForTest() {
            return new BillingTool<>() {
                public String name() {
                    return "explode_for_test";
                }

                public String title() {
                    return "Explode";
                }

                public String description() {
                    return "Fails with an unexpected exception, for tests.";
                }

                public ToolHints hints() {
                    return ToolHints.READ_ONLY;
                }

                public Class<Object> inputType() {
                    return Object.class;
                }

                public Mono<Object> call(ToolCall call, Object input) {
                    return Mono.error(new IllegalStateException("internal detail: SELECT * FROM secrets"));
                }
            };
        }
    }

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    BillingFixture fixture;

    Account account;

    @BeforeEach
    void account() {
        fixture = new BillingFixture(context);
        account = fixture.account("Advance");
    }

    @Test
    void shouldAnswerTheQuickStartAsThePageShows() {
        JsonNode result = ok(account.key(), "list_workspaces", "{}");

        assertMatchesOutputSchema("list_workspaces", result);
        JsonNode workspace = result.path("workspaces").get(0);
        assertThat(workspace.path("id").asString()).isEqualTo(account.workspaceId());
        assertThat(workspace.path("title").asString()).isEqualTo("Demo Studio");
        assertThat(workspace.path("workspaceUrlSlug").asString()).startsWith("demo-studio-");
        assertThat(workspace.path("businessDetails").path("businessName").asString())
                .isEqualTo("Demo Studio Ltd");
        assertThat(workspace.path("businessDetails").path("businessEmail").asString())
                .isEqualTo("billing@demo-studio.example");
        assertThat(result.path("total").asInt()).isEqualTo(1);
    }

    @Test
    void whenInputIsLeftOutThenTreatedAsEmpty() {
        JsonNode body = post(account.key(), "{\"tool\":\"list_workspaces\"}")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(body.path("result").path("workspaces")).hasSize(1);
    }

    @Test
    void shouldAnswerEveryExampleOfThePageInItsShape() {
        String ws = account.workspaceId();

        JsonNode summary = ok(account.key(), "get_workspace_summary", "{\"workspace_id\":\"" + ws + "\"}");
        assertMatchesOutputSchema("get_workspace_summary", summary);
        assertThat(summary.path("business").asString()).isEqualTo("Demo Studio Ltd");
        assertThat(summary.path("counts").path("serviceItems").asInt()).isEqualTo(4);
        assertThat(summary.path("counts").path("teamMembers").asInt()).isEqualTo(1);
        assertThat(summary.path("invoices_by_status").get(0).path("status").asString())
                .isEqualTo("Due");

        JsonNode customers =
                ok(account.key(), "list_customers", "{\"workspace_id\":\"" + ws + "\",\"search\":\"acme\"}");
        assertMatchesOutputSchema("list_customers", customers);
        assertThat(customers.path("total").asInt()).isEqualTo(1);
        JsonNode acme = customers.path("customers").get(0);
        assertThat(acme.path("companyName").asString()).isEqualTo("Acme Corp");
        assertThat(acme.path("companyCurrency").asString()).isEqualTo("USD");
        assertThat(acme.path("companyCountry").asString()).isEqualTo("United States");
        assertThat(acme.path("companyContactPersonEmail").asString()).contains("@");

        JsonNode created = ok(account.key(), "create_customer", pageCustomer(ws));
        assertMatchesOutputSchema("create_customer", created);
        assertThat(created.path("customer").path("companyName").asString()).isEqualTo("Acme Corp");
        assertThat(created.path("customer").path("companyContactPersonEmail").asString())
                .isEqualTo("john@acme.com");

        JsonNode invoices =
                ok(account.key(), "list_invoices", "{\"workspace_id\":\"" + ws + "\",\"status\":\"Due\",\"limit\":10}");
        assertMatchesOutputSchema("list_invoices", invoices);
        assertThat(invoices.path("invoices")).hasSize(10);
        assertThat(invoices.path("total").asInt()).isEqualTo(10);
        JsonNode invoice = invoices.path("invoices").get(0);
        assertThat(invoice.path("status").asString()).isEqualTo("Due");
        assertThat(invoice.path("amount").isNumber()).isTrue();
        assertThat(invoice.path("issued").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        JsonNode overdue = ok(account.key(), "get_overdue_invoices", "{\"workspace_id\":\"" + ws + "\"}");
        assertMatchesOutputSchema("get_overdue_invoices", overdue);
        assertThat(overdue.path("count").asInt())
                .isEqualTo(overdue.path("overdue_invoices").size());
        assertThat(overdue.path("total_overdue_amount").isNumber()).isTrue();
        assertThat(overdue.path("overdue_invoices").get(0).path("due_date").asString())
                .endsWith("Z");

        String invoiceId = invoice.path("id").asString();
        JsonNode paid = ok(
                account.key(),
                "mark_invoice_paid",
                "{\"workspace_id\":\"" + ws + "\",\"invoice_id\":\"" + invoiceId
                        + "\",\"payment_method\":\"Bank Transfer\"}");
        assertMatchesOutputSchema("mark_invoice_paid", paid);
        assertThat(paid.path("invoice").path("status").asString()).isEqualTo("Paid");
        assertThat(paid.path("invoice").path("payment_method").asString()).isEqualTo("Bank Transfer");
        assertThat(paid.path("already_paid").asBoolean()).isFalse();

        JsonNode revenue = ok(account.key(), "get_revenue_summary", "{\"workspace_id\":\"" + ws + "\"}");
        assertMatchesOutputSchema("get_revenue_summary", revenue);
        assertThat(revenue.path("total_invoices").asInt()).isEqualTo(36);
        assertThat(revenue.path("paid_invoices").asInt()).isEqualTo(13);
        assertThat(revenue.path("unpaid_invoices").asInt()).isEqualTo(23);
        assertThat(revenue.path("currency").asString()).isEqualTo("USD");
        assertThat(revenue.path("by_currency")).hasSize(2);
    }

    @Test
    void whenPaidTwiceThenSecondChangesNothingAndSaysAlreadyPaid() {
        String ws = account.workspaceId();
        String invoiceId = firstDueInvoice();
        String call =
                "{\"workspace_id\":\"" + ws + "\",\"invoice_id\":\"" + invoiceId + "\",\"payment_method\":\"%s\"}";
        JsonNode first = ok(account.key(), "mark_invoice_paid", call.formatted("Stripe"));
        String before = database.snapshot();

        JsonNode second = ok(account.key(), "mark_invoice_paid", call.formatted("Cash"));

        assertThat(second.path("already_paid").asBoolean()).isTrue();
        assertThat(second.path("invoice").path("payment_method").asString()).isEqualTo("Stripe");
        assertThat(second.path("invoice").path("paid_at"))
                .isEqualTo(first.path("invoice").path("paid_at"));
        assertThat(database.snapshot()).isEqualTo(before);
    }

    // --- the error table -------------------------------------------------------------------------

    @Test
    void whenInputMissingOrInvalidThen400NamingTheField() {
        String ws = account.workspaceId();
        error(account.key(), "list_invoices", "{}", 400, "Missing required field 'workspace_id'.");
        for (String limit : new String[] {"0", "101", "\"ten\""}) {
            error(
                    account.key(),
                    "list_invoices",
                    "{\"workspace_id\":\"" + ws + "\",\"limit\":" + limit + "}",
                    400,
                    "Field 'limit' must be a whole number from 1 to 100.");
        }
        error(
                account.key(),
                "list_invoices",
                "{\"workspace_id\":\"" + ws + "\",\"status\":\"Overdue\"}",
                400,
                "Field 'status' must be one of: Due, Paid, all.");
        error(
                account.key(),
                "list_invoices",
                "{\"workspace_id\":\"" + ws + "\",\"cursor\":\"nonsense\"}",
                400,
                "Field 'cursor' is not a cursor from this tool: pass the next_cursor of the previous page unchanged.");
        error(
                account.key(),
                "get_workspace_summary",
                "{\"workspace_id\":\"" + ws + "\",\"year\":2025}",
                400,
                "Unknown field 'year'. Allowed fields: workspace_id.");
    }

    @Test
    void whenCreateCustomerLacksAnyRequiredFieldThen400NamingItAndNothingWritten() throws Exception {
        String before = database.snapshot();
        ObjectNode valid = (ObjectNode) json.readTree(pageCustomer(account.workspaceId()));
        for (String field : List.of(
                "company_name",
                "company_email",
                "currency",
                "contact_first_name",
                "contact_last_name",
                "contact_email",
                "address",
                "city",
                "state",
                "zip",
                "country")) {
            ObjectNode input = valid.deepCopy();
            input.remove(field);
            error(account.key(), "create_customer", input.toString(), 400, "Missing required field '" + field + "'.");
            input.put(field, "   ");
            JsonNode blank = post(account.key(), "{\"tool\":\"create_customer\",\"input\":" + input + "}")
                    .expectStatus()
                    .isEqualTo(400)
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(blank.path("error").asString()).as(field).contains("'" + field + "'");
        }
        ObjectNode badEmail = valid.deepCopy();
        badEmail.put("contact_email", "john.acme.com");
        error(
                account.key(),
                "create_customer",
                badEmail.toString(),
                400,
                "Field 'contact_email' must be an email address, like name@example.com.");
        ObjectNode badCurrency = valid.deepCopy();
        badCurrency.put("currency", "ABC");
        error(
                account.key(),
                "create_customer",
                badCurrency.toString(),
                400,
                "Unknown currency code 'ABC'. Use an ISO 4217 code such as USD, EUR or GBP.");

        assertThat(database.snapshot()).isEqualTo(before);
    }

    @Test
    void whenRequestIsNotAToolCallThen4xxWithError() {
        post(account.key(), "{\"tool\":\"list_workspaces\",")
                .expectStatus()
                .isEqualTo(400)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("Request body is not valid JSON (line 1, column 27).");
        post(account.key(), "[1,2]")
                .expectStatus()
                .isEqualTo(400)
                .expectBody()
                .jsonPath("$.error")
                .exists();
        post(account.key(), "")
                .expectStatus()
                .isEqualTo(400)
                .expectBody()
                .jsonPath("$.error")
                .exists();
        post(account.key(), "{\"input\":{}}")
                .expectStatus()
                .isEqualTo(400)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("Missing required field 'tool'.");
        post(account.key(), "{\"tool\":\"list_workspaces\",\"input\":\"x\"}")
                .expectStatus()
                .isEqualTo(400)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("Field 'input' must be an object; pass {} for no input.");
        post(account.key(), "{\"tool\":\"list_workspaces\",\"extra\":1}")
                .expectStatus()
                .isEqualTo(400)
                .expectBody()
                .jsonPath("$.error")
                .value(e -> assertThat((String) e).contains("'extra'"));
    }

    @Test
    void whenCredentialMissingInvalidOrRevokedThen401WithChallenge() {
        http.post()
                .uri("/api/mcp-server")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tool\":\"list_workspaces\",\"input\":{}}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches(
                        "WWW-Authenticate",
                        "Bearer resource_metadata=\"http://localhost:\\d+/\\.well-known/oauth-protected-resource\"")
                .expectBody()
                .jsonPath("$.error")
                .exists();
        post("cb_live_" + "x".repeat(43), "{\"tool\":\"list_workspaces\",\"input\":{}}")
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches(
                        "WWW-Authenticate",
                        "Bearer error=\"invalid_token\", resource_metadata=\"http://localhost:\\d+/"
                                + "\\.well-known/oauth-protected-resource\"")
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("Invalid, expired or revoked API key or access token.");

        ApiKeyService keys = context.getBean(ApiKeyService.class);
        IssuedApiKey doomed = keys.issue(account.user().email(), "doomed").block();
        post(doomed.secret(), "{\"tool\":\"list_workspaces\",\"input\":{}}")
                .expectStatus()
                .isOk();
        keys.revoke(doomed.key().id()).block();
        post(doomed.secret(), "{\"tool\":\"list_workspaces\",\"input\":{}}")
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void whenReadOnlyKeyCallsAWriteToolThen403AndNothingChanges() {
        String readOnly = fixture.readOnlyKey(account);
        String before = database.snapshot();

        error(
                readOnly,
                "create_customer",
                pageCustomer(account.workspaceId()),
                403,
                "This API key is read-only: it may not use create_customer, which needs the billing:write scope."
                        + " Use a key with write access.");
        error(
                readOnly,
                "mark_invoice_paid",
                "{\"workspace_id\":\"" + account.workspaceId() + "\",\"invoice_id\":\"" + firstDueInvoice() + "\"}",
                403,
                "This API key is read-only: it may not use mark_invoice_paid, which needs the billing:write scope."
                        + " Use a key with write access.");

        assertThat(database.snapshot()).isEqualTo(before);
        ok(readOnly, "list_workspaces", "{}");
    }

    @Test
    void whenToolOrResourceUnknownThen404() {
        error(
                account.key(),
                "list_everything",
                "{}",
                404,
                "Unknown tool 'list_everything'. Available tools: "
                        + String.join(", ", withExplodeForTest(ToolExamples.names())) + ".");
        error(
                account.key(),
                "get_workspace_summary",
                "{\"workspace_id\":\"ws_00000000000000000000\"}",
                404,
                "Workspace not found or access denied.");
        error(
                account.key(),
                "mark_invoice_paid",
                "{\"workspace_id\":\"" + account.workspaceId() + "\",\"invoice_id\":\"inv_00000000000000000000\"}",
                404,
                "Invoice not found in this workspace.");
    }

    @Test
    void whenSomethingUnexpectedFailsThen500WithRequestIdAndNoInternals() {
        String body = post(account.key(), "{\"tool\":\"explode_for_test\",\"input\":{}}")
                .expectStatus()
                .isEqualTo(500)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body)
                .startsWith("{\"error\":\"Unexpected server error.")
                .contains("request id")
                .doesNotContain("SELECT", "secrets", "IllegalStateException", "java.", "at com.");
    }

    @Test
    void whenBodyTooLargeWrongTypeOrWrongMethodThen413415405() {
        String huge = "{\"tool\":\"list_workspaces\",\"input\":{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}}";
        post(account.key(), huge)
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("Request body is larger than 1 MiB.");
        http.post()
                .uri("/api/mcp-server")
                .header("Authorization", "Bearer " + account.key())
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("{\"tool\":\"list_workspaces\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.error")
                .exists();
        http.get()
                .uri("/api/mcp-server")
                .header("Authorization", "Bearer " + account.key())
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals("Allow", "POST")
                .expectBody()
                .jsonPath("$.error")
                .exists();
    }

    // --- beyond the page --------------------------------------------------------------------------

    @Test
    void shouldSearchCustomersIgnoringCaseOnNameAndEmail() {
        String ws = account.workspaceId();
        assertThat(ok(account.key(), "list_customers", "{\"workspace_id\":\"" + ws + "\",\"search\":\"gLoBeX\"}")
                        .path("customers")
                        .get(0)
                        .path("companyName")
                        .asString())
                .isEqualTo("Globex Inc");
        assertThat(ok(
                                account.key(),
                                "list_customers",
                                "{\"workspace_id\":\"" + ws + "\",\"search\":\"BILLING@INITECH\"}")
                        .path("customers")
                        .get(0)
                        .path("companyName")
                        .asString())
                .isEqualTo("Initech");
    }

    @Test
    void shouldReadAllInvoicesPageByPageWithTheCursor() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String input = "{\"workspace_id\":\"" + account.workspaceId() + "\",\"limit\":10"
                    + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}";
            JsonNode page = ok(account.key(), "list_invoices", input);
            page.path("invoices").forEach(i -> seen.add(i.path("id").asString()));
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(36);
    }

    @Test
    void whenCreateRetriedWithSameIdempotencyKeyThenOneCustomerAndSameAnswer() {
        String input = pageCustomer(account.workspaceId()).replace("}", ",\"idempotency_key\":\"create-acme-1\"}");
        JsonNode first = ok(account.key(), "create_customer", input);
        JsonNode again = ok(account.key(), "create_customer", input);

        assertThat(again).isEqualTo(first);
        String id = first.path("customer").path("id").asString();
        assertThat(database.count("SELECT COUNT(*) FROM customers WHERE id = '" + id + "'"))
                .isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM customers WHERE workspace_id = '" + account.workspaceId()
                        + "' AND company_name = 'Acme Corp' AND company_email = 'billing@acme.com'"))
                .isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM audit_events WHERE target_id = '" + id + "'"))
                .isEqualTo(1);

        error(
                account.key(),
                "create_customer",
                input.replace("Acme Corp", "Other Corp"),
                409,
                "This idempotency_key was used before with different input; use a new key for a new request.");
    }

    @Test
    void whenTwentyConcurrentCallsShareAnIdempotencyKeyThenExactlyOneCustomer() throws Exception {
        String input = pageCustomer(account.workspaceId())
                .replace("Acme Corp", "Concurrent Co")
                .replace("}", ",\"idempotency_key\":\"concurrent-1\"}");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> post(account.key(), "{\"tool\":\"create_customer\",\"input\":" + input + "}")
                                .returnResult(String.class)
                                .getStatus()
                                .value(),
                        pool));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).allMatch(s -> s == 200 || s == 409).contains(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(database.count("SELECT COUNT(*) FROM customers WHERE company_name = 'Concurrent Co' "
                        + "AND workspace_id = '" + account.workspaceId() + "'"))
                .isEqualTo(1);
    }

    // --- helpers --------------------------------------------------------------------------------

    private String firstDueInvoice() {
        return ok(
                        account.key(),
                        "list_invoices",
                        "{\"workspace_id\":\"" + account.workspaceId() + "\",\"status\":\"Due\",\"limit\":1}")
                .path("invoices")
                .get(0)
                .path("id")
                .asString();
    }

    static String pageCustomer(String workspaceId) {
        return """
                {"workspace_id": "%s", "company_name": "Acme Corp", "company_email": "billing@acme.com",
                 "currency": "USD", "contact_first_name": "John", "contact_last_name": "Smith",
                 "contact_email": "john@acme.com", "address": "123 Main Street", "city": "New York",
                 "state": "NY", "zip": "10001", "country": "United States"}""".formatted(workspaceId);
    }

    private WebTestClient.ResponseSpec post(String key, String body) {
        return http.post()
                .uri("/api/mcp-server")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** The catalog's names and this test's own exploding tool, in name order. */
    private static List<String> withExplodeForTest(List<String> names) {
        List<String> all = new java.util.ArrayList<>(names);
        all.add("explode_for_test");
        return all.stream().sorted().toList();
    }

    private JsonNode ok(String key, String tool, String input) {
        JsonNode body = post(key, "{\"tool\":\"" + tool + "\",\"input\":" + input + "}")
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(body.propertyNames()).containsExactly("result");
        return body.path("result");
    }

    private void error(String key, String tool, String input, int status, String message) {
        JsonNode body = post(key, "{\"tool\":\"" + tool + "\",\"input\":" + input + "}")
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(body.propertyNames()).as(input).containsExactly("error");
        assertThat(body.path("error").asString()).as(input).isEqualTo(message);
    }
}
