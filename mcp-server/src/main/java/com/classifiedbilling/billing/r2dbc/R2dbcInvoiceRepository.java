package com.classifiedbilling.billing.r2dbc;

import com.classifiedbilling.billing.After;
import com.classifiedbilling.billing.CurrencyAmount;
import com.classifiedbilling.billing.Invoice;
import com.classifiedbilling.billing.InvoiceRepository;
import com.classifiedbilling.billing.InvoiceStatus;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link InvoiceRepository} on the {@code invoices} table, joined to customers for their names. */
@Component
final class R2dbcInvoiceRepository implements InvoiceRepository {

    private static final String SELECT = "SELECT i.workspace_id, i.id, i.number, i.customer_id, "
            + "c.company_name AS customer_name, i.amount, i.currency, i.status, i.issued_at, i.due_at, i.paid_at, "
            + "i.payment_method FROM invoices i JOIN customers c "
            + "ON c.workspace_id = i.workspace_id AND c.id = i.customer_id ";

    private final DatabaseClient db;

    R2dbcInvoiceRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<Invoice> list(String workspaceId, InvoiceStatus status, After<Instant> after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + "WHERE i.workspace_id = :w");
        if (status != null) {
            sql.append(" AND i.status = :status");
        }
        if (after != null) {
            sql.append(" AND (i.issued_at < :afterAt OR (i.issued_at = :afterAt AND i.id < :afterId))");
        }
        sql.append(" ORDER BY i.issued_at DESC, i.id DESC LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec =
                db.sql(sql.toString()).bind("w", workspaceId).bind("limit", limit);
        if (status != null) {
            spec = spec.bind("status", status.label());
        }
        return bindAfter(spec, after).map(R2dbcInvoiceRepository::invoice).all();
    }

    @Override
    public Flux<Invoice> overdue(String workspaceId, Instant now, After<Instant> after, int limit) {
        StringBuilder sql =
                new StringBuilder(SELECT + "WHERE i.workspace_id = :w AND i.status = 'Due' AND i.due_at < :now");
        if (after != null) {
            sql.append(" AND (i.due_at > :afterAt OR (i.due_at = :afterAt AND i.id > :afterId))");
        }
        sql.append(" ORDER BY i.due_at, i.id LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString())
                .bind("w", workspaceId)
                .bind("now", Columns.utc(now))
                .bind("limit", limit);
        return bindAfter(spec, after).map(R2dbcInvoiceRepository::invoice).all();
    }

    private static DatabaseClient.GenericExecuteSpec bindAfter(
            DatabaseClient.GenericExecuteSpec spec, After<Instant> after) {
        return after == null
                ? spec
                : spec.bind("afterAt", Columns.utc(after.key())).bind("afterId", after.id());
    }

    @Override
    public Flux<CurrencyAmount> overdueTotals(String workspaceId, Instant now) {
        return db.sql("SELECT currency, SUM(amount) AS amount, COUNT(*) AS invoices FROM invoices "
                        + "WHERE workspace_id = :w AND status = 'Due' AND due_at < :now "
                        + "GROUP BY currency ORDER BY currency")
                .bind("w", workspaceId)
                .bind("now", Columns.utc(now))
                .map(R2dbcInvoiceRepository::currencyAmount)
                .all();
    }

    @Override
    public Flux<CurrencyAmount> totals(String workspaceId, InvoiceStatus status) {
        return db.sql("SELECT currency, SUM(amount) AS amount, COUNT(*) AS invoices FROM invoices "
                        + "WHERE workspace_id = :w AND status = :status GROUP BY currency ORDER BY currency")
                .bind("w", workspaceId)
                .bind("status", status.label())
                .map(R2dbcInvoiceRepository::currencyAmount)
                .all();
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
