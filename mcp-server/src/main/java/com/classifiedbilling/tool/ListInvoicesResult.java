package com.classifiedbilling.tool;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page of invoices, newest issued first. */
public record ListInvoicesResult(
        List<InvoiceView> invoices,
        int total,
        @JsonProperty("next_cursor") String nextCursor) {}
