package com.classifiedbilling.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An invoice to a customer.
 *
 * @param customerName the customer's company name, as lists show it
 * @param amount exact, in {@code currency}
 * @param paidAt when it was paid, or {@code null} while it is due
 * @param paymentMethod how it was paid (e.g. Bank Transfer), or {@code null}
 */
public record Invoice(
        String workspaceId,
        String id,
        String number,
        String customerId,
        String customerName,
        BigDecimal amount,
        String currency,
        InvoiceStatus status,
        Instant issuedAt,
        Instant dueAt,
        Instant paidAt,
        String paymentMethod) {

    public Invoice {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
