package com.classifiedbilling.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import com.classifiedbilling.support.ToolResponses;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * list_invoices' filters, get_revenue_summary's periods, list_customers' search and country, and
 * mark_invoice_paid by number, on hand-made invoices whose dates sit on the edges: a UTC midnight,
 * a millisecond before one, and times that fall in another day or month in Europe/Paris.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class FiltersAndPeriodsIT extends PostgresIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    Account account;

    /** The hand-made workspace, owned by the account's user. */
    String ws;

    @BeforeEach
    void handMadeWorkspace() throws SQLException {
        account = new BillingFixture(context).account("Advance");
        ws = "ws_f" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection sql = database.connect();
                Statement statement = sql.createStatement()) {
            statement.executeUpdate("INSERT INTO workspaces (id, owner_id, title, url_slug, currency, created_at) "
                    + "VALUES ('" + ws + "', '" + account.user().id() + "', 'Edges', '" + ws.replace('_', '-')
                    + "', 'USD', now())");
            customer(sql, "c_acme", "Acme Corp", "billing@acme.com", "John", "Smith", "john@acme.com", "United States");
            customer(
                    sql, "c_globex", "Globex GmbH", "ar@globex.example", "Hans", "Gruber", "hans@globex.de", "Germany");
            customer(
                    sql,
                    "c_initech",
                    "Initech",
                    "ap@initech.com",
                    "Peter",
                    "Gibbons",
                    "peter@initech.com",
                    "united states");
            // number, customer, amount, currency, status, issued, due, paid
            invoice(
                    sql,
                    "i1",
                    "INV-0001",
                    "c_acme",
                    "100.00",
                    "USD",
                    "2026-10-31T23:30:00Z",
                    "2026-11-30T00:00:00Z",
                    "2026-11-01T00:00:00Z");
            invoice(
                    sql,
                    "i2",
                    "INV-0002",
                    "c_acme",
                    "200.00",
                    "USD",
                    "2026-11-01T00:00:00Z",
                    "2026-11-15T00:00:00Z",
                    null);
            invoice(
                    sql,
                    "i3",
                    "INV-0003",
                    "c_globex",
                    "300.00",
                    "EUR",
                    "2026-11-15T12:00:00Z",
                    "2026-12-15T00:00:00Z",
                    "2026-11-30T23:30:00Z");
            invoice(
                    sql,
                    "i4",
                    "INV-0004",
                    "c_initech",
                    "400.00",
                    "USD",
                    "2026-11-30T23:59:59.999Z",
                    "2099-01-01T00:00:00Z",
                    null);
            invoice(
                    sql,
                    "i5",
                    "INV-0005",
                    "c_acme",
                    "50.00",
                    "USD",
                    "2026-12-01T00:00:00Z",
                    "2026-12-31T00:00:00Z",
                    "2026-12-01T10:00:00Z");
            invoice(
                    sql,
                    "i6",
                    "INV-0006",
                    "c_globex",
                    "25.00",
                    "USD",
                    "2026-09-10T08:00:00Z",
                    "2026-10-10T00:00:00Z",
                    null);
        }
    }

    @Test
    void issueDateRangesShouldBeHalfOpenAndReadInTheGivenZone() {
        assertThat(ids(list("\"issued_from\":\"2026-11-01\",\"issued_before\":\"2026-12-01\"")))
                .containsExactly("i4", "i3", "i2");
        // November in Paris starts at 23:00 UTC on 31 October and ends at 23:00 UTC on 30 November
        assertThat(ids(list("\"issued_from\":\"2026-11-01\",\"issued_before\":\"2026-12-01\","
                        + "\"time_zone\":\"Europe/Paris\"")))
                .containsExactly("i3", "i2", "i1");
        // an offset of its own wins over the zone
        assertThat(ids(list("\"issued_from\":\"2026-11-01T00:00:00+01:00\",\"issued_before\":\"2026-11-01T00:00:00Z\","
                        + "\"time_zone\":\"Asia/Tokyo\"")))
                .containsExactly("i1");
        assertThat(ids(list("\"issued_from\":\"2026-11-01T00:00\",\"issued_before\":\"2026-11-01T01:00\","
                        + "\"time_zone\":\"Europe/Paris\"")))
                .containsExactly("i1");
        assertThat(ids(list("\"issued_before\":\"2026-11-01\""))).containsExactly("i1", "i6");
        assertThat(ids(list("\"issued_from\":\"2026-12-01\""))).containsExactly("i5");
    }

    @Test
    void anEmptyRangeShouldHoldNothingAndABackwardOneShouldBeRefused() {
        JsonNode empty = list("\"issued_from\":\"2026-11-01\",\"issued_before\":\"2026-11-01\"");
        assertThat(empty.path("invoices")).isEmpty();
        assertThat(empty.path("total").asInt()).isZero();
        assertThat(empty.path("next_cursor").isNull()).isTrue();
        error(
                "list_invoices",
                "\"paid_from\":\"2026-12-01\",\"paid_before\":\"2026-11-01\"",
                400,
                "Field 'paid_before' must not be earlier than 'paid_from': the period runs from paid_from (included) "
                        + "to paid_before (not included).");
        error(
                "list_invoices",
                "\"due_from\":\"2026-02-30\"",
                400,
                "Field 'due_from' is not a real date or time: give an ISO 8601 date such as 2026-11-01, or a "
                        + "date-time such as 2026-11-01T09:30:00Z.");
        error(
                "list_invoices",
                "\"issued_from\":\"last week\"",
                400,
                "Field 'issued_from' is not valid: Only invoices issued at or after this moment (included): an ISO "
                        + "8601 date such as 2026-11-01 (the start of that day) or date-time such as "
                        + "2026-11-01T09:30:00Z.");
        error(
                "list_invoices",
                "\"time_zone\":\"Mars/Olympus_Mons\"",
                400,
                "Field 'time_zone' is not a time zone known here: give an IANA name such as Europe/Paris or "
                        + "America/New_York, or UTC.");
        error("get_revenue_summary", "\"from\":20261101", 400, "Field 'from' must be a string.");
    }

    @Test
    void customerNumberDueAndPaidFiltersShouldCombine() {
        assertThat(ids(list("\"customer_id\":\"c_acme\""))).containsExactly("i5", "i2", "i1");
        assertThat(ids(list("\"customer_id\":\"c_acme\",\"status\":\"Paid\""))).containsExactly("i5", "i1");
        assertThat(ids(list("\"customer_id\":\"c_nobody\""))).isEmpty();
        assertThat(ids(list("\"number\":\"INV-0003\""))).containsExactly("i3");
        assertThat(ids(list("\"number\":\"INV-9999\""))).isEmpty();
        assertThat(ids(list("\"status\":\"Due\",\"due_before\":\"2026-12-02\"")))
                .containsExactly("i2", "i6");
        assertThat(ids(list("\"due_from\":\"2026-12-01\",\"due_before\":\"2027-01-01\"")))
                .containsExactly("i5", "i3");
        // paid at 00:00:00 on 1 November is in November; paid at 23:30 UTC on 30 November too, in UTC
        assertThat(ids(list("\"paid_from\":\"2026-11-01\",\"paid_before\":\"2026-12-01\"")))
                .containsExactly("i3", "i1");
        assertThat(ids(list("\"paid_from\":\"2026-12-01\",\"time_zone\":\"Europe/Paris\"")))
                .containsExactly("i5", "i3");
    }

    @Test
    void aCursorShouldReadOnWithTheSameFilters() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = list("\"issued_from\":\"2026-10-01\",\"issued_before\":\"2026-12-01\",\"limit\":1"
                    + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\""));
            ToolResponses.assertMatchesOutputSchema("list_invoices", page);
            seen.addAll(ids(page));
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactly("i4", "i3", "i2", "i1");
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void aPeriodShouldSumWhatWasIssuedInItAndWhatWasCollectedInIt() {
        JsonNode november = revenue("\"from\":\"2026-11-01\",\"before\":\"2026-12-01\"");
        ToolResponses.assertMatchesOutputSchema("get_revenue_summary", november);
        // issued in November (UTC): i2 due, i3 paid (EUR), i4 due
        assertThat(november.path("total_paid").decimalValue()).isEqualByComparingTo("0");
        assertThat(november.path("total_outstanding").decimalValue()).isEqualByComparingTo("600");
        assertThat(november.path("paid_invoices").asLong()).isEqualTo(1);
        assertThat(november.path("unpaid_invoices").asLong()).isEqualTo(2);
        assertThat(november.path("total_invoices").asLong()).isEqualTo(3);
        // paid in November: i1 (USD, at its first instant) and i3 (EUR)
        assertThat(november.path("total_collected").decimalValue()).isEqualByComparingTo("100");
        assertThat(november.path("collected_invoices").asLong()).isEqualTo(2);
        assertThat(currency(november, "EUR").path("total_collected").decimalValue())
                .isEqualByComparingTo("300");
        assertThat(november.path("period").path("from").asString()).isEqualTo("2026-11-01T00:00:00.000Z");
        assertThat(november.path("period").path("before").asString()).isEqualTo("2026-12-01T00:00:00.000Z");
        assertThat(november.path("period").path("time_zone").asString()).isEqualTo("Z");

        // November in Paris: its days do not start at UTC midnights, so both ends are part days
        JsonNode paris = revenue("\"from\":\"2026-11-01\",\"before\":\"2026-12-01\",\"time_zone\":\"Europe/Paris\"");
        assertThat(paris.path("total_paid").decimalValue()).isEqualByComparingTo("100");
        assertThat(paris.path("total_outstanding").decimalValue()).isEqualByComparingTo("200");
        assertThat(paris.path("paid_invoices").asLong()).isEqualTo(2);
        assertThat(paris.path("unpaid_invoices").asLong()).isEqualTo(1);
        assertThat(paris.path("total_collected").decimalValue()).isEqualByComparingTo("100");
        assertThat(paris.path("collected_invoices").asLong()).isEqualTo(1);
        assertThat(paris.path("period").path("from").asString()).isEqualTo("2026-10-31T23:00:00.000Z");
        assertThat(paris.path("period").path("time_zone").asString()).isEqualTo("Europe/Paris");

        // within one day, no whole day at all
        JsonNode evening = revenue("\"from\":\"2026-11-30T12:00:00Z\",\"before\":\"2026-12-01T00:00:00Z\"");
        assertThat(evening.path("total_outstanding").decimalValue()).isEqualByComparingTo("400");
        assertThat(evening.path("total_invoices").asLong()).isEqualTo(1);
        assertThat(evening.path("total_collected").decimalValue()).isEqualByComparingTo("0");
        assertThat(evening.path("collected_invoices").asLong()).isEqualTo(1);

        // open at one end
        JsonNode before = revenue("\"before\":\"2026-11-01\"");
        assertThat(before.path("total_paid").decimalValue()).isEqualByComparingTo("100");
        assertThat(before.path("total_outstanding").decimalValue()).isEqualByComparingTo("25");
        assertThat(before.path("collected_invoices").asLong()).isZero();
        assertThat(before.path("period").path("from").isNull()).isTrue();
        JsonNode since = revenue("\"from\":\"2026-12-01\"");
        assertThat(since.path("total_paid").decimalValue()).isEqualByComparingTo("50");
        assertThat(since.path("total_collected").decimalValue()).isEqualByComparingTo("50");

        JsonNode empty = revenue("\"from\":\"2026-11-01\",\"before\":\"2026-11-01\"");
        assertThat(empty.path("total_invoices").asLong()).isZero();
        assertThat(empty.path("collected_invoices").asLong()).isZero();
    }

    @Test
    void withoutAPeriodTheSummaryShouldBeThePagesAllTimeOne() {
        JsonNode all = revenue("");
        ToolResponses.assertMatchesOutputSchema("get_revenue_summary", all);
        assertThat(all.propertyNames())
                .containsExactly(
                        "total_paid",
                        "total_outstanding",
                        "paid_invoices",
                        "unpaid_invoices",
                        "total_invoices",
                        "currency",
                        "by_currency");
        assertThat(all.path("total_paid").decimalValue()).isEqualByComparingTo("150");
        assertThat(all.path("total_outstanding").decimalValue()).isEqualByComparingTo("625");
        assertThat(all.path("total_invoices").asLong()).isEqualTo(6);
        assertThat(currency(all, "EUR").propertyNames()).doesNotContain("total_collected");
    }

    @Test
    void anInvoiceShouldBePaidByItsNumber() {
        JsonNode overdue = ok("get_overdue_invoices", "");
        assertThat(overdue.path("count").asLong()).isEqualTo(2);
        assertThat(overdue.path("total_overdue_amount").decimalValue()).isEqualByComparingTo("225");

        JsonNode paid = ok("mark_invoice_paid", ",\"invoice_number\":\"INV-0002\",\"payment_method\":\"Cash\"");
        assertThat(paid.path("invoice").path("id").asString()).isEqualTo("i2");
        assertThat(paid.path("invoice").path("status").asString()).isEqualTo("Paid");
        assertThat(ok("get_overdue_invoices", "").path("count").asLong()).isEqualTo(1);
        assertThat(revenue("").path("total_outstanding").decimalValue()).isEqualByComparingTo("425");

        error("mark_invoice_paid", "\"invoice_number\":\"INV-9999\"", 404, "Invoice not found in this workspace.");
        error(
                "mark_invoice_paid",
                "\"invoice_id\":\"i4\",\"invoice_number\":\"INV-0004\"",
                400,
                "Fields 'invoice_id' and 'invoice_number' both name an invoice: give one of them.");
        error("mark_invoice_paid", "\"payment_method\":\"Cash\"", 400, "Missing required field 'invoice_id'.");
    }

    @Test
    void customersShouldBeFoundByContactAndCountry() {
        assertThat(names(customers("\"search\":\"smith\""))).containsExactly("Acme Corp");
        assertThat(names(customers("\"search\":\"GLOBEX.DE\""))).containsExactly("Globex GmbH");
        assertThat(names(customers("\"search\":\"peter\""))).containsExactly("Initech");
        assertThat(names(customers("\"search\":\"acme\""))).containsExactly("Acme Corp");
        assertThat(names(customers("\"search\":\"100%\""))).isEmpty();
        assertThat(names(customers("\"country\":\"UNITED STATES\""))).containsExactly("Acme Corp", "Initech");
        assertThat(names(customers("\"country\":\"united states\",\"search\":\"gibbons\"")))
                .containsExactly("Initech");
        assertThat(names(customers("\"country\":\"Germany\",\"search\":\"smith\"")))
                .isEmpty();
    }

    private JsonNode list(String filters) {
        JsonNode result = ok("list_invoices", filters.isEmpty() ? "" : "," + filters);
        ToolResponses.assertMatchesOutputSchema("list_invoices", result);
        return result;
    }

    private JsonNode revenue(String period) {
        return ok("get_revenue_summary", period.isEmpty() ? "" : "," + period);
    }

    private JsonNode customers(String filters) {
        return ok("list_customers", "," + filters);
    }

    private static List<String> ids(JsonNode invoices) {
        return invoices.path("invoices")
                .valueStream()
                .map(i -> i.path("id").asString())
                .toList();
    }

    private static List<String> names(JsonNode customers) {
        return customers
                .path("customers")
                .valueStream()
                .map(c -> c.path("companyName").asString())
                .toList();
    }

    private static JsonNode currency(JsonNode revenue, String code) {
        return revenue.path("by_currency")
                .valueStream()
                .filter(c -> c.path("currency").asString().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private JsonNode ok(String tool, String moreInput) {
        JsonNode body = call(tool, moreInput)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        return body.path("result");
    }

    private void error(String tool, String moreInput, int status, String message) {
        JsonNode body = call(tool, "," + moreInput)
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(body.path("error").asString()).as(moreInput).isEqualTo(message);
    }

    private WebTestClient.ResponseSpec call(String tool, String moreInput) {
        return http.post()
                .uri("/api/mcp-server")
                .header("Authorization", "Bearer " + account.key())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tool\":\"" + tool + "\",\"input\":{\"workspace_id\":\"" + ws + "\"" + moreInput + "}}")
                .exchange();
    }

    private void customer(
            Connection sql,
            String id,
            String name,
            String email,
            String first,
            String last,
            String contactEmail,
            String country)
            throws SQLException {
        try (PreparedStatement insert = sql.prepareStatement("INSERT INTO customers (workspace_id, id, company_name, "
                + "company_email, currency, contact_first_name, contact_last_name, contact_email, address, city, "
                + "state, zip, country, created_at) VALUES (?, ?, ?, ?, 'USD', ?, ?, ?, '1 Way', 'City', 'State', "
                + "'1', ?, now())")) {
            insert.setString(1, ws);
            insert.setString(2, id);
            insert.setString(3, name);
            insert.setString(4, email);
            insert.setString(5, first);
            insert.setString(6, last);
            insert.setString(7, contactEmail);
            insert.setString(8, country);
            insert.executeUpdate();
        }
    }

    private void invoice(
            Connection sql,
            String id,
            String number,
            String customer,
            String amount,
            String currency,
            String issued,
            String due,
            String paid)
            throws SQLException {
        try (PreparedStatement insert = sql.prepareStatement("INSERT INTO invoices (workspace_id, id, number, "
                + "customer_id, amount, currency, status, issued_at, due_at, paid_at, payment_method, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())")) {
            insert.setString(1, ws);
            insert.setString(2, id);
            insert.setString(3, number);
            insert.setString(4, customer);
            insert.setBigDecimal(5, new java.math.BigDecimal(amount));
            insert.setString(6, currency);
            insert.setString(7, paid == null ? "Due" : "Paid");
            insert.setObject(8, OffsetDateTime.parse(issued));
            insert.setObject(9, OffsetDateTime.parse(due));
            insert.setObject(10, paid == null ? null : OffsetDateTime.parse(paid));
            insert.setString(11, paid == null ? null : "Wire");
            insert.executeUpdate();
        }
    }
}
