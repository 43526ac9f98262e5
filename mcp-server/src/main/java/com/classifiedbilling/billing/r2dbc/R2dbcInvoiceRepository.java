package com.classifiedbilling.billing.r2dbc;

import com.classifiedbilling.billing.After;
import com.classifiedbilling.billing.CurrencyAmount;
import com.classifiedbilling.billing.Invoice;
import com.classifiedbilling.billing.InvoiceFilter;
import com.classifiedbilling.billing.InvoiceRepository;
import com.classifiedbilling.billing.InvoiceStatus;
import com.classifiedbilling.billing.Period;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link InvoiceRepository} on the {@code invoices} table and the summaries the database keeps of it. */
@Component
final class R2dbcInvoiceRepository implements InvoiceRepository {

    /**
     * The invoice columns, and the customer's name by a subquery per invoice returned: a join would
     * let a generic plan hash all customers of every workspace to name twenty invoices.
     */
    private static final String SELECT = "SELECT i.workspace_id, i.id, i.number, i.customer_id, "
            + "(SELECT c.company_name FROM customers c WHERE c.workspace_id = i.workspace_id AND c.id = i.customer_id) "
            + "AS customer_name, i.amount, i.currency, i.status, i.issued_at, i.due_at, i.paid_at, i.payment_method "
            + "FROM invoices i ";

    private final DatabaseClient db;

    R2dbcInvoiceRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<Invoice> list(String workspaceId, InvoiceFilter filter, After<Instant> after, int limit) {
        return listQuery(workspaceId, filter, after, limit)
                .on(db)
                .map(R2dbcInvoiceRepository::invoice)
                .all();
    }

    static BoundSql listQuery(String workspaceId, InvoiceFilter filter, After<Instant> after, int limit) {
        BoundSql.Builder sql = new BoundSql.Builder(SELECT + "WHERE i.workspace_id = :w").bind("w", workspaceId);
        if (filter.status() != null) {
            sql.append(" AND i.status = :status").bind("status", filter.status().label());
        }
        if (filter.customerId() != null) {
            sql.append(" AND i.customer_id = :customerId").bind("customerId", filter.customerId());
        }
        if (filter.number() != null) {
            sql.append(" AND i.number = :number").bind("number", filter.number());
        }
        range(sql, "i.issued_at", "issued", filter.issued());
        range(sql, "i.due_at", "due", filter.due());
        range(sql, "i.paid_at", "paid", filter.paid());
        after(sql, "i.issued_at", "<", after);
        return sql.append(" ORDER BY i.issued_at DESC, i.id DESC").limit(limit).build();
    }

    /**
     * The keyset condition of a page after {@code after}: rows past it in the order of the time
     * column, {@code "<"} for newest first and {@code ">"} for oldest first, ties broken by id.
     */
    private static void after(BoundSql.Builder sql, String column, String past, After<Instant> after) {
        if (after != null) {
            sql.append(" AND (" + column + " " + past + " :afterAt OR (" + column + " = :afterAt AND i.id " + past
                            + " :afterId))")
                    .bind("afterAt", Columns.utc(after.key()))
                    .bind("afterId", after.id());
        }
    }

    /** {@code AND column >= :nameFrom AND column < :nameBefore}, for the ends the period has. */
    private static void range(BoundSql.Builder sql, String column, String name, Period period) {
        if (period.from() != null) {
            sql.append(" AND " + column + " >= :" + name + "From").bind(name + "From", Columns.utc(period.from()));
        }
        if (period.before() != null) {
            sql.append(" AND " + column + " < :" + name + "Before").bind(name + "Before", Columns.utc(period.before()));
        }
    }

    @Override
    public Flux<Invoice> overdue(String workspaceId, Instant now, After<Instant> after, int limit) {
        return overdueQuery(workspaceId, now, after, limit)
                .on(db)
                .map(R2dbcInvoiceRepository::invoice)
                .all();
    }

    static BoundSql overdueQuery(String workspaceId, Instant now, After<Instant> after, int limit) {
        BoundSql.Builder sql = new BoundSql.Builder(
                        SELECT + "WHERE i.workspace_id = :w AND i.status = 'Due' AND i.due_at < :now")
                .bind("w", workspaceId)
                .bind("now", Columns.utc(now));
        after(sql, "i.due_at", ">", after);
        return sql.append(" ORDER BY i.due_at, i.id").limit(limit).build();
    }

    @Override
    public Flux<CurrencyAmount> overdueTotals(String workspaceId, Instant now) {
        return overdueTotalsQuery(workspaceId, now)
                .on(db)
                .map(R2dbcInvoiceRepository::currencyAmount)
                .all();
    }

    static BoundSql overdueTotalsQuery(String workspaceId, Instant now) {
        // every due invoice, less those falling due from now on: the days after today from the
        // summary, and the rest of today from the invoices
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new BoundSql.Builder("""
                        SELECT currency, SUM(invoices) AS invoices, SUM(amount) AS amount FROM (
                            SELECT currency, invoices, amount FROM invoice_totals
                            WHERE workspace_id = :w AND status = 'Due'
                            UNION ALL
                            SELECT currency, -invoices, -amount FROM invoices_due_daily
                            WHERE workspace_id = :w AND day_utc > :today
                            UNION ALL
                            SELECT currency, -1, -amount FROM invoices
                            WHERE workspace_id = :w AND status = 'Due' AND due_at >= :now AND due_at < :tomorrow
                        ) t GROUP BY currency HAVING SUM(invoices) <> 0 ORDER BY currency""")
                .bind("w", workspaceId)
                .bind("today", today)
                .bind("now", Columns.utc(now))
                .bind("tomorrow", Columns.utc(UtcDays.start(today.plusDays(1))))
                .build();
    }

    @Override
    public Flux<CurrencyAmount> totals(String workspaceId, InvoiceStatus status, Period issued) {
        return totalsQuery(workspaceId, status, issued)
                .map(query ->
                        query.on(db).map(R2dbcInvoiceRepository::currencyAmount).all())
                .orElse(Flux.empty());
    }

    static Optional<BoundSql> totalsQuery(String workspaceId, InvoiceStatus status, Period issued) {
        if (issued.always()) {
            return Optional.of(new BoundSql.Builder("SELECT currency, invoices, amount FROM invoice_totals "
                            + "WHERE workspace_id = :w AND status = :status AND invoices <> 0 ORDER BY currency")
                    .bind("w", workspaceId)
                    .bind("status", status.label())
                    .build());
        }
        return periodTotalsQuery(workspaceId, "invoices_issued_daily", "issued_at", status, issued);
    }

    @Override
    public Flux<CurrencyAmount> collected(String workspaceId, Period paid) {
        return collectedQuery(workspaceId, paid)
                .map(query ->
                        query.on(db).map(R2dbcInvoiceRepository::currencyAmount).all())
                .orElse(Flux.empty());
    }

    static Optional<BoundSql> collectedQuery(String workspaceId, Period paid) {
        return periodTotalsQuery(workspaceId, "invoices_paid_daily", "paid_at", null, paid);
    }

    /**
     * Sums per currency over a period: its whole UTC days from a daily summary, the parts of a day
     * at its ends from the invoices (served by an index on the time column); empty for a period
     * that holds nothing.
     */
    private static Optional<BoundSql> periodTotalsQuery(
            String workspaceId, String daily, String column, InvoiceStatus status, Period period) {
        UtcDays days = UtcDays.of(period);
        String onlyStatus = status == null ? "" : " AND status = :status";
        List<String> parts = new ArrayList<>(3);
        BoundSql.Builder sql = new BoundSql.Builder(
                        "SELECT currency, SUM(invoices) AS invoices, SUM(amount) AS " + "amount FROM (")
                .bind("w", workspaceId);
        if (status != null) {
            sql.bind("status", status.label());
        }
        if (days.wholeDays()) {
            parts.add("SELECT currency, invoices, amount FROM " + daily + " WHERE workspace_id = :w" + onlyStatus
                    + (days.firstDay() == null ? "" : " AND day_utc >= :firstDay")
                    + (days.endDay() == null ? "" : " AND day_utc < :endDay"));
            if (days.firstDay() != null) {
                sql.bind("firstDay", days.firstDay());
            }
            if (days.endDay() != null) {
                sql.bind("endDay", days.endDay());
            }
        }
        for (int i = 0; i < days.edges().size(); i++) {
            parts.add("SELECT currency, 1 AS invoices, amount FROM invoices WHERE workspace_id = :w" + onlyStatus
                    + " AND " + column + " >= :edgeFrom" + i + " AND " + column + " < :edgeBefore" + i);
            sql.bind("edgeFrom" + i, Columns.utc(days.edges().get(i)[0]))
                    .bind("edgeBefore" + i, Columns.utc(days.edges().get(i)[1]));
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sql.append(String.join(" UNION ALL ", parts))
                .append(") t GROUP BY currency HAVING SUM(invoices) <> 0 ORDER BY currency")
                .build());
    }

    @Override
    public Mono<Invoice> find(String workspaceId, String invoiceId) {
        return db.sql(SELECT + "WHERE i.workspace_id = :w AND i.id = :id")
                .bind("w", workspaceId)
                .bind("id", invoiceId)
                .map(R2dbcInvoiceRepository::invoice)
                .one();
    }

    @Override
    public Mono<Invoice> findByNumber(String workspaceId, String number) {
        return db.sql(SELECT + "WHERE i.workspace_id = :w AND i.number = :number")
                .bind("w", workspaceId)
                .bind("number", number)
                .map(R2dbcInvoiceRepository::invoice)
                .one();
    }

    @Override
    public Mono<Boolean> markPaid(String workspaceId, String invoiceId, Instant paidAt, String paymentMethod) {
        // The status condition makes this a compare-and-set: a concurrent second call waits for the
        // first one's row lock, then finds the invoice Paid and updates nothing.
        return db.sql("UPDATE invoices SET status = 'Paid', paid_at = :paidAt, payment_method = :method "
                        + "WHERE workspace_id = :w AND id = :id AND status = 'Due'")
                .bind("paidAt", Columns.utc(paidAt))
                .bind("method", Columns.text(paymentMethod))
                .bind("w", workspaceId)
                .bind("id", invoiceId)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    @Override
    public Mono<Invoice> insert(Invoice i) {
        return db.sql("INSERT INTO invoices (workspace_id, id, number, customer_id, amount, currency, status, "
                        + "issued_at, due_at, paid_at, payment_method, created_at) VALUES (:w, :id, :number, "
                        + ":customerId, :amount, :currency, :status, :issuedAt, :dueAt, :paidAt, :method, :createdAt)")
                .bind("w", i.workspaceId())
                .bind("id", i.id())
                .bind("number", i.number())
                .bind("customerId", i.customerId())
                .bind("amount", i.amount())
                .bind("currency", i.currency())
                .bind("status", i.status().label())
                .bind("issuedAt", Columns.utc(i.issuedAt()))
                .bind("dueAt", Columns.utc(i.dueAt()))
                .bind("paidAt", Columns.timestamp(i.paidAt()))
                .bind("method", Columns.text(i.paymentMethod()))
                .bind("createdAt", Columns.utc(i.issuedAt()))
                .then()
                .thenReturn(i);
    }

    private static CurrencyAmount currencyAmount(Readable row) {
        return new CurrencyAmount(
                row.get("currency", String.class), row.get("amount", BigDecimal.class), Columns.count(row, "invoices"));
    }

    private static Invoice invoice(Readable row) {
        return new Invoice(
                row.get("workspace_id", String.class),
                row.get("id", String.class),
                row.get("number", String.class),
                row.get("customer_id", String.class),
                row.get("customer_name", String.class),
                row.get("amount", BigDecimal.class),
                row.get("currency", String.class),
                InvoiceStatus.fromLabel(row.get("status", String.class)).orElseThrow(),
                Columns.instant(row, "issued_at"),
                Columns.instant(row, "due_at"),
                Columns.instant(row, "paid_at"),
                row.get("payment_method", String.class));
    }
}
