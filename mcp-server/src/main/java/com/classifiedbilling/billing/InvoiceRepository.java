package com.classifiedbilling.billing;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of a workspace's invoices. */
public interface InvoiceRepository {

    /**
     * Invoices that pass the filter, newest issued first.
     *
     * @param after the last invoice of the previous page (its issue date), or {@code null}
     */
    Flux<Invoice> list(String workspaceId, InvoiceFilter filter, After<Instant> after, int limit);

    /**
     * Due invoices whose due date is before {@code now}, oldest due first.
     *
     * @param after the last invoice of the previous page (its due date), or {@code null}
     */
    Flux<Invoice> overdue(String workspaceId, Instant now, After<Instant> after, int limit);

    /**
     * The sums and counts of all overdue invoices, one per currency. Its cost does not grow with
     * the workspace: it is read from summaries the database keeps.
     */
    Flux<CurrencyAmount> overdueTotals(String workspaceId, Instant now);

    /**
     * The sums and counts of invoices with this status issued in the period, one per currency;
     * from kept summaries, so the cost grows with the period's length in days, not with the
     * workspace.
     */
    Flux<CurrencyAmount> totals(String workspaceId, InvoiceStatus status, Period issued);

    /** The sums and counts of invoices paid in the period, one per currency, from kept summaries. */
    Flux<CurrencyAmount> collected(String workspaceId, Period paid);

    Mono<Invoice> find(String workspaceId, String invoiceId);

    /** The invoice with this number (numbers are unique in a workspace), or empty. */
    Mono<Invoice> findByNumber(String workspaceId, String number);

    /**
     * Marks a due invoice paid. Only one of any number of concurrent calls for the same invoice
     * can succeed.
     *
     * @return {@code true} if this call paid it, {@code false} if it was not due (or not there)
     */
    Mono<Boolean> markPaid(String workspaceId, String invoiceId, Instant paidAt, String paymentMethod);

    Mono<Invoice> insert(Invoice invoice);
}
