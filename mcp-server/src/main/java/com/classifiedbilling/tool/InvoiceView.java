package com.classifiedbilling.tool;

import com.classifiedbilling.billing.Invoice;
import java.math.BigDecimal;

/** An invoice as {@code list_invoices} shows it. */
public record InvoiceView(
        String id,
        String number,
        String client,
        BigDecimal amount,
        String currency,
        String status,
        String issued,
        String due) {

    static InvoiceView of(Invoice i) {
        return new InvoiceView(
                i.id(),
                i.number(),
                i.customerName(),
                WireFormat.amount(i.amount(), i.currency()),
                i.currency(),
                i.status().label(),
                WireFormat.timestamp(i.issuedAt()),
                WireFormat.timestamp(i.dueAt()));
    }
}
