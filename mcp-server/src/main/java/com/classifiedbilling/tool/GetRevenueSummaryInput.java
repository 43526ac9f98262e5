package com.classifiedbilling.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The input of {@code get_revenue_summary}.
 *
 * @param from with {@code before}, the half-open period; without either, all invoices
 * @param timeZone the IANA zone that dates without an offset are read in; {@code null} means UTC
 */
public record GetRevenueSummaryInput(
        @JsonProperty("workspace_id") String workspaceId,
        String from,
        String before,
        @JsonProperty("time_zone") String timeZone) {}
