package com.classifiedbilling.billing;

import java.util.List;

/**
 * Paid against outstanding money, one entry per currency, for the invoices issued in a period (all
 * of them for {@link Period#ALWAYS}).
 *
 * @param paid sums of the period's invoices that are paid, by currency
 * @param outstanding sums of the period's invoices that are still due, by currency
 * @param collected sums of the invoices paid in the period, whenever they were issued, by currency;
 *     empty for {@link Period#ALWAYS}, where it is {@code paid}
 */
public record RevenueSummary(
        Workspace workspace,
        Period period,
        List<CurrencyAmount> paid,
        List<CurrencyAmount> outstanding,
        List<CurrencyAmount> collected) {

    public RevenueSummary {
        paid = List.copyOf(paid);
        outstanding = List.copyOf(outstanding);
        collected = List.copyOf(collected);
    }
}
