package com.classifiedbilling.billing;

import java.util.List;

/** Counts of what a workspace holds and how its invoices stand. */
public record WorkspaceSummary(
        Workspace workspace,
        long customers,
        long invoices,
        long serviceItems,
        long teamMembers,
        List<StatusCount> invoicesByStatus) {

    public WorkspaceSummary {
        invoicesByStatus = List.copyOf(invoicesByStatus);
    }

    /** How many invoices have one status. */
    public record StatusCount(InvoiceStatus status, long count) {}
}
