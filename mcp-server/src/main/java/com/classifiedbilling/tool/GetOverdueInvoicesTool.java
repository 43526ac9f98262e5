package com.classifiedbilling.tool;

import com.classifiedbilling.billing.CurrencyAmount;
import com.classifiedbilling.billing.Invoice;
import com.classifiedbilling.billing.InvoiceService;
import com.classifiedbilling.billing.OverdueReport;
import com.classifiedbilling.tool.GetOverdueInvoicesResult.CurrencyTotal;
import com.classifiedbilling.tool.GetOverdueInvoicesResult.OverdueInvoice;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code get_overdue_invoices}: unpaid invoices past their due date, most overdue first. */
@Component
final class GetOverdueInvoicesTool implements BillingTool<GetOverdueInvoicesInput, GetOverdueInvoicesResult> {

    static final int DEFAULT_LIMIT = 100;

    private final InvoiceService invoices;

    GetOverdueInvoicesTool(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Override
    public String name() {
        return "get_overdue_invoices";
    }

    @Override
    public String title() {
        return "Get overdue invoices";
    }

    @Override
    public String description() {
        return "Returns a workspace's unpaid invoices whose due date has passed, the most overdue first, with the "
                + "total overdue amount per currency and a cursor for the next page.";
    }

    @Override
    public ToolHints hints() {
        return ToolHints.READ_ONLY;
    }

    @Override
    public Class<GetOverdueInvoicesInput> inputType() {
        return GetOverdueInvoicesInput.class;
    }

    @Override
    public Mono<GetOverdueInvoicesResult> call(ToolCall call, GetOverdueInvoicesInput input) {
        int limit = input.limit() == null ? DEFAULT_LIMIT : input.limit();
        return Mono.defer(() ->
                        invoices.overdue(call.userId(), input.workspaceId(), limit, Cursors.instant(input.cursor())))
                .map(GetOverdueInvoicesTool::result);
    }

    private static GetOverdueInvoicesResult result(OverdueReport report) {
        String currency = report.workspace().currency();
        BigDecimal headline = report.totals().stream()
                .filter(total -> total.currency().equals(currency))
                .map(CurrencyAmount::amount)
                .findFirst()
                .orElse(BigDecimal.ZERO);
        List<Invoice> items = report.page().items();
        Invoice last = items.isEmpty() ? null : items.get(items.size() - 1);
        String next = report.page().hasMore() ? Cursors.ofInstant(last.dueAt(), last.id()) : null;
        return new GetOverdueInvoicesResult(
                items.stream().map(OverdueInvoice::of).toList(),
                WireFormat.amount(headline, currency),
                report.count(),
                currency,
                report.totals().stream().map(CurrencyTotal::of).toList(),
                next);
    }
}
