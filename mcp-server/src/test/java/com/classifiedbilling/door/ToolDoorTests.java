package com.classifiedbilling.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.door.ToolCaller.Answer;
import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.ToolResponses;
import com.classifiedbilling.tool.ToolRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The same cases through every door. Each subclass names its door; every answer is compared with
 * the JSON door's answer to the same call, and must be equal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ToolDoorTests extends PostgresIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Account account;

    Account stranger;

    ToolCaller door;

    ToolCaller reference;

    /** The door under test, calling as the given key. */
    protected abstract ToolCaller caller(int port, String key);

    @BeforeEach
    void open() {
        BillingFixture fixture = new BillingFixture(context);
        account = fixture.account("Advance");
        stranger = fixture.account("Starter");
        door = caller(port, account.key());
        reference = new LegacyCaller(port, account.key());
    }

    @AfterEach
    void close() {
        door.close();
    }

    @Test
    void aReadOnlyKeySeesOnlyTheReadToolsAndAWriteCallSaysTheKeyIsReadOnly() {
        List<ToolRegistry.Descriptor> all = context.getBean(ToolRegistry.class).descriptors();
        List<String> readTools = all.stream()
                .filter(tool -> tool.hints().readOnly())
                .map(ToolRegistry.Descriptor::name)
                .toList();
        String before = database.snapshot();
        try (ToolCaller readOnly = caller(port, new BillingFixture(context).readOnlyKey(account))) {
            readOnly.toolNames().ifPresent(names -> assertThat(names).containsExactlyElementsOf(readTools));
            door.toolNames()
                    .ifPresent(names -> assertThat(names)
                            .containsExactlyElementsOf(all.stream()
                                    .map(ToolRegistry.Descriptor::name)
                                    .toList()));

            Answer write = readOnly.call(
                    "create_customer",
                    "{\"workspace_id\":\"" + account.workspaceId() + "\",\"company_name\":\"Read Only Ltd\","
                            + "\"email\":\"ro@example.com\"}");

            assertThat(write.error())
                    .isEqualTo("This API key is read-only: it may not use create_customer, which needs"
                            + " the billing:write scope. Use a key with write access.");
            assertThat(readOnly.call("list_workspaces", "{}").isError()).isFalse();
        }
        assertThat(readTools).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(database.snapshot()).isEqualTo(before);
    }

    @Test
    void everyReadToolShouldAnswerAsTheJsonDoorDoes() {
        String ws = "\"workspace_id\":\"" + account.workspaceId() + "\"";
        String[][] calls = {
            {"list_workspaces", "{}"},
            {"get_workspace_summary", "{" + ws + "}"},
            {"list_customers", "{" + ws + ",\"search\":\"ACME\"}"},
            {"list_customers", "{" + ws + "}"},
            {"list_invoices", "{" + ws + ",\"status\":\"Due\",\"limit\":5}"},
            {"list_invoices", "{" + ws + "}"},
            {"get_overdue_invoices", "{" + ws + ",\"limit\":3}"},
            {"get_revenue_summary", "{" + ws + "}"},
        };
        for (String[] call : calls) {
            Answer answer = door.call(call[0], call[1]);
            assertThat(answer.isError()).as(call[0] + " " + answer.error()).isFalse();
            ToolResponses.assertMatchesOutputSchema(call[0], answer.result());
            assertThat(answer).as(call[0] + " " + call[1]).isEqualTo(reference.call(call[0], call[1]));
        }
    }

    @Test
    void badInputShouldGetTheJsonDoorsMessage() {
        String ws = "\"workspace_id\":\"" + account.workspaceId() + "\"";
        String[][] calls = {
            {"list_invoices", "{" + ws + ",\"limit\":0}", "Field 'limit' must be a whole number from 1 to 100."},
            {"list_invoices", "{" + ws + ",\"status\":\"Overdue\"}", "Field 'status' must be one of: Due, Paid, all."},
            {"list_customers", "{}", "Missing required field 'workspace_id'."},
            {"get_workspace_summary", "{" + ws + ",\"extra\":1}", "Unknown field 'extra'. Allowed fields: workspace_id."
            },
            {
                "get_workspace_summary",
                "{\"workspace_id\":\"" + stranger.workspaceId() + "\"}",
                "Workspace not found or access denied."
            },
            {
                "mark_invoice_paid",
                "{" + ws + ",\"invoice_id\":\"inv_00000000000000000000\"}",
                "Invoice not found in this workspace."
            },
        };
        for (String[] call : calls) {
            Answer answer = door.call(call[0], call[1]);
            assertThat(answer.error()).as(call[0] + " " + call[1]).isEqualTo(call[2]);
            assertThat(answer).isEqualTo(reference.call(call[0], call[1]));
        }
    }

    @Test
    void writeToolsShouldWriteOnceAndAnswerInTheirShape() {
        String ws = "\"workspace_id\":\"" + account.workspaceId() + "\"";
        String invoice = reference
                .call("list_invoices", "{" + ws + ",\"status\":\"Due\",\"limit\":1}")
                .result()
                .path("invoices")
                .get(0)
                .path("id")
                .asString();
        String pay = "{" + ws + ",\"invoice_id\":\"" + invoice + "\",\"payment_method\":\"Stripe\"}";

        Answer paid = door.call("mark_invoice_paid", pay);
        ToolResponses.assertMatchesOutputSchema("mark_invoice_paid", paid.result());
        assertThat(paid.result().path("already_paid").asBoolean()).isFalse();
        Answer again = door.call("mark_invoice_paid", pay);
        assertThat(again.result().path("already_paid").asBoolean()).isTrue();
        assertThat(again).isEqualTo(reference.call("mark_invoice_paid", pay));

        String customer = "{" + ws + ",\"company_name\":\"Door Co\",\"company_email\":\"a@door.example\","
                + "\"currency\":\"EUR\",\"contact_first_name\":\"Dora\",\"contact_last_name\":\"Door\","
                + "\"contact_email\":\"dora@door.example\",\"address\":\"1 Gate\",\"city\":\"Porto\","
                + "\"state\":\"Porto\",\"zip\":\"4000\",\"country\":\"Portugal\",\"idempotency_key\":\"door-1\"}";
        Answer created = door.call("create_customer", customer);
        assertThat(created.error()).as("create_customer").isNull();
        ToolResponses.assertMatchesOutputSchema("create_customer", created.result());
        assertThat(reference.call("create_customer", customer)).isEqualTo(created);
        assertThat(database.count("SELECT COUNT(*) FROM customers WHERE company_name = 'Door Co' AND workspace_id = '"
                        + account.workspaceId() + "'"))
                .isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM audit_events WHERE target_id IN ('" + invoice + "', '"
                        + created.result().path("customer").path("id").asString() + "')"))
                .isEqualTo(2);
    }
}
