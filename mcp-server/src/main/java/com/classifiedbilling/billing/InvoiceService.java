package com.classifiedbilling.billing;

import com.classifiedbilling.auth.RandomIds;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Listing invoices, finding overdue ones, recording payments and summing revenue. */
public final class InvoiceService {

    /** The most invoices one list returns (the API page: "max 100"). */
    public static final int MAX_LIMIT = 100;

    static final int MAX_PAYMENT_METHOD = 100;

    private final WorkspaceService workspaces;

    private final InvoiceRepository invoices;

    private final AuditRepository audit;

    private final Transactions transactions;

    private final RandomIds ids;

    private final Clock clock;

    public InvoiceService(
            WorkspaceService workspaces,
            InvoiceRepository invoices,
            AuditRepository audit,
            Transactions transactions,
            RandomIds ids,
            Clock clock) {
        this.workspaces = workspaces;
        this.invoices = invoices;
        this.audit = audit;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Invoices, newest issued first.
     *
     * @param status only invoices with this status; {@code null} for all
     * @param limit 1 to {@link #MAX_LIMIT}
     * @param after the last invoice of the previous page, or {@code null}
     */
    public Mono<Page<Invoice>> list(
            String userId, String workspaceId, InvoiceStatus status, int limit, After<Instant> after) {
        return checkLimit(limit)
                .then(workspaces.requireAccessible(userId, workspaceId))
                .flatMap(workspace ->
                        invoices.list(workspace.id(), status, after, limit + 1).collectList())
                .map(fetched -> Page.of(fetched, limit));
    }

    /**
     * Due invoices past their due date (now, UTC), oldest due first, with the totals of all of them
     * per currency.
     */
    public Mono<OverdueReport> overdue(String userId, String workspaceId, int limit, After<Instant> after) {
        Instant now = clock.instant();
        return checkLimit(limit)
                .then(workspaces.requireAccessible(userId, workspaceId))
                .flatMap(workspace -> Mono.zip(
                                invoices.overdue(workspace.id(), now, after, limit + 1)
                                        .collectList(),
                                invoices.overdueTotals(workspace.id(), now).collectList())
                        .map(both -> new OverdueReport(workspace, Page.of(both.getT1(), limit), both.getT2())));
    }

    /** Paid against outstanding money, per currency. */
    public Mono<RevenueSummary> revenue(String userId, String workspaceId) {
        return workspaces
                .requireAccessible(userId, workspaceId)
                .flatMap(workspace -> Mono.zip(
                                invoices.totals(workspace.id(), InvoiceStatus.PAID)
                                        .collectList(),
                                invoices.totals(workspace.id(), InvoiceStatus.DUE)
                                        .collectList())
                        .map(both -> new RevenueSummary(workspace, both.getT1(), both.getT2())));
    }

    /**
     * Marks an invoice paid, once. When it was paid already, nothing is written and the outcome
     * says so; of many concurrent calls exactly one records the payment and its audit row.
     *
     * @param paymentMethod how it was paid, or {@code null}
     */
    public Mono<PaymentOutcome> markPaid(Actor actor, String workspaceId, String invoiceId, String paymentMethod) {
        return Mono.fromCallable(() -> new PaymentRequest(
                        InputRules.required("invoice_id", invoiceId, 40),
                        InputRules.optional("payment_method", paymentMethod, MAX_PAYMENT_METHOD)))
                .flatMap(request -> workspaces
                        .requireAccessible(actor.userId(), workspaceId)
                        .then(transactions.inTransaction(() -> pay(actor, workspaceId, request))));
    }

    private Mono<PaymentOutcome> pay(Actor actor, String workspaceId, PaymentRequest request) {
        Instant now = clock.instant();
        return invoices.markPaid(workspaceId, request.invoiceId(), now, request.paymentMethod())
                .flatMap(paidNow -> {
                    Mono<Invoice> current = invoices.find(workspaceId, request.invoiceId())
                            .switchIfEmpty(Mono.error(BillingException::invoiceNotFound));
                    if (!paidNow) {
                        return current.map(invoice -> new PaymentOutcome(invoice, true));
                    }
                    AuditEvent event = new AuditEvent(
                            workspaceId,
                            ids.next("aud"),
                            now,
                            actor,
                            "mark_invoice_paid",
                            request.invoiceId(),
                            "paid",
                            request.paymentMethod() == null ? null : "payment_method=" + request.paymentMethod());
                    return audit.append(event).then(current).map(invoice -> new PaymentOutcome(invoice, false));
                });
    }

    private static Mono<Void> checkLimit(int limit) {
        return limit < 1 || limit > MAX_LIMIT
                ? Mono.error(BillingException.invalidInput(
                        "Field 'limit' must be a whole number from 1 to " + MAX_LIMIT + "."))
                : Mono.empty();
    }

    private record PaymentRequest(String invoiceId, String paymentMethod) {}
}
