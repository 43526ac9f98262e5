package com.classifiedbilling.billing.r2dbc;

import com.classifiedbilling.billing.SummaryDrift;
import com.classifiedbilling.billing.SummaryRepository;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link SummaryRepository} on the summary tables of db/postgresql/V5 (views on H2, which a recount
 * always matches). Each summary is compared with the same aggregate its triggers maintain, by a full
 * join on its key.
 */
@Component
final class R2dbcSummaryRepository implements SummaryRepository {

    private static final String UTC_DAY = "CAST(%s AT TIME ZONE 'UTC' AS DATE)";

    private static final List<Summary> SUMMARIES = List.of(
            new Summary(
                    "invoice_totals",
                    List.of("status", "currency"),
                    "SELECT workspace_id, status, currency, COUNT(*) AS n, SUM(amount) AS amount FROM invoices",
                    "GROUP BY workspace_id, status, currency"),
            daily("invoices_issued_daily", "issued_at", List.of("status", "currency"), ""),
            daily("invoices_paid_daily", "paid_at", List.of("currency"), "paid_at IS NOT NULL"),
            daily("invoices_due_daily", "due_at", List.of("currency"), "status = 'Due'"),
            new Summary(
                    "workspace_row_counts",
                    List.of("table_name"),
                    "SELECT workspace_id, table_name, n, CAST(NULL AS NUMERIC) AS amount FROM ("
                            + "SELECT workspace_id, 'customers' AS table_name, COUNT(*) AS n FROM customers "
                            + "GROUP BY workspace_id UNION ALL "
                            + "SELECT workspace_id, 'service_items', COUNT(*) FROM service_items GROUP BY workspace_id "
                            + "UNION ALL SELECT workspace_id, 'workspace_members', COUNT(*) FROM workspace_members "
                            + "GROUP BY workspace_id) c",
                    ""));

    private final DatabaseClient db;

    /**
     * A summary of invoices by the UTC day of one of their times, then the other key columns.
     *
     * @param only the invoices it holds, as a condition; empty for all
     */
    private static Summary daily(String table, String time, List<String> key, String only) {
        String day = UTC_DAY.formatted(time);
        String columns = String.join(", ", key);
        List<String> fullKey = new java.util.ArrayList<>(List.of("day_utc"));
        fullKey.addAll(key);
        return new Summary(
                table,
                List.copyOf(fullKey),
                "SELECT workspace_id, " + day + " AS day_utc, " + columns + ", COUNT(*) AS n, SUM(amount) AS amount "
                        + "FROM invoices" + (only.isEmpty() ? "" : " WHERE " + only),
                "GROUP BY workspace_id, " + day + ", " + columns);
    }

    R2dbcSummaryRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<SummaryDrift> drift(String workspaceId) {
        // one statement, one snapshot: a write is in both the rows and the summaries, or in neither
        String sql = SUMMARIES.stream()
                .map(summary -> summary.drift(workspaceId != null))
                .collect(Collectors.joining(" UNION ALL "));
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql + " ORDER BY summary, workspace_id, row_key");
        if (workspaceId != null) {
            spec = spec.bind("w", workspaceId);
        }
        return spec.map((Readable row) -> drift(row)).all();
    }

    @Override
    public Mono<Long> repair(String workspaceId) {
        return Flux.fromIterable(SUMMARIES)
                .concatMap(summary -> {
                    DatabaseClient.GenericExecuteSpec spec = db.sql(summary.repair(workspaceId != null));
                    if (workspaceId != null) {
                        spec = spec.bind("w", workspaceId);
                    }
                    return spec.fetch().rowsUpdated();
                })
                .reduce(0L, Long::sum);
    }

    private static SummaryDrift drift(Readable row) {
        boolean counted = row.get("expected_amount") == null && row.get("kept_amount") == null;
        return new SummaryDrift(
                row.get("summary", String.class),
                row.get("workspace_id", String.class),
                row.get("row_key", String.class),
                Columns.count(row, "expected_n"),
                Columns.count(row, "kept_n"),
                counted ? null : amount(row, "expected_amount"),
                counted ? null : amount(row, "kept_amount"));
    }

    private static BigDecimal amount(Readable row, String column) {
        BigDecimal amount = row.get(column, BigDecimal.class);
        return amount == null ? BigDecimal.ZERO : amount;
    }

    /**
     * One summary table: its key within a workspace, and the aggregate of the rows it keeps.
     *
     * @param source the aggregate's select, with {@code n} and {@code amount}, up to its grouping
     * @param grouping what follows a workspace condition: its {@code GROUP BY}
     */
    private record Summary(String table, List<String> key, String source, String grouping) {

        private String recount(boolean oneWorkspace) {
            String where = source.contains(" WHERE ") ? " AND " : " WHERE ";
            return oneWorkspace ? source + where + "workspace_id = :w " + grouping : source + " " + grouping;
        }

        private String kept(boolean oneWorkspace) {
            String counts = table.equals("workspace_row_counts")
                    ? "workspace_id, table_name, row_count AS n, CAST(NULL AS NUMERIC) AS amount FROM workspace_row_counts "
                            + "WHERE row_count <> 0"
                    : "workspace_id, " + String.join(", ", key) + ", invoices AS n, amount FROM " + table
                            + " WHERE (invoices <> 0 OR amount <> 0)";
            return "SELECT " + counts + (oneWorkspace ? " AND workspace_id = :w" : "");
        }

        /** The rows whose kept and counted values differ, the missing side as zero. */
        private String differences(boolean oneWorkspace) {
            String on = key.stream().map(k -> "e." + k + " = k." + k).collect(Collectors.joining(" AND "));
            String rowKey = key.stream()
                    .map(k -> "CAST(COALESCE(e." + k + ", k." + k + ") AS VARCHAR(40))")
                    .collect(Collectors.joining(" || ' ' || "));
            String keys = key.stream()
                    .map(k -> "COALESCE(e." + k + ", k." + k + ") AS " + k)
                    .collect(Collectors.joining(", "));
            return "SELECT COALESCE(e.workspace_id, k.workspace_id) AS workspace_id, " + keys + ", " + rowKey
                    + " AS row_key, COALESCE(e.n, 0) AS expected_n, COALESCE(k.n, 0) AS kept_n, e.amount AS "
                    + "expected_amount, k.amount AS kept_amount FROM (" + recount(oneWorkspace) + ") e FULL JOIN ("
                    + kept(oneWorkspace) + ") k ON e.workspace_id = k.workspace_id AND " + on
                    + " WHERE COALESCE(e.n, 0) <> COALESCE(k.n, 0) OR COALESCE(e.amount, 0) <> COALESCE(k.amount, 0)";
        }

        String drift(boolean oneWorkspace) {
            return "SELECT '" + table + "' AS summary, workspace_id, row_key, expected_n, kept_n, expected_amount, "
                    + "kept_amount FROM (" + differences(oneWorkspace) + ") " + table;
        }

        /** Adds each difference to its row, as the triggers add their deltas (PostgreSQL). */
        String repair(boolean oneWorkspace) {
            String keys = String.join(", ", key);
            boolean counts = table.equals("workspace_row_counts");
            String columns = counts ? "row_count" : "invoices, amount";
            String values = counts
                    ? "expected_n - kept_n"
                    : "expected_n - kept_n, COALESCE(expected_amount, 0) - COALESCE(kept_amount, 0)";
            String update = counts
                    ? "row_count = t.row_count + EXCLUDED.row_count"
                    : "invoices = t.invoices + EXCLUDED.invoices, amount = t.amount + EXCLUDED.amount";
            return "INSERT INTO " + table + " AS t (workspace_id, " + keys + ", " + columns + ") SELECT workspace_id, "
                    + keys + ", " + values + " FROM (" + differences(oneWorkspace) + ") d ORDER BY workspace_id, "
                    + keys + " ON CONFLICT (workspace_id, " + keys + ") DO UPDATE SET " + update;
        }
    }
}
