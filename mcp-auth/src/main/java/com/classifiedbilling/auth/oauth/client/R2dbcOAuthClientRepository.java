package com.classifiedbilling.auth.oauth.client;

import static com.classifiedbilling.auth.SqlTimes.instant;
import static com.classifiedbilling.auth.SqlTimes.utc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link OAuthClientRepository} on the {@code oauth_clients} table. */
@Component
final class R2dbcOAuthClientRepository implements OAuthClientRepository {

    private final DatabaseClient db;

    R2dbcOAuthClientRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(OAuthClient client) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        INSERT INTO oauth_clients
                            (id, name, redirect_uris, auth_method, secret_hash, grant_types, created_at, unused_expires_at)
                        VALUES (:id, :name, :redirectUris, :authMethod, :secretHash, :grantTypes, :createdAt, :expiresAt)""")
                .bind("id", client.id())
                .bind("name", client.name())
                .bind("redirectUris", String.join("\n", client.redirectUris()))
                .bind("authMethod", client.authMethod().value())
                .bind(
                        "grantTypes",
                        String.join(" ", client.grantTypes().stream().sorted().toList()))
                .bind("createdAt", utc(client.createdAt()))
                .bind("expiresAt", utc(client.unusedExpiresAt()));
        insert = client.secretHash() == null
                ? insert.bindNull("secretHash", String.class)
                : insert.bind("secretHash", client.secretHash());
        return insert.then();
    }

    @Override
    public Mono<OAuthClient> findLive(String clientId, Instant now) {
        return db.sql("""
                        SELECT id, name, redirect_uris, auth_method, secret_hash, grant_types, created_at, unused_expires_at
                        FROM oauth_clients
                        WHERE id = :id AND (unused_expires_at IS NULL OR unused_expires_at > :now)""")
                .bind("id", clientId)
                .bind("now", utc(now))
                .map(R2dbcOAuthClientRepository::client)
                .one();
    }

    @Override
    public Mono<Void> markApproved(String clientId) {
        return db.sql(
                        "UPDATE oauth_clients SET unused_expires_at = NULL WHERE id = :id AND unused_expires_at IS NOT NULL")
                .bind("id", clientId)
                .then();
    }

    @Override
    public Mono<Long> deleteExpired(Instant now) {
        return db.sql("DELETE FROM oauth_clients WHERE unused_expires_at <= :now")
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated();
    }

    private static OAuthClient client(Readable row) {
        return new OAuthClient(
                row.get("id", String.class),
                row.get("name", String.class),
                List.of(row.get("redirect_uris", String.class).split("\n")),
                ClientAuthMethod.fromValue(row.get("auth_method", String.class)).orElseThrow(),
                row.get("secret_hash", String.class),
                Set.copyOf(Arrays.asList(row.get("grant_types", String.class).split(" "))),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("unused_expires_at", OffsetDateTime.class)));
    }
}
