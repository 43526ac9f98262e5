package com.classifiedbilling.tool;

import com.classifiedbilling.billing.BillingException;
import com.classifiedbilling.billing.InvoiceService;
import com.classifiedbilling.billing.PaymentOutcome;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code mark_invoice_paid}: records a payment, once. */
@Component
final class MarkInvoicePaidTool implements BillingTool<MarkInvoicePaidInput, MarkInvoicePaidResult> {

    private final InvoiceService invoices;

    private final IdempotentWrites idempotent;

    MarkInvoicePaidTool(InvoiceService invoices, IdempotentWrites idempotent) {
        this.invoices = invoices;
        this.idempotent = idempotent;
    }

    @Override
    public String name() {
        return "mark_invoice_paid";
    }

    @Override
    public String title() {
        return "Mark invoice paid";
    }

    @Override
    public String description() {
        return "Records that an invoice has been paid, with an optional payment method (for example Bank Transfer, "
                + "Stripe or Cash), and returns the invoice. The invoice is named by invoice_id or by its number "
                + "(invoice_number, e.g. INV-0042). An invoice that is already paid is left as it is, and the result "
                + "says already_paid.";
    }

    /** Overwrites the invoice's status (no tool undoes it), and a second call changes nothing. */
    @Override
    public ToolHints hints() {
        return new ToolHints(
                false,
                true,
                true,
                false,
                "Not read-only: it writes the payment. Destructive: it overwrites the invoice's status, payment date and"
                        + " method, and no tool undoes that. Idempotent: a second call with the same input finds the"
                        + " invoice paid and changes nothing. Closed world: it touches only this server's data.");
    }

    @Override
    public Class<MarkInvoicePaidInput> inputType() {
        return MarkInvoicePaidInput.class;
    }

    @Override
    public Mono<MarkInvoicePaidResult> call(ToolCall call, MarkInvoicePaidInput input) {
        return idempotent.run(
                call,
                name(),
                input.workspaceId(),
                input.idempotencyKey(),
                input,
                MarkInvoicePaidResult.class,
                () -> pay(call, input).map(MarkInvoicePaidResult::of));
    }

    private Mono<PaymentOutcome> pay(ToolCall call, MarkInvoicePaidInput input) {
        if (input.invoiceNumber() == null) {
            return invoices.markPaid(call.actor(), input.workspaceId(), input.invoiceId(), input.paymentMethod());
        }
        if (input.invoiceId() != null) {
            return Mono.error(BillingException.invalidInput(
                    "Fields 'invoice_id' and 'invoice_number' both name an invoice: give one of them."));
        }
        return invoices.markPaidByNumber(
                call.actor(), input.workspaceId(), input.invoiceNumber(), input.paymentMethod());
    }
}
