package com.classifiedbilling.billing;

import java.time.Instant;
import java.util.Objects;

/** One effective write, as the audit log keeps it. */
public record AuditEvent(
        String workspaceId,
        String id,
        Instant occurredAt,
        Actor actor,
        String action,
        String targetId,
        String outcome,
        String detail) {

    public AuditEvent {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
