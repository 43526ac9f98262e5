package com.classifiedbilling.billing.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.billing.After;
import com.classifiedbilling.billing.InvoiceFilter;
import com.classifiedbilling.billing.InvoiceStatus;
import com.classifiedbilling.billing.Period;
import com.classifiedbilling.support.TestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plans PostgreSQL makes for the statements the read tools run (built by the repositories
 * themselves, not copied here), on a generated large workspace beside a small one: each filter and
 * search is served by the index meant for it, the summaries touch a few pages whatever the size, and
 * a small workspace stays cheap under the generic plan that a pooled connection may switch to after
 * serving the large one.
 */
class SearchPlansIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern PARAMETER = Pattern.compile(":([a-zA-Z][a-zA-Z0-9]*)");

    private static final String LARGE = "ws_plans_large", SMALL = "ws_plans_small";

    private static final int LARGE_INVOICES = 200_000;

    /** The most buffer pages a small workspace's statement or a summary may touch. */
    private static final int FEW_PAGES = 200;

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static TestDatabase database;

    @BeforeAll
    static void generate() throws SQLException {
        database = TestDatabase.create();
        URI url = URI.create(database.url());
        String user = url.getUserInfo().split(":", 2)[0];
        Flyway.configure()
                .dataSource(
                        "jdbc:postgresql://" + url.getHost() + ":" + (url.getPort() < 0 ? 5432 : url.getPort())
                                + url.getPath(),
                        user,
                        null)
                .locations("classpath:db/migration", "classpath:db/postgresql")
                .load()
                .migrate();
        try (Connection sql = database.connect();
                Statement statement = sql.createStatement()) {
            statement.executeUpdate("INSERT INTO users (id, email, name, plan, created_at) VALUES "
                    + "('u_plans', 'plans@example.com', 'Plans', 'Advance', now())");
            workspace(statement, LARGE, LARGE_INVOICES);
            workspace(statement, SMALL, 100);
            statement.execute("ANALYZE");
        }
    }

    /** {@code invoices} invoices over three years, one customer per 100, customer 7 being Acme Corp. */
    private static void workspace(Statement statement, String id, int invoices) throws SQLException {
        // more customers than the scale benchmark's one per 100 invoices, so that a scan of them all
        // costs what a trigram index saves
        int customers = Math.max(invoices / 10, 1);
        statement.executeUpdate("INSERT INTO workspaces (id, owner_id, title, url_slug, currency, created_at) VALUES ('"
                + id + "', 'u_plans', 'Plans', '" + id.replace('_', '-') + "', 'USD', now())");
        statement.executeUpdate("INSERT INTO customers (workspace_id, id, company_name, company_email, currency, "
                + "contact_first_name, contact_last_name, contact_email, address, city, state, zip, country, "
                + "created_at) SELECT '" + id + "', 'c' || c, CASE WHEN c = 7 THEN 'Acme Corp' ELSE 'Company ' || c "
                + "END, 'billing' || c || '@company.example', 'USD', 'Ann', 'Contact' || c, 'contact' || c || "
                + "'@company.example', '1 Main St', 'Springfield', 'IL', '62701', CASE WHEN c % 10 = 0 THEN "
                + "'Germany' ELSE 'United States' END, now() FROM generate_series(1, " + customers + ") AS c");
        statement.executeUpdate("INSERT INTO invoices (workspace_id, id, number, customer_id, amount, currency, "
                + "status, issued_at, due_at, paid_at, payment_method, created_at) SELECT '" + id + "', 'i' || g, "
                + "'INV-' || g, 'c' || (g % " + customers + " + 1), g % 5000 + 0.99, 'USD', CASE WHEN g % 3 = 0 "
                + "THEN 'Due' ELSE 'Paid' END, timestamptz '2024-01-01 00:00:00+00' + (g - 1) * (interval "
                + "'1096 days' / " + invoices + "), timestamptz '2024-01-31 00:00:00+00' + (g - 1) * (interval "
                + "'1096 days' / " + invoices + "), CASE WHEN g % 3 <> 0 THEN timestamptz '2024-01-11 00:00:00+00' "
                + "+ (g - 1) * (interval '1096 days' / " + invoices + ") END, CASE WHEN g % 3 <> 0 THEN 'Wire' END, "
                + "now() FROM generate_series(1, " + invoices + ") AS g");
    }

    /** The read statements of the tools, for one workspace, by what they answer. */
    private static Map<String, BoundSql> statements(String ws) {
        Period november = new Period(Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-30T23:00:00Z"));
        Map<String, BoundSql> all = new LinkedHashMap<>();
        all.put("get_workspace_summary", R2dbcWorkspaceRepository.summaryQuery(ws));
        all.put(
                "revenue paid",
                R2dbcInvoiceRepository.totalsQuery(ws, InvoiceStatus.PAID, Period.ALWAYS)
                        .orElseThrow());
        all.put(
                "revenue issued in a month",
                R2dbcInvoiceRepository.totalsQuery(ws, InvoiceStatus.DUE, november)
                        .orElseThrow());
        all.put(
                "revenue collected in a month",
                R2dbcInvoiceRepository.collectedQuery(ws, november).orElseThrow());
        all.put("overdue totals", R2dbcInvoiceRepository.overdueTotalsQuery(ws, NOW));
        all.put("overdue page", R2dbcInvoiceRepository.overdueQuery(ws, NOW, null, 21));
        all.put("customers search", R2dbcCustomerRepository.searchQuery(ws, "acme", null, null, 51));
        all.put("customers country", R2dbcCustomerRepository.searchQuery(ws, null, "germany", null, 51));
        all.put("invoices Due", invoices(ws, InvoiceFilter.ALL.withStatus(InvoiceStatus.DUE)));
        all.put(
                "invoices of a customer",
                invoices(ws, new InvoiceFilter(null, "c7", null, Period.ALWAYS, Period.ALWAYS, Period.ALWAYS)));
        all.put(
                "invoice by number",
                invoices(ws, new InvoiceFilter(null, null, "INV-42", Period.ALWAYS, Period.ALWAYS, Period.ALWAYS)));
        all.put(
                "invoices paid in a month",
                invoices(ws, new InvoiceFilter(null, null, null, Period.ALWAYS, Period.ALWAYS, november)));
        all.put(
                "invoices due in a week",
                invoices(
                        ws,
                        new InvoiceFilter(
                                null,
                                null,
                                null,
                                Period.ALWAYS,
                                new Period(
                                        Instant.parse("2026-12-07T00:00:00Z"), Instant.parse("2026-12-14T00:00:00Z")),
                                Period.ALWAYS)));
        all.put(
                "invoices issued in a month, second page",
                R2dbcInvoiceRepository.listQuery(
                        ws,
                        new InvoiceFilter(null, null, null, november, Period.ALWAYS, Period.ALWAYS),
                        new After<>(Instant.parse("2026-11-20T00:00:00Z"), "i1"),
                        21));
        return all;
    }

    private static BoundSql invoices(String ws, InvoiceFilter filter) {
        return R2dbcInvoiceRepository.listQuery(ws, filter, null, 21);
    }

    /**
     * A date range is served by its own index or by walking the issue-date index newest first,
     * whichever the planner finds cheaper for the data (paid dates follow issue dates here); both
     * are index scans, and neither is checked by name.
     */
    @Test
    void eachFilterAndSearchShouldUseItsIndexOnTheLargeWorkspace() throws SQLException {
        Map<String, String> expected = Map.of(
                "customers search", "customers_search",
                "customers country", "customers_by_country",
                "invoices of a customer", "invoices_by_customer_issued",
                "invoice by number", "invoices_number_unique",
                "invoices Due", "invoices_by_status_issued",
                "overdue page", "invoices_by_status_due");
        Map<String, BoundSql> statements = statements(LARGE);
        try (Connection sql = database.connect()) {
            for (Map.Entry<String, BoundSql> statement : statements.entrySet()) {
                JsonNode plan = explain(sql, statement.getValue(), false);
                List<String> scans = scans(plan.path("Plan"), new ArrayList<>());
                System.out.printf("SearchPlansIT %s (large): %s, %d pages%n", statement.getKey(), scans, pages(plan));
                assertThat(scans)
                        .as(statement.getKey())
                        .noneMatch(scan ->
                                scan.startsWith("Seq Scan on invoices") || scan.startsWith("Seq Scan on customers"));
                if (expected.containsKey(statement.getKey())) {
                    assertThat(scans)
                            .as(statement.getKey())
                            .anyMatch(scan -> scan.endsWith(" using " + expected.get(statement.getKey())));
                }
                if (statement.getKey().startsWith("revenue")
                        || statement.getKey().startsWith("overdue totals")
                        || statement.getKey().equals("get_workspace_summary")) {
                    assertThat(pages(plan))
                            .as(statement.getKey() + " reads the summaries")
                            .isLessThan(FEW_PAGES);
                }
            }
        }
    }

    @Test
    void aSmallWorkspaceShouldStayCheapUnderTheGenericPlan() throws SQLException {
        try (Connection sql = database.connect()) {
            for (Map.Entry<String, BoundSql> statement : statements(SMALL).entrySet()) {
                JsonNode plan = explain(sql, statement.getValue(), true);
                System.out.printf(
                        "SearchPlansIT %s (small, generic plan): %s, %d pages%n",
                        statement.getKey(), scans(plan.path("Plan"), new ArrayList<>()), pages(plan));
                assertThat(pages(plan)).as(statement.getKey()).isLessThan(FEW_PAGES);
            }
        }
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the statement with its values: as a custom plan, or prepared and
     * run under {@code plan_cache_mode = force_generic_plan}, the plan a pooled connection's cached
     * statement may come to, made without looking at the values.
     */
    private static JsonNode explain(Connection sql, BoundSql statement, boolean generic) throws SQLException {
        Map<String, Integer> positions = new LinkedHashMap<>();
        Matcher parameter = PARAMETER.matcher(statement.sql());
        StringBuilder numbered = new StringBuilder();
        while (parameter.find()) {
            int position = positions.computeIfAbsent(parameter.group(1), name -> positions.size() + 1);
            parameter.appendReplacement(numbered, "\\$" + position);
        }
        parameter.appendTail(numbered);
        List<String> values = new ArrayList<>();
        for (String name : positions.keySet()) {
            values.add(literal(statement.parameters().get(name)));
        }
        try (Statement run = sql.createStatement()) {
            run.execute("DEALLOCATE ALL");
            run.execute("SET plan_cache_mode = " + (generic ? "force_generic_plan" : "force_custom_plan"));
            run.execute("PREPARE q AS " + numbered);
            try (ResultSet row = run.executeQuery(
                    "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE q(" + String.join(", ", values) + ")")) {
                row.next();
                return JSON.readTree(row.getString(1)).get(0);
            } finally {
                run.execute("DEALLOCATE q");
                run.execute("RESET plan_cache_mode");
            }
        }
    }

    private static String literal(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof OffsetDateTime time) {
            return "'" + time + "'::timestamptz";
        }
        if (value instanceof LocalDate day) {
            return "'" + day + "'::date";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    /** Every scan of the plan, as "Index Scan on invoices using invoices_by_paid". */
    private static List<String> scans(JsonNode node, List<String> into) {
        String type = node.path("Node Type").asString();
        if (node.has("Relation Name")) {
            into.add(type + " on " + node.path("Relation Name").asString()
                    + (node.has("Index Name")
                            ? " using " + node.path("Index Name").asString()
                            : ""));
        } else if (node.has("Index Name")) {
            into.add(type + " using " + node.path("Index Name").asString());
        }
        node.path("Plans").forEach(child -> scans(child, into));
        return into;
    }

    /** The buffer pages the whole statement touched, found in memory or read. */
    private static long pages(JsonNode explained) {
        JsonNode plan = explained.path("Plan");
        return plan.path("Shared Hit Blocks").asLong()
                + plan.path("Shared Read Blocks").asLong();
    }
}
