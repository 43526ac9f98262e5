package com.classifiedbilling.tool;

import com.classifiedbilling.billing.Invoice;
import com.classifiedbilling.billing.PaymentOutcome;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * The invoice after {@code mark_invoice_paid}, in the shape {@code list_invoices} uses plus its
 * payment; {@code alreadyPaid} is {@code true} when nothing changed because it had been paid before.
 */
public record MarkInvoicePaidResult(
        PaidInvoice invoice, @JsonProperty("already_paid") boolean alreadyPaid) {

    /** An invoice with its payment. */
    public record PaidInvoice(
            String id,
            String number,
            String client,
            BigDecimal amount,
            String currency,
            String status,
            String issued,
            String due,
            @JsonProperty("paid_at") String paidAt,
            @JsonProperty("payment_method") String paymentMethod) {

        static PaidInvoice of(Invoice i) {
            return new PaidInvoice(
                    i.id(),
                    i.number(),
                    i.customerName(),
                    WireFormat.amount(i.amount(), i.currency()),
                    i.currency(),
                    i.status().label(),
                    WireFormat.timestamp(i.issuedAt()),
                    WireFormat.timestamp(i.dueAt()),
                    WireFormat.timestamp(i.paidAt()),
                    i.paymentMethod());
        }
    }

    static MarkInvoicePaidResult of(PaymentOutcome outcome) {
        return new MarkInvoicePaidResult(PaidInvoice.of(outcome.invoice()), outcome.alreadyPaid());
    }
}
