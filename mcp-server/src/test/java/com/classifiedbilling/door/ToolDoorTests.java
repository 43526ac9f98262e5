package com.classifiedbilling.door;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.door.ToolCaller.Answer;
import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.ToolExamples;
import com.classifiedbilling.support.ToolExamples.Ids;
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
import tools.jackson.databind.node.ObjectNode;

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
        Ids ids = ids();
        List<String> readTools = tools(true);
        for (String tool : readTools) {
            for (ObjectNode example : ToolExamples.inputs(tool, ids)) {
                String input = example.toString();
                Answer answer = door.call(tool, input);
                assertThat(answer.isError())
                        .as(tool + " " + input + " " + answer.error())
                        .isFalse();
                ToolResponses.assertMatchesOutputSchema(tool, answer.result());
                assertThat(answer).as(tool + " " + input).isEqualTo(reference.call(tool, input));
            }
        }
        assertThat(readTools).isNotEmpty();
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
        Ids ids = ids();
        long customersBefore =
                database.count("SELECT COUNT(*) FROM customers WHERE workspace_id = '" + account.workspaceId() + "'");
        int n = 0;
        for (String tool : tools(false)) {
            assertThat(ToolExamples.takes(tool, "idempotency_key"))
                    .as(tool + " takes an idempotency key")
                    .isTrue();
            for (ObjectNode example : ToolExamples.inputs(tool, ids)) {
                String input = example.put("idempotency_key", "door-" + n++).toString();
                Answer first = door.call(tool, input);
                assertThat(first.error()).as(tool + " " + input).isNull();
                ToolResponses.assertMatchesOutputSchema(tool, first.result());
                // a retry with the same key, through the other door, gets the same answer
                assertThat(reference.call(tool, input)).as(tool + " " + input).isEqualTo(first);
            }
        }
        // the examples name the same invoice by id and by number: paid once, then found paid
        Answer again = door.call("mark_invoice_paid", ToolExamples.input("mark_invoice_paid", ids));
        assertThat(again.result().path("already_paid").asBoolean()).isTrue();
        assertThat(again).isEqualTo(reference.call("mark_invoice_paid", ToolExamples.input("mark_invoice_paid", ids)));
        assertThat(database.count(
                        "SELECT COUNT(*) FROM audit_events WHERE action = 'mark_invoice_paid' AND target_id = '"
                                + ids.invoiceId() + "'"))
                .isEqualTo(1);
        assertThat(database.count(
                        "SELECT COUNT(*) FROM customers WHERE workspace_id = '" + account.workspaceId() + "'"))
                .isEqualTo(customersBefore
                        + ToolExamples.declared("create_customer").size());
    }

    /** The registry's read tools, or its write tools. */
    private List<String> tools(boolean readOnly) {
        return context.getBean(ToolRegistry.class).descriptors().stream()
                .filter(tool -> tool.hints().readOnly() == readOnly)
                .map(ToolRegistry.Descriptor::name)
                .toList();
    }

    /** The ids of the account's demo data that the examples' ids stand for. */
    private Ids ids() {
        String ws = "{\"workspace_id\":\"" + account.workspaceId() + "\"";
        var due = reference
                .call("list_invoices", ws + ",\"status\":\"Due\",\"limit\":1}")
                .result()
                .path("invoices")
                .get(0);
        String customer = reference
                .call("list_customers", ws + "}")
                .result()
                .path("customers")
                .get(0)
                .path("id")
                .asString();
        return new Ids(
                account.workspaceId(),
                due.path("id").asString(),
                due.path("number").asString(),
                customer);
    }
}
