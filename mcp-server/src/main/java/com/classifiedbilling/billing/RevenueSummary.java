package com.classifiedbilling.billing;

import java.util.List;

/**
 * Paid against outstanding money, one entry per currency.
 *
 * @param paid sums of paid invoices by currency
 * @param outstanding sums of due invoices by currency
 */
public record RevenueSummary(Workspace workspace, List<CurrencyAmount> paid, List<CurrencyAmount> outstanding) {

    public RevenueSummary {
        paid = List.copyOf(paid);
        outstanding = List.copyOf(outstanding);
    }
}
