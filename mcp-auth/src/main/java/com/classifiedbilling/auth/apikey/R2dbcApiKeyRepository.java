package com.classifiedbilling.auth.apikey;

import static com.classifiedbilling.auth.SqlTimes.instant;
import static com.classifiedbilling.auth.SqlTimes.utc;

import com.classifiedbilling.auth.principal.Scope;
import com.classifiedbilling.auth.user.Plan;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link ApiKeyRepository} on the {@code api_keys} table. */
@Component
final class R2dbcApiKeyRepository implements ApiKeyRepository {

    private final DatabaseClient db;

    R2dbcApiKeyRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(ApiKey key, String keyHash) {
        return db.sql("""
                        INSERT INTO api_keys (id, user_id, name, display_prefix, key_hash, scopes, created_at)
                        VALUES (:id, :userId, :name, :displayPrefix, :keyHash, :scopes, :createdAt)""")
                .bind("id", key.id())
                .bind("userId", key.userId())
                .bind("name", key.name())
                .bind("displayPrefix", key.displayPrefix())
                .bind("keyHash", keyHash)
                .bind("scopes", Scope.format(key.scopes()))
                .bind("createdAt", utc(key.createdAt()))
                .then();
    }

    @Override
    public Flux<ApiKey> findByUser(String userId) {
        return db.sql("""
                        SELECT id, user_id, name, display_prefix, scopes, created_at, last_used_at, revoked_at
                        FROM api_keys WHERE user_id = :userId ORDER BY created_at DESC, id""")
                .bind("userId", userId)
                .map(R2dbcApiKeyRepository::apiKey)
                .all();
    }

    @Override
    public Mono<ApiKeyOwner> findLiveOwner(String keyHash) {
        return db.sql("""
                        SELECT k.id, k.key_hash, k.user_id, u.email, u.plan, k.scopes
                        FROM api_keys k JOIN users u ON u.id = k.user_id
                        WHERE k.key_hash = :keyHash AND k.revoked_at IS NULL""")
                .bind("keyHash", keyHash)
                .map(row -> new ApiKeyOwner(
                        row.get("id", String.class),
                        row.get("key_hash", String.class),
                        row.get("user_id", String.class),
                        row.get("email", String.class),
                        Plan.fromLabel(row.get("plan", String.class)).orElseThrow(),
                        Scope.parse(row.get("scopes", String.class))))
                .one();
    }

    @Override
    public Mono<String> revoke(String keyId, Instant at) {
        return db.sql("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("at", utc(at))
                .bind("id", keyId)
                .fetch()
                .rowsUpdated()
                .filter(updated -> updated > 0)
                .flatMap(updated -> db.sql("SELECT key_hash FROM api_keys WHERE id = :id")
                        .bind("id", keyId)
                        .map(row -> row.get("key_hash", String.class))
                        .one());
    }

    @Override
    public Mono<Void> touch(String keyId, Instant at) {
        return db.sql("UPDATE api_keys SET last_used_at = :at WHERE id = :id")
                .bind("at", utc(at))
                .bind("id", keyId)
                .then();
    }

    private static ApiKey apiKey(Readable row) {
        return new ApiKey(
                row.get("id", String.class),
                row.get("user_id", String.class),
                row.get("name", String.class),
                row.get("display_prefix", String.class),
                Scope.parse(row.get("scopes", String.class)),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("last_used_at", OffsetDateTime.class)),
                instant(row.get("revoked_at", OffsetDateTime.class)));
    }
}
