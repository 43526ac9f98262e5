package com.classifiedbilling.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.ToolExamples;
import com.classifiedbilling.support.ToolExamples.Ids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One user's credential against another user's workspace, customers and invoices, on every tool
 * with every declared example input: every answer is the same 404 an unknown id gets, and nothing changes.
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

    String victimNumber;

    String victimCustomer;

    @BeforeEach
    void accounts() {
        BillingFixture fixture = new BillingFixture(context);
        victim = fixture.account("Standard");
        intruder = fixture.account("Starter");
        JsonNode invoice = call(
                        victim.key(),
                        "list_invoices",
                        "{\"workspace_id\":\"" + victim.workspaceId() + "\",\"status\":\"Due\",\"limit\":1}")
                .path("result")
                .path("invoices")
                .get(0);
        victimInvoice = invoice.path("id").asString();
        victimNumber = invoice.path("number").asString();
        victimCustomer = call(victim.key(), "list_customers", "{\"workspace_id\":\"" + victim.workspaceId() + "\"}")
                .path("result")
                .path("customers")
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

        Ids theirIds = new Ids(victim.workspaceId(), victimInvoice, victimNumber, victimCustomer);
        int tried = 0;
        for (String tool : ToolExamples.names()) {
            for (ObjectNode input : ToolExamples.inputs(tool, theirIds)) {
                if (!input.has("workspace_id")) {
                    continue;
                }
                expectNotFound(tool, input.toString(), NOT_FOUND);
                if (ToolExamples.takes(tool, "idempotency_key")) {
                    expectNotFound(
                            tool, input.put("idempotency_key", "k" + tried).toString(), NOT_FOUND);
                }
                tried++;
            }
        }
        assertThat(tried).isGreaterThanOrEqualTo(ToolExamples.names().size() - 1);
        // the intruder's own workspace with the victim's invoice id (a number names an invoice of the
        // workspace it is given with: the intruder's demo data has the victim's numbers too)
        for (ObjectNode input :
                ToolExamples.inputs("mark_invoice_paid", new Ids(intruder.workspaceId(), victimInvoice, null, null))) {
            if (input.has("invoice_id")) {
                expectNotFound("mark_invoice_paid", input.toString(), "Invoice not found in this workspace.");
            }
        }
        // ... and with the victim's customer or invoice number as a filter: none of the victim's invoices
        // (numbers are the workspace's own: the intruder's demo data has the same ones)
        for (ObjectNode input : ToolExamples.inputs(
                "list_invoices", new Ids(intruder.workspaceId(), null, victimNumber, victimCustomer))) {
            JsonNode filtered = call(intruder.key(), "list_invoices", input.toString());
            assertThat(filtered.path("result").path("invoices").findValuesAsString("id"))
                    .as(input.toString())
                    .doesNotContain(victimInvoice);
            if (input.has("customer_id")) {
                assertThat(filtered.path("result").path("invoices"))
                        .as(input.toString())
                        .isEmpty();
            }
        }

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
