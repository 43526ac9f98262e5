package com.classifiedbilling.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The input of {@code list_invoices}.
 *
 * @param status {@code Due}, {@code Paid} or {@code all}; {@code null} means all
 * @param limit 1 to 100; {@code null} means 20
 */
public record ListInvoicesInput(
        @JsonProperty("workspace_id") String workspaceId, String status, Integer limit, String cursor) {}
