package com.classifiedbilling.tool;

import com.classifiedbilling.billing.Invoice;
import com.classifiedbilling.billing.InvoiceService;
import com.classifiedbilling.billing.InvoiceStatus;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code list_invoices}: a workspace's invoices, newest first, by status. */
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
                + "a cursor for the next. With status, only the Due or only the Paid invoices. Late invoices and "
                + "their totals are what get_overdue_invoices returns.";
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
        // the schema allows only Due, Paid and all; all (or nothing) means no filter
        InvoiceStatus status = InvoiceStatus.fromLabel(input.status()).orElse(null);
        int limit = input.limit() == null ? DEFAULT_LIMIT : input.limit();
        return Mono.defer(() -> invoices.list(
                        call.userId(), input.workspaceId(), status, limit, Cursors.instant(input.cursor())))
                .map(page -> {
                    List<Invoice> items = page.items();
                    Invoice last = items.isEmpty() ? null : items.get(items.size() - 1);
                    String next = page.hasMore() ? Cursors.ofInstant(last.issuedAt(), last.id()) : null;
                    return new ListInvoicesResult(
                            items.stream().map(InvoiceView::of).toList(), items.size(), next);
                });
    }
}
