package com.classifiedbilling.tool;

import com.classifiedbilling.billing.CurrencyAmount;
import com.classifiedbilling.billing.Invoice;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * Overdue invoices with their total. {@code totalOverdueAmount} is in the workspace's currency only;
 * {@code byCurrency} has every currency, never added together.
 */
public record GetOverdueInvoicesResult(
        @JsonProperty("overdue_invoices") List<OverdueInvoice> overdueInvoices,
        @JsonProperty("total_overdue_amount") BigDecimal totalOverdueAmount,
        long count,
        String currency,
        @JsonProperty("by_currency") List<CurrencyTotal> byCurrency,
        @JsonProperty("next_cursor") String nextCursor) {

    /** One overdue invoice. */
    public record OverdueInvoice(
            String id,
            String number,
            String client,
            @JsonProperty("due_date") String dueDate,
            BigDecimal amount,
            String currency) {

        static OverdueInvoice of(Invoice i) {
            return new OverdueInvoice(
                    i.id(),
                    i.number(),
                    i.customerName(),
                    WireFormat.timestamp(i.dueAt()),
                    WireFormat.amount(i.amount(), i.currency()),
                    i.currency());
        }
    }

    /** The overdue sum and count in one currency. */
    public record CurrencyTotal(String currency, BigDecimal amount, long count) {

        static CurrencyTotal of(CurrencyAmount a) {
            return new CurrencyTotal(a.currency(), WireFormat.amount(a.amount(), a.currency()), a.invoices());
        }
    }
}
