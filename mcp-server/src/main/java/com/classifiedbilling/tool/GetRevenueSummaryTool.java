package com.classifiedbilling.tool;

import com.classifiedbilling.billing.InvoiceService;
import com.classifiedbilling.billing.Period;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code get_revenue_summary}: paid versus outstanding money in a workspace, in all or in a period. */
@Component
final class GetRevenueSummaryTool implements BillingTool<GetRevenueSummaryInput, GetRevenueSummaryResult> {

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
                + "outstanding, and how many invoices are paid and unpaid. With a period (from included, before not, "
                + "ISO 8601 dates read in time_zone, UTC by default), those figures cover the invoices issued in the "
                + "period, paid or still due now, and total_collected is the money received in it: the invoices paid "
                + "in the period, whenever they were issued.";
    }

    @Override
    public ToolHints hints() {
        return ToolHints.READ_ONLY;
    }

    @Override
    public Class<GetRevenueSummaryInput> inputType() {
        return GetRevenueSummaryInput.class;
    }

    @Override
    public Mono<GetRevenueSummaryResult> call(ToolCall call, GetRevenueSummaryInput input) {
        return Mono.defer(() -> {
            ZoneId zone = TimeInputs.zone(input.timeZone());
            Period period = TimeInputs.period("", input.from(), input.before(), zone);
            return invoices.revenue(call.userId(), input.workspaceId(), period)
                    .map(summary -> GetRevenueSummaryResult.of(summary, zone));
        });
    }
}
