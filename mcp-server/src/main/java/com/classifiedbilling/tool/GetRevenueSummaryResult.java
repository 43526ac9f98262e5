package com.classifiedbilling.tool;

import com.classifiedbilling.billing.CurrencyAmount;
import com.classifiedbilling.billing.RevenueSummary;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/**
 * Paid against outstanding revenue. The two totals are in the workspace's currency only; the counts
 * cover every invoice; {@code byCurrency} has each currency on its own.
 */
public record GetRevenueSummaryResult(
        @JsonProperty("total_paid") BigDecimal totalPaid,
        @JsonProperty("total_outstanding") BigDecimal totalOutstanding,
        @JsonProperty("paid_invoices") long paidInvoices,
        @JsonProperty("unpaid_invoices") long unpaidInvoices,
        @JsonProperty("total_invoices") long totalInvoices,
        String currency,
        @JsonProperty("by_currency") List<CurrencyRevenue> byCurrency,

        @JsonProperty("total_collected") @JsonInclude(JsonInclude.Include.NON_NULL)
        BigDecimal totalCollected,

        @JsonProperty("collected_invoices") @JsonInclude(JsonInclude.Include.NON_NULL)
        Long collectedInvoices,

        @JsonInclude(JsonInclude.Include.NON_NULL) PeriodView period) {

    /** Revenue in one currency; the collected figures only when a period was asked. */
    public record CurrencyRevenue(
            String currency,
            @JsonProperty("total_paid") BigDecimal totalPaid,
            @JsonProperty("total_outstanding") BigDecimal totalOutstanding,
            @JsonProperty("paid_invoices") long paidInvoices,
            @JsonProperty("unpaid_invoices") long unpaidInvoices,

            @JsonProperty("total_collected") @JsonInclude(JsonInclude.Include.NON_NULL)
            BigDecimal totalCollected,

            @JsonProperty("collected_invoices") @JsonInclude(JsonInclude.Include.NON_NULL)
            Long collectedInvoices) {}

    /** The period as read: its ends in UTC ({@code null} when open) and the zone its dates were read in. */
    public record PeriodView(
            String from,
            String before,
            @JsonProperty("time_zone") String timeZone) {}

    static GetRevenueSummaryResult of(RevenueSummary summary, ZoneId zone) {
        boolean period = !summary.period().always();
        TreeSet<String> currencies = new TreeSet<>();
        summary.paid().forEach(a -> currencies.add(a.currency()));
        summary.outstanding().forEach(a -> currencies.add(a.currency()));
        summary.collected().forEach(a -> currencies.add(a.currency()));
        List<CurrencyRevenue> byCurrency = currencies.stream()
                .map(c -> new CurrencyRevenue(
                        c,
                        WireFormat.amount(sum(summary.paid(), c), c),
                        WireFormat.amount(sum(summary.outstanding(), c), c),
                        count(summary.paid(), c),
                        count(summary.outstanding(), c),
                        period ? WireFormat.amount(sum(summary.collected(), c), c) : null,
                        period ? count(summary.collected(), c) : null))
                .toList();
        String currency = summary.workspace().currency();
        long paid = summary.paid().stream().mapToLong(CurrencyAmount::invoices).sum();
        long unpaid = summary.outstanding().stream()
                .mapToLong(CurrencyAmount::invoices)
                .sum();
        long collected =
                summary.collected().stream().mapToLong(CurrencyAmount::invoices).sum();
        return new GetRevenueSummaryResult(
                WireFormat.amount(sum(summary.paid(), currency), currency),
                WireFormat.amount(sum(summary.outstanding(), currency), currency),
                paid,
                unpaid,
                paid + unpaid,
                currency,
                byCurrency,
                period ? WireFormat.amount(sum(summary.collected(), currency), currency) : null,
                period ? collected : null,
                period
                        ? new PeriodView(
                                WireFormat.timestamp(summary.period().from()),
                                WireFormat.timestamp(summary.period().before()),
                                zone.getId())
                        : null);
    }

    private static BigDecimal sum(List<CurrencyAmount> amounts, String currency) {
        return amounts.stream()
                .filter(a -> a.currency().equals(currency))
                .map(CurrencyAmount::amount)
                .findFirst()
                .orElse(BigDecimal.ZERO);
    }

    private static long count(List<CurrencyAmount> amounts, String currency) {
        return amounts.stream()
                .filter(a -> a.currency().equals(currency))
                .mapToLong(CurrencyAmount::invoices)
                .sum();
    }
}
