package com.classifiedbilling.billing;

import java.time.Instant;
import java.util.Objects;

/** A client of a workspace, billed in its own currency. */
public record Customer(
        String workspaceId,
        String id,
        String companyName,
        String companyEmail,
        String currency,
        String contactFirstName,
        String contactLastName,
        String contactEmail,
        Address address,
        Instant createdAt) {

    public Customer {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A postal address; every part is required for a customer. */
    public record Address(String street, String city, String state, String zip, String country) {}
}
