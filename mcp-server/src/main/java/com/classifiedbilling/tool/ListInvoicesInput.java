package com.classifiedbilling.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The input of {@code list_invoices}. Every filter is optional; given together they all apply.
 *
 * @param status {@code Due}, {@code Paid} or {@code all}; {@code null} means all
 * @param limit 1 to 100; {@code null} means 20
 * @param issuedFrom with {@code issuedBefore}, the half-open range of issue dates; either may be
 *     absent, and so for due and paid dates
 * @param timeZone the IANA zone that dates without an offset are read in; {@code null} means UTC
 */
public record ListInvoicesInput(
        @JsonProperty("workspace_id") String workspaceId,
        String status,
        Integer limit,
        @JsonProperty("customer_id") String customerId,
        String number,
        @JsonProperty("issued_from") String issuedFrom,
        @JsonProperty("issued_before") String issuedBefore,
        @JsonProperty("due_from") String dueFrom,
        @JsonProperty("due_before") String dueBefore,
        @JsonProperty("paid_from") String paidFrom,
        @JsonProperty("paid_before") String paidBefore,
        @JsonProperty("time_zone") String timeZone,
        String cursor) {}
