package com.classifiedbilling.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** Something a workspace sells, with its unit price. */
public record ServiceItem(
        String workspaceId,
        String id,
        String name,
        String description,
        BigDecimal unitPrice,
        String currency,
        Instant createdAt) {

    public ServiceItem {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
