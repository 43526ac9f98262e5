package com.classifiedbilling.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The input of {@code mark_invoice_paid}. */
public record MarkInvoicePaidInput(
        @JsonProperty("workspace_id") String workspaceId,
        @JsonProperty("invoice_id") String invoiceId,
        @JsonProperty("payment_method") String paymentMethod,
        @JsonProperty("idempotency_key") String idempotencyKey) {}
