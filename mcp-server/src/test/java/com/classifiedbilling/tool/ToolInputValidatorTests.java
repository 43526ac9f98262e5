package com.classifiedbilling.tool;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classifiedbilling.billing.BillingException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ToolInputValidatorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ToolInputValidator listInvoices =
            new ToolInputValidator("list_invoices", ToolSchemaContractTests.schema("list_invoices.input.json"));

    private final ToolInputValidator createCustomer =
            new ToolInputValidator("create_customer", ToolSchemaContractTests.schema("create_customer.input.json"));

    @Test
    void whenInputIsValidThenNoError() {
        assertThatCode(() -> listInvoices.validate(
                        JSON.readTree("{\"workspace_id\":\"ws_1\",\"status\":\"Due\",\"limit\":10}")))
                .doesNotThrowAnyException();
    }

    @Test
    void whenLimitOutOfRangeOrNotANumberThenSaysTheRange() {
        for (String limit : new String[] {"0", "101", "\"ten\"", "10.5", "-1", "1e9", "null"}) {
            expect(
                    listInvoices,
                    "{\"workspace_id\":\"ws_1\",\"limit\":" + limit + "}",
                    "Field 'limit' must be a whole number from 1 to 100.");
        }
    }

    @Test
    void whenStatusUnknownThenListsTheAllowedValues() {
        expect(
                listInvoices,
                "{\"workspace_id\":\"ws_1\",\"status\":\"Overdue\"}",
                "Field 'status' must be one of: Due, Paid, all.");
    }

    @Test
    void whenRequiredFieldMissingThenNamesIt() {
        expect(listInvoices, "{}", "Missing required field 'workspace_id'.");
    }

    @Test
    void whenUnknownFieldThenNamesItAndTheAllowedOnes() {
        expect(
                listInvoices,
                "{\"workspace_id\":\"ws_1\",\"page\":2}",
                "Unknown field 'page'. Allowed fields: cursor, customer_id, due_before, due_from, issued_before, "
                        + "issued_from, limit, number, paid_before, paid_from, status, time_zone, workspace_id.");
    }

    @Test
    void shouldLeaveEmailChecksToTheDomainSoThatPrivateDomainsPass() {
        assertThatCode(() ->
                        createCustomer.validate(JSON.readTree(customer("company_email", "\"a@billing.internal\""))))
                .doesNotThrowAnyException();
    }

    @Test
    void whenStringTooLongOrEmptyThenGivesTheLimit() {
        expect(
                createCustomer,
                customer("zip", "\"" + "9".repeat(21) + "\""),
                "Field 'zip' must be at most 20 characters.");
        expect(createCustomer, customer("city", "\"\""), "Field 'city' must not be empty.");
    }

    @Test
    void whenCurrencyHasWrongShapeThenDescribesIt() {
        expect(
                createCustomer,
                customer("currency", "\"dollars\""),
                "Field 'currency' is not valid: ISO 4217 currency code, e.g. USD, EUR, GBP.");
    }

    @Test
    void whenFieldHasWrongTypeThenNamesTheType() {
        expect(createCustomer, customer("company_name", "42"), "Field 'company_name' must be a string.");
    }

    @Test
    void whenAStringHoldsANulCharacterThenRefusedNamingTheField() {
        expect(
                listInvoices,
                "{\"workspace_id\":\"ws_1\",\"cursor\":\"a\\u0000b\"}",
                "Field 'cursor' contains a NUL character (\\u0000), which is not allowed.");
    }

    @Test
    void whenAnIdHasCharactersNoIdHasThenRefused() {
        expect(
                listInvoices,
                "{\"workspace_id\":\"ws_1'; DROP TABLE invoices;--\"}",
                "Field 'workspace_id' is not valid: ID of the workspace, from list_workspaces.");
    }

    private static String customer(String field, String value) {
        String valid = "{\"workspace_id\":\"ws_1\",\"company_name\":\"Acme\",\"company_email\":\"a@acme.com\","
                + "\"currency\":\"USD\",\"contact_first_name\":\"J\",\"contact_last_name\":\"S\","
                + "\"contact_email\":\"j@acme.com\",\"address\":\"1 Main St\",\"city\":\"NY\",\"state\":\"NY\","
                + "\"zip\":\"10001\",\"country\":\"US\"}";
        return valid.replaceFirst(
                "\"" + field + "\":(\"[^\"]*\"|[0-9]+)",
                "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(value));
    }

    private static void expect(ToolInputValidator validator, String input, String message) {
        assertThatThrownBy(() -> validator.validate(JSON.readTree(input)))
                .as(input)
                .isInstanceOf(BillingException.class)
                .hasMessage(message)
                .extracting(e -> ((BillingException) e).kind())
                .isEqualTo(BillingException.Kind.INVALID_INPUT);
    }
}
