package com.classifiedbilling.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The input of {@code mark_invoice_paid}: the invoice by its id or by its number. */
public record MarkInvoicePaidInput(
        @JsonProperty("workspace_id") String workspaceId,
        @JsonProperty("invoice_id") String invoiceId,
        @JsonProperty("invoice_number") String invoiceNumber,
        @JsonProperty("payment_method") String paymentMethod,
        @JsonProperty("idempotency_key") String idempotencyKey) {}
