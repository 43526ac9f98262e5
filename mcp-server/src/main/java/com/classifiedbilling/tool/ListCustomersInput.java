package com.classifiedbilling.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The input of {@code list_customers}. */
public record ListCustomersInput(
        @JsonProperty("workspace_id") String workspaceId, String search, String country, String cursor) {}
