package com.classifiedbilling.tool;

import com.classifiedbilling.billing.WorkspaceSummary;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A workspace's counts and its invoices by payment status. */
public record GetWorkspaceSummaryResult(
        String id,
        String title,
        String business,
        Counts counts,
        @JsonProperty("invoices_by_status") List<StatusCount> invoicesByStatus) {

    /** How many of each thing the workspace holds. */
    public record Counts(long customers, long invoices, long serviceItems, long teamMembers) {}

    /** How many invoices have one status. */
    public record StatusCount(String status, long count) {}

    static GetWorkspaceSummaryResult of(WorkspaceSummary s) {
        return new GetWorkspaceSummaryResult(
                s.workspace().id(),
                s.workspace().title(),
                s.workspace().businessName(),
                new Counts(s.customers(), s.invoices(), s.serviceItems(), s.teamMembers()),
                s.invoicesByStatus().stream()
                        .map(c -> new StatusCount(c.status().label(), c.count()))
                        .toList());
    }
}
