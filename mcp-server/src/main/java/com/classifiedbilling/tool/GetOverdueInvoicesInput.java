package com.classifiedbilling.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The input of {@code get_overdue_invoices}.
 *
 * @param limit 1 to 100; {@code null} means 100
 */
public record GetOverdueInvoicesInput(
        @JsonProperty("workspace_id") String workspaceId, Integer limit, String cursor) {}
