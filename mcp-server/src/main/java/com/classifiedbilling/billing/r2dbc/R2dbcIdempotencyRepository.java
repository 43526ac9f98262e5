package com.classifiedbilling.billing.r2dbc;

import com.classifiedbilling.billing.IdempotencyRepository;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link IdempotencyRepository} on the {@code idempotency_records} table. */
@Component
final class R2dbcIdempotencyRepository implements IdempotencyRepository {

    private static final String KEY = "workspace_id = :w AND user_id = :u AND action = :a AND idempotency_key = :k";

    private final DatabaseClient db;

    R2dbcIdempotencyRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> claim(IdempotencyKey key, String requestHash, Instant now, Instant expiresAt) {
        // an expired record of the same key gives way to the new claim
        Mono<Void> dropExpired = bindKey(
                        db.sql("DELETE FROM idempotency_records WHERE " + KEY + " AND expires_at < :now"), key)
                .bind("now", Columns.utc(now))
                .then();
        return dropExpired.then(
                db.sql("INSERT INTO idempotency_records (workspace_id, user_id, action, idempotency_key, "
                                + "request_hash, response, created_at, expires_at) VALUES (:w, :u, :a, :k, :hash, '', "
                                + ":now, :expires)")
                        .bind("w", key.workspaceId())
                        .bind("u", key.userId())
                        .bind("a", key.action())
                        .bind("k", key.key())
                        .bind("hash", requestHash)
                        .bind("now", Columns.utc(now))
                        .bind("expires", Columns.utc(expiresAt))
                        .then()
                        .thenReturn(Boolean.TRUE)
                        .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(Boolean.FALSE)));
    }

    @Override
    public Mono<Void> complete(IdempotencyKey key, String response) {
        return bindKey(db.sql("UPDATE idempotency_records SET response = :response WHERE " + KEY), key)
                .bind("response", response)
                .then();
    }

    @Override
    public Mono<StoredAnswer> find(IdempotencyKey key) {
        return bindKey(db.sql("SELECT request_hash, response FROM idempotency_records WHERE " + KEY), key)
                .map(row -> new StoredAnswer(row.get("request_hash", String.class), row.get("response", String.class)))
                .one();
    }

    private static DatabaseClient.GenericExecuteSpec bindKey(
            DatabaseClient.GenericExecuteSpec spec, IdempotencyKey key) {
        return spec.bind("w", key.workspaceId())
                .bind("u", key.userId())
                .bind("a", key.action())
                .bind("k", key.key());
    }
}
