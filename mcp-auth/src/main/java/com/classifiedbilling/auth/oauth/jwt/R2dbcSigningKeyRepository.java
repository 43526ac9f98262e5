package com.classifiedbilling.auth.oauth.jwt;

import static com.classifiedbilling.auth.SqlTimes.instant;
import static com.classifiedbilling.auth.SqlTimes.utc;

import com.nimbusds.jose.jwk.ECKey;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link SigningKeyRepository} on the {@code oauth_signing_keys} table. */
@Component
final class R2dbcSigningKeyRepository implements SigningKeyRepository {

    private final DatabaseClient db;

    R2dbcSigningKeyRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<SigningKey> findUnretired() {
        return db.sql("""
                        SELECT kid, generation, jwk, active_from, retired_at FROM oauth_signing_keys
                        WHERE retired_at IS NULL ORDER BY generation""")
                .map(row -> new SigningKey(
                        row.get("kid", String.class),
                        row.get("generation", Integer.class),
                        parse(row.get("jwk", String.class)),
                        instant(row.get("active_from", OffsetDateTime.class)),
                        instant(row.get("retired_at", OffsetDateTime.class))))
                .all();
    }

    @Override
    public Mono<Void> insert(SigningKey key, Instant createdAt) {
        return db.sql("""
                        INSERT INTO oauth_signing_keys (kid, generation, jwk, created_at, active_from)
                        VALUES (:kid, :generation, :jwk, :createdAt, :activeFrom)""")
                .bind("kid", key.kid())
                .bind("generation", key.generation())
                .bind("jwk", key.jwk().toJSONString())
                .bind("createdAt", utc(createdAt))
                .bind("activeFrom", utc(key.activeFrom()))
                .then();
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key is not a valid EC JWK", e);
        }
    }
}
