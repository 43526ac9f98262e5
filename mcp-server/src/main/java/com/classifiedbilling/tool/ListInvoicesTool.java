package com.classifiedbilling.tool;

import com.classifiedbilling.billing.Invoice;
import com.classifiedbilling.billing.InvoiceFilter;
import com.classifiedbilling.billing.InvoiceService;
import com.classifiedbilling.billing.InvoiceStatus;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code list_invoices}: a workspace's invoices, newest first, filtered by status, customer, number and dates. */
@Component
final class ListInvoicesTool implements BillingTool<ListInvoicesInput, ListInvoicesResult> {

    static final int DEFAULT_LIMIT = 20;

    private final InvoiceService invoices;

    ListInvoicesTool(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Override
    public String name() {
        return "list_invoices";
    }

    @Override
    public String title() {
        return "List invoices";
    }

    @Override
    public String description() {
        return "Lists a workspace's invoices, the most recently issued first, 20 per page by default (up to 100) with "
                + "a cursor for the next; the next page needs the same filters. Filters, all optional and combined: "
                + "status (Due or Paid), customer_id, an invoice number, and half-open ranges of issue, due and "
                + "payment dates (issued_from included, issued_before not; likewise due_ and paid_). Dates are ISO "
                + "8601, read in time_zone (UTC by default) unless they carry an offset. Late invoices and their "
                + "totals are what get_overdue_invoices returns.";
    }

    @Override
    public ToolHints hints() {
        return ToolHints.READ_ONLY;
    }

    @Override
    public Class<ListInvoicesInput> inputType() {
        return ListInvoicesInput.class;
    }

    @Override
    public Mono<ListInvoicesResult> call(ToolCall call, ListInvoicesInput input) {
        int limit = input.limit() == null ? DEFAULT_LIMIT : input.limit();
        return Mono.defer(() -> invoices.list(
                        call.userId(), input.workspaceId(), filter(input), limit, Cursors.instant(input.cursor())))
                .map(page -> {
                    List<Invoice> items = page.items();
                    Invoice last = items.isEmpty() ? null : items.get(items.size() - 1);
                    String next = page.hasMore() ? Cursors.ofInstant(last.issuedAt(), last.id()) : null;
                    return new ListInvoicesResult(
                            items.stream().map(InvoiceView::of).toList(), items.size(), next);
                });
    }

    private static InvoiceFilter filter(ListInvoicesInput input) {
        ZoneId zone = TimeInputs.zone(input.timeZone());
        return new InvoiceFilter(
                // the schema allows only Due, Paid and all; all (or nothing) means no filter
                InvoiceStatus.fromLabel(input.status()).orElse(null),
                input.customerId(),
                input.number(),
                TimeInputs.period("issued", input.issuedFrom(), input.issuedBefore(), zone),
                TimeInputs.period("due", input.dueFrom(), input.dueBefore(), zone),
                TimeInputs.period("paid", input.paidFrom(), input.paidBefore(), zone));
    }
}
