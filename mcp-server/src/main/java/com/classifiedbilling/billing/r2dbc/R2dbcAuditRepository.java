package com.classifiedbilling.billing.r2dbc;

import com.classifiedbilling.billing.AuditEvent;
import com.classifiedbilling.billing.AuditRepository;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link AuditRepository} on the {@code audit_events} table. */
@Component
final class R2dbcAuditRepository implements AuditRepository {

    private final DatabaseClient db;

    R2dbcAuditRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> append(AuditEvent e) {
        return db.sql("INSERT INTO audit_events (workspace_id, id, occurred_at, actor_user_id, credential_id, "
                        + "client_id, action, target_id, outcome, detail) VALUES (:w, :id, :at, :user, :credential, "
                        + ":client, :action, :target, :outcome, :detail)")
                .bind("w", e.workspaceId())
                .bind("id", e.id())
                .bind("at", Columns.utc(e.occurredAt()))
                .bind("user", e.actor().userId())
                .bind("credential", Columns.text(e.actor().credentialId()))
                .bind("client", Columns.text(e.actor().clientId()))
                .bind("action", e.action())
                .bind("target", Columns.text(e.targetId()))
                .bind("outcome", e.outcome())
                .bind("detail", Columns.text(e.detail()))
                .then();
    }
}
