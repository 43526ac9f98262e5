package com.classifiedbilling.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * One user's credential against another user's workspace, customers and invoices, on all eight
 * tools: every answer is the same 404 an unknown id gets, and nothing changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class TenantIsolationIT extends PostgresIntegrationTest {

    static final String NOT_FOUND = "Workspace not found or access denied.";

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    Account victim;

    Account intruder;

    String victimInvoice;

    @BeforeEach
    void accounts() {
        BillingFixture fixture = new BillingFixture(context);
        victim = fixture.account("Standard");
        intruder = fixture.account("Starter");
        victimInvoice = call(
                        victim.key(),
                        "list_invoices",
                        "{\"workspace_id\":\"" + victim.workspaceId() + "\",\"status\":\"Due\",\"limit\":1}")
                .path("result")
                .path("invoices")
                .get(0)
                .path("id")
                .asString();
    }

    @Test
    void shouldKeepEveryToolOfOneUserAwayFromAnothersData() {
        String before = database.snapshot();
        String theirs = "{\"workspace_id\":\"" + victim.workspaceId() + "\"}";

        JsonNode listed = call(intruder.key(), "list_workspaces", "{}");
        assertThat(listed.path("result").path("workspaces").findValuesAsString("id"))
                .containsExactly(intruder.workspaceId());

        for (String tool : new String[] {
            "get_workspace_summary", "list_customers", "list_invoices", "get_overdue_invoices", "get_revenue_summary"
        }) {
            expectNotFound(tool, theirs, NOT_FOUND);
        }
        expectNotFound(
                "list_customers", "{\"workspace_id\":\"" + victim.workspaceId() + "\",\"search\":\"a\"}", NOT_FOUND);
        expectNotFound("create_customer", LegacyDoorIT.pageCustomer(victim.workspaceId()), NOT_FOUND);
        expectNotFound(
                "create_customer",
                LegacyDoorIT.pageCustomer(victim.workspaceId()).replace("}", ",\"idempotency_key\":\"k1\"}"),
                NOT_FOUND);
        expectNotFound(
                "mark_invoice_paid",
                "{\"workspace_id\":\"" + victim.workspaceId() + "\",\"invoice_id\":\"" + victimInvoice + "\"}",
                NOT_FOUND);
        expectNotFound(
                "mark_invoice_paid",
                "{\"workspace_id\":\"" + victim.workspaceId() + "\",\"invoice_id\":\"" + victimInvoice
                        + "\",\"idempotency_key\":\"k2\"}",
                NOT_FOUND);
        // the intruder's own workspace with the victim's invoice id
        expectNotFound(
                "mark_invoice_paid",
                "{\"workspace_id\":\"" + intruder.workspaceId() + "\",\"invoice_id\":\"" + victimInvoice + "\"}",
                "Invoice not found in this workspace.");

        assertThat(database.snapshot()).isEqualTo(before);
    }

    @Test
    void shouldAnswerSomeoneElsesWorkspaceExactlyLikeOneThatDoesNotExist() {
        JsonNode foreign =
                call(intruder.key(), "get_revenue_summary", "{\"workspace_id\":\"" + victim.workspaceId() + "\"}");
        JsonNode missing =
                call(intruder.key(), "get_revenue_summary", "{\"workspace_id\":\"ws_00000000000000000000\"}");

        assertThat(foreign).isEqualTo(missing);
    }

    private void expectNotFound(String tool, String input, String message) {
        JsonNode body = http.post()
                .uri("/api/mcp-server")
                .header("Authorization", "Bearer " + intruder.key())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tool\":\"" + tool + "\",\"input\":" + input + "}")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(body.path("error").asString()).as(tool + " " + input).isEqualTo(message);
    }

    private JsonNode call(String key, String tool, String input) {
        return http.post()
                .uri("/api/mcp-server")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tool\":\"" + tool + "\",\"input\":" + input + "}")
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
