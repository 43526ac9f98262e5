package com.classifiedbilling.billing;

import java.util.List;

/**
 * Invoices that are due and past their due date.
 *
 * @param invoices the oldest due first, up to the asked limit
 * @param totals the amounts of all overdue invoices, one entry per currency; never added across
 *     currencies
 */
public record OverdueReport(List<Invoice> invoices, List<CurrencyAmount> totals) {

    public OverdueReport {
        invoices = List.copyOf(invoices);
        totals = List.copyOf(totals);
    }

    /** How many invoices are overdue in all (may exceed {@code invoices().size()}). */
    public long count() {
        return totals.stream().mapToLong(CurrencyAmount::invoices).sum();
    }
}
