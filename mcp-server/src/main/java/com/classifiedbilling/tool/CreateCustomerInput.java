package com.classifiedbilling.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The input of {@code create_customer}: every field is required but the idempotency key. */
public record CreateCustomerInput(
        @JsonProperty("workspace_id") String workspaceId,
        @JsonProperty("company_name") String companyName,
        @JsonProperty("company_email") String companyEmail,
        String currency,
        @JsonProperty("contact_first_name") String contactFirstName,
        @JsonProperty("contact_last_name") String contactLastName,
        @JsonProperty("contact_email") String contactEmail,
        String address,
        String city,
        String state,
        String zip,
        String country,
        @JsonProperty("idempotency_key") String idempotencyKey) {}
