package com.classifiedbilling.tool;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page of customers. */
public record ListCustomersResult(
        List<CustomerView> customers,
        int total,
        @JsonProperty("next_cursor") String nextCursor) {}
