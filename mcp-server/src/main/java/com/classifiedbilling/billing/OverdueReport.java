package com.classifiedbilling.billing;

import java.util.List;

/**
 * Invoices that are due and past their due date.
 *
 * @param workspace whose invoices these are
 * @param page the oldest due first, up to the asked limit
 * @param totals the amounts of all overdue invoices (not only this page), one entry per currency;
 *     never added across currencies
 */
public record OverdueReport(Workspace workspace, Page<Invoice> page, List<CurrencyAmount> totals) {

    public OverdueReport {
        totals = List.copyOf(totals);
    }

    /** How many invoices are overdue in all (may exceed the page's size). */
    public long count() {
        return totals.stream().mapToLong(CurrencyAmount::invoices).sum();
    }
}
