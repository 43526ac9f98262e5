package com.classifiedbilling.billing;

import com.classifiedbilling.auth.RandomIds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
     * Invoices that pass the filter, newest issued first.
     *
     * @param limit 1 to {@link #MAX_LIMIT}
     * @param after the last invoice of the previous page, or {@code null}
     */
    public Mono<Page<Invoice>> list(
            String userId, String workspaceId, InvoiceFilter filter, int limit, After<Instant> after) {
        return checkLimit(limit)
                .then(workspaces.requireAccessible(userId, workspaceId))
                .flatMap(workspace ->
                        invoices.list(workspace.id(), filter, after, limit + 1).collectList())
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

    /**
     * Paid against outstanding money, per currency, of the invoices issued in the period; with a
     * bounded period, also the money collected in it (invoices paid in it, whenever issued).
     */
    public Mono<RevenueSummary> revenue(String userId, String workspaceId, Period period) {
        return workspaces
                .requireAccessible(userId, workspaceId)
                .flatMap(workspace -> Mono.zip(
                                invoices.totals(workspace.id(), InvoiceStatus.PAID, period)
                                        .collectList(),
                                invoices.totals(workspace.id(), InvoiceStatus.DUE, period)
                                        .collectList(),
                                period.always()
                                        ? Mono.just(List.<CurrencyAmount>of())
                                        : invoices.collected(workspace.id(), period)
                                                .collectList())
                        .map(all -> new RevenueSummary(workspace, period, all.getT1(), all.getT2(), all.getT3())));
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

    /**
     * {@link #markPaid} for the invoice with this number; {@code NOT_FOUND} (the page's invoice
     * message) when the workspace has none.
     */
    public Mono<PaymentOutcome> markPaidByNumber(
            Actor actor, String workspaceId, String invoiceNumber, String paymentMethod) {
        return Mono.fromCallable(() -> new PaymentRequest(
                        InputRules.required("invoice_number", invoiceNumber, 40),
                        InputRules.optional("payment_method", paymentMethod, MAX_PAYMENT_METHOD)))
                .flatMap(byNumber -> workspaces
                        .requireAccessible(actor.userId(), workspaceId)
                        .flatMap(workspace -> invoices.findByNumber(workspace.id(), byNumber.invoiceId()))
                        .switchIfEmpty(Mono.error(BillingException::invoiceNotFound))
                        .flatMap(invoice -> transactions.inTransaction(() ->
                                pay(actor, workspaceId, new PaymentRequest(invoice.id(), byNumber.paymentMethod())))));
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

    /** A payment's checked input; the invoice by its id, or by its number before it is looked up. */
    private record PaymentRequest(String invoiceId, String paymentMethod) {}
}
