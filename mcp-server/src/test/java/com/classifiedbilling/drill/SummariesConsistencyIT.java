package com.classifiedbilling.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.AdminProcess;
import com.classifiedbilling.support.TempFolders;
import com.classifiedbilling.support.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summaries PostgreSQL keeps (db/postgresql/V5) under a storm of concurrent writers: payments
 * and customers through two server instances, and invoices inserted, paid, re-opened and deleted
 * directly in SQL, one row and many rows per statement, as the billing application that owns the
 * tables would. Afterwards every summary equals a recount made here from the rows, the tools answer
 * the recount, and the admin consistency check finds no drift; a summary row spoiled on purpose is
 * then found and repaired.
 */
class SummariesConsistencyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration STORM = Duration.ofSeconds(12);

    @Test
    void whenManyWritersRaceThenTheSummariesEqualARecountAndTheCheckFindsNoDrift() throws Exception {
        TestDatabase database = TestDatabase.create();
        Path adminDir = TempFolders.create("cb-summaries-admin");
        Map<String, String> adminEnv = Map.of("BILLING_DATABASE_URL", database.url());
        try (TwoInstanceDrillIT.Pair pair = TwoInstanceDrillIT.Pair.start(database, "summaries")) {
            String workspace = TwoInstanceDrillIT.workspace(pair.a(), pair.key());
            List<String> due = TwoInstanceDrillIT.dueInvoices(pair.a(), pair.key(), workspace, 8);
            String customer;
            try (Connection sql = database.connect();
                    Statement statement = sql.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT id FROM customers WHERE workspace_id = '" + workspace + "' LIMIT 1")) {
                row.next();
                customer = row.getString(1);
            }
            ExecutorService writers = Executors.newFixedThreadPool(8);
            Instant end = Instant.now().plus(STORM);
            AtomicInteger apiWrites = new AtomicInteger();
            AtomicInteger sqlStatements = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    int n = 0;
                    while (Instant.now().isBefore(end)) {
                        var server = (writer + n) % 2 == 0 ? pair.a() : pair.b();
                        String call = n % 3 == 0
                                ? payment(workspace, due.get((writer + n) % due.size()))
                                : DrillCustomers.input(workspace, "Storm " + writer + "-" + n, null);
                        int status = TwoInstanceDrillIT.status(
                                server, pair.key(), n % 3 == 0 ? "mark_invoice_paid" : "create_customer", call);
                        assertThat(status).isEqualTo(200);
                        apiWrites.incrementAndGet();
                        n++;
                    }
                    return null;
                }));
            }
            for (int w = 0; w < 4; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    try (Connection sql = database.connect()) {
                        int n = 0;
                        while (Instant.now().isBefore(end)) {
                            billingApplicationWrites(sql, workspace, customer, "w" + writer + "n" + n);
                            sqlStatements.addAndGet(5);
                            n++;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
            writers.shutdown();

            Map<String, String> recount = recount(database, workspace);
            Map<String, String> kept = kept(database, workspace);
            System.out.printf(
                    "SummariesConsistencyIT: %d writes through the tools, %d SQL statements by the billing "
                            + "application, %d summary rows recounted%n",
                    apiWrites.get(), sqlStatements.get(), recount.size());
            assertThat(apiWrites.get()).isGreaterThan(50);
            assertThat(kept).as("kept summaries against a recount").isEqualTo(recount);

            JsonNode revenue = result(pair.b(), pair.key(), "get_revenue_summary", workspace);
            JsonNode summary = result(pair.a(), pair.key(), "get_workspace_summary", workspace);
            JsonNode overdue = result(pair.a(), pair.key(), "get_overdue_invoices", workspace);
            assertThat(revenue.path("total_invoices").asLong())
                    .isEqualTo(
                            database.count("SELECT COUNT(*) FROM invoices WHERE workspace_id = '" + workspace + "'"));
            assertThat(revenue.path("unpaid_invoices").asLong())
                    .isEqualTo(database.count("SELECT COUNT(*) FROM invoices WHERE workspace_id = '" + workspace
                            + "' AND status = 'Due'"));
            assertThat(summary.path("counts").path("customers").asLong())
                    .isEqualTo(
                            database.count("SELECT COUNT(*) FROM customers WHERE workspace_id = '" + workspace + "'"));
            assertThat(overdue.path("count").asLong())
                    .isEqualTo(database.count("SELECT COUNT(*) FROM invoices WHERE workspace_id = '" + workspace
                            + "' AND status = 'Due' AND due_at < now()"));

            AdminProcess.Result check = AdminProcess.run(adminDir, adminEnv, "check-summaries");
            assertThat(check.exitCode()).as(check.stderr()).isZero();
            assertThat(check.stdout()).contains("No drift");

            try (Connection sql = database.connect();
                    Statement statement = sql.createStatement()) {
                statement.executeUpdate("UPDATE invoice_totals SET invoices = invoices + 3, amount = amount - 1 "
                        + "WHERE workspace_id = '" + workspace + "' AND status = 'Due' AND currency = 'USD'");
            }
            AdminProcess.Result spoiled =
                    AdminProcess.run(adminDir, adminEnv, "check-summaries", "--workspace", workspace);
            assertThat(spoiled.exitCode()).isEqualTo(1);
            assertThat(spoiled.stderr())
                    .contains("1 summary rows differ")
                    .contains("invoice_totals " + workspace + " Due USD");
            AdminProcess.Result repaired = AdminProcess.run(adminDir, adminEnv, "repair-summaries");
            assertThat(repaired.exitCode()).as(repaired.stderr()).isZero();
            assertThat(repaired.stdout()).contains("Corrected 1 summary rows");
            assertThat(kept(database, workspace)).isEqualTo(recount(database, workspace));
            assertThat(AdminProcess.run(adminDir, adminEnv, "check-summaries").exitCode())
                    .isZero();
        }
    }

    private static String payment(String workspace, String invoice) {
        return "{\"workspace_id\":\"" + workspace + "\",\"invoice_id\":\"" + invoice
                + "\",\"payment_method\":\"Card\"}";
    }

    /**
     * What the billing application does to the tables, as one transaction of five statements: a
     * batch of invoices in one statement, one invoice alone, a payment, a re-opening, and a deletion.
     */
    private static void billingApplicationWrites(Connection sql, String workspace, String customer, String tag)
            throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        sql.setAutoCommit(false);
        try (PreparedStatement batch = sql.prepareStatement("INSERT INTO invoices (workspace_id, id, number, "
                        + "customer_id, amount, currency, status, issued_at, due_at, paid_at, payment_method, "
                        + "created_at) SELECT ?, 'sql_' || ? || '_' || g, 'SQL-' || ? || '-' || g, ?, "
                        + "(g * 7 % 1000) + 0.25, CASE WHEN g % 3 = 0 THEN 'EUR' ELSE 'USD' END, 'Due', "
                        + "now() - (g || ' days')::interval, now() - ((g - g % 25) || ' days')::interval, "
                        + "NULL, NULL, now() FROM generate_series(1, ?) AS g");
                PreparedStatement one = sql.prepareStatement("INSERT INTO invoices (workspace_id, id, number, "
                        + "customer_id, amount, currency, status, issued_at, due_at, paid_at, payment_method, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, 'USD', 'Paid', now() - interval '40 days', "
                        + "now() - interval '10 days', now() - interval '1 hour', 'Wire', now())");
                PreparedStatement pay = sql.prepareStatement("UPDATE invoices SET status = 'Paid', paid_at = now(), "
                        + "payment_method = 'Direct' WHERE workspace_id = ? AND id LIKE ? AND status = 'Due'");
                PreparedStatement reopen = sql.prepareStatement("UPDATE invoices SET status = 'Due', paid_at = NULL, "
                        + "payment_method = NULL, amount = amount + 1 WHERE workspace_id = ? AND id = ?");
                PreparedStatement delete = sql.prepareStatement(
                        "DELETE FROM invoices WHERE workspace_id = ? AND id LIKE ? AND number LIKE '%-2'")) {
            batch.setString(1, workspace);
            batch.setString(2, tag);
            batch.setString(3, tag);
            batch.setString(4, customer);
            batch.setInt(5, 1 + random.nextInt(40));
            batch.executeUpdate();
            one.setString(1, workspace);
            one.setString(2, "sql_" + tag + "_one");
            one.setString(3, "SQL-" + tag + "-one");
            one.setString(4, customer);
            one.setBigDecimal(5, new BigDecimal(random.nextInt(10_000)).movePointLeft(2));
            one.executeUpdate();
            pay.setString(1, workspace);
            pay.setString(2, "sql_" + tag + "_1%");
            pay.executeUpdate();
            reopen.setString(1, workspace);
            reopen.setString(2, "sql_" + tag + "_one");
            reopen.executeUpdate();
            delete.setString(1, workspace);
            delete.setString(2, "sql_" + tag + "_%");
            delete.executeUpdate();
            sql.commit();
        } catch (SQLException e) {
            sql.rollback();
            // a deadlock or serialization failure is the database's to report and the writer's to
            // retry; the summaries must be right either way (40P01, 40001)
            if (!e.getSQLState().startsWith("40")) {
                throw e;
            }
        } finally {
            sql.setAutoCommit(true);
        }
    }

    /** Every summary row of the workspace, recounted from the rows here (the test's own SQL). */
    private static Map<String, String> recount(TestDatabase database, String workspace) throws SQLException {
        String w = "workspace_id = '" + workspace + "'";
        return rows(
                database,
                "SELECT 'totals ' || status || ' ' || currency, COUNT(*) || ' ' || SUM(amount) FROM invoices WHERE " + w
                        + " GROUP BY status, currency",
                "SELECT 'issued ' || (issued_at AT TIME ZONE 'UTC')::date || ' ' || status || ' ' || currency, "
                        + "COUNT(*) || ' ' || SUM(amount) FROM invoices WHERE " + w + " GROUP BY 1",
                "SELECT 'paid ' || (paid_at AT TIME ZONE 'UTC')::date || ' ' || currency, COUNT(*) || ' ' || "
                        + "SUM(amount) FROM invoices WHERE paid_at IS NOT NULL AND " + w + " GROUP BY 1",
                "SELECT 'due ' || (due_at AT TIME ZONE 'UTC')::date || ' ' || currency, COUNT(*) || ' ' || "
                        + "SUM(amount) FROM invoices WHERE status = 'Due' AND " + w + " GROUP BY 1",
                "SELECT 'rows customers', COUNT(*)::text FROM customers WHERE " + w);
    }

    /** The same rows as the summaries keep them, those fallen to zero left out. */
    private static Map<String, String> kept(TestDatabase database, String workspace) throws SQLException {
        String w = "workspace_id = '" + workspace + "' AND invoices <> 0";
        return rows(
                database,
                "SELECT 'totals ' || status || ' ' || currency, invoices || ' ' || amount FROM invoice_totals WHERE "
                        + w,
                "SELECT 'issued ' || day_utc || ' ' || status || ' ' || currency, invoices || ' ' || amount "
                        + "FROM invoices_issued_daily WHERE " + w,
                "SELECT 'paid ' || day_utc || ' ' || currency, invoices || ' ' || amount FROM invoices_paid_daily "
                        + "WHERE " + w,
                "SELECT 'due ' || day_utc || ' ' || currency, invoices || ' ' || amount FROM invoices_due_daily "
                        + "WHERE " + w,
                "SELECT 'rows customers', row_count::text FROM workspace_row_counts WHERE workspace_id = '" + workspace
                        + "' AND table_name = 'customers'");
    }

    private static Map<String, String> rows(TestDatabase database, String... queries) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection sql = database.connect();
                Statement statement = sql.createStatement()) {
            for (String query : queries) {
                try (ResultSet row = statement.executeQuery(query)) {
                    while (row.next()) {
                        rows.put(row.getString(1), row.getString(2));
                    }
                }
            }
        }
        return rows;
    }

    private static JsonNode result(
            com.classifiedbilling.support.ServerProcess server, String key, String tool, String workspace)
            throws Exception {
        var response = server.callTool(key, tool, "{\"workspace_id\":\"" + workspace + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("result");
    }
}
