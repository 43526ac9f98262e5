package com.classifiedbilling.tool;

import com.classifiedbilling.billing.InvoiceService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code get_revenue_summary}: paid versus outstanding money in a workspace. */
@Component
final class GetRevenueSummaryTool implements BillingTool<WorkspaceInput, GetRevenueSummaryResult> {

    private final InvoiceService invoices;

    GetRevenueSummaryTool(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Override
    public String name() {
        return "get_revenue_summary";
    }

    @Override
    public String title() {
        return "Revenue summary";
    }

    @Override
    public String description() {
        return "Returns a workspace's revenue per currency: the total of its paid invoices, the total still "
                + "outstanding, and how many invoices are paid and unpaid.";
    }

    @Override
    public ToolHints hints() {
        return ToolHints.READ_ONLY;
    }

    @Override
    public Class<WorkspaceInput> inputType() {
        return WorkspaceInput.class;
    }

    @Override
    public Mono<GetRevenueSummaryResult> call(ToolCall call, WorkspaceInput input) {
        return invoices.revenue(call.userId(), input.workspaceId()).map(GetRevenueSummaryResult::of);
    }
}
