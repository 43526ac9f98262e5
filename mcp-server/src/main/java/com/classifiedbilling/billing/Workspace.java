package com.classifiedbilling.billing;

import java.time.Instant;
import java.util.Objects;

/**
 * A billing workspace: one business's customers and invoices.
 *
 * @param currency the default ISO 4217 currency; summaries report their headline figures in it
 */
public record Workspace(
        String id,
        String ownerId,
        String title,
        String description,
        String urlSlug,
        String businessName,
        String businessEmail,
        String currency,
        Instant createdAt) {

    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(urlSlug, "urlSlug");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
