package com.classifiedbilling.billing;

import java.util.Objects;

/**
 * Which invoices a list holds; every part is optional and the parts combine with AND.
 *
 * @param status {@code null} for every status
 * @param customerId {@code null} for every customer
 * @param number the invoice number, exactly; {@code null} for any
 * @param issued when the invoice was issued
 * @param due when it falls due
 * @param paid when it was paid; a bounded period holds only paid invoices
 */
public record InvoiceFilter(
        InvoiceStatus status, String customerId, String number, Period issued, Period due, Period paid) {

    /** Every invoice. */
    public static final InvoiceFilter ALL =
            new InvoiceFilter(null, null, null, Period.ALWAYS, Period.ALWAYS, Period.ALWAYS);

    public InvoiceFilter {
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(paid, "paid");
    }

    /** Only invoices with this status ({@code null} for all), the rest of the filter unchanged. */
    public InvoiceFilter withStatus(InvoiceStatus only) {
        return new InvoiceFilter(only, customerId, number, issued, due, paid);
    }
}
