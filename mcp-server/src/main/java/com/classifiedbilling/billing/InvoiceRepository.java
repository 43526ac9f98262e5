package com.classifiedbilling.billing;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of a workspace's invoices. */
public interface InvoiceRepository {

    /**
     * Invoices, newest issued first.
     *
     * @param status {@code null} for all
     * @param after the last invoice of the previous page (its issue date), or {@code null}
     */
    Flux<Invoice> list(String workspaceId, InvoiceStatus status, After<Instant> after, int limit);

    /**
     * Due invoices whose due date is before {@code now}, oldest due first.
     *
     * @param after the last invoice of the previous page (its due date), or {@code null}
     */
    Flux<Invoice> overdue(String workspaceId, Instant now, After<Instant> after, int limit);

    /** The sums and counts of all overdue invoices, one per currency. */
    Flux<CurrencyAmount> overdueTotals(String workspaceId, Instant now);

    /** The sums and counts of invoices with this status, one per currency. */
    Flux<CurrencyAmount> totals(String workspaceId, InvoiceStatus status);

    Mono<Invoice> find(String workspaceId, String invoiceId);

    /**
     * Marks a due invoice paid. Only one of any number of concurrent calls for the same invoice
     * can succeed.
     *
     * @return {@code true} if this call paid it, {@code false} if it was not due (or not there)
     */
    Mono<Boolean> markPaid(String workspaceId, String invoiceId, Instant paidAt, String paymentMethod);

    Mono<Invoice> insert(Invoice invoice);
}
