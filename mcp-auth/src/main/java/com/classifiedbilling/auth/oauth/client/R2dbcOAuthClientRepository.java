package com.classifiedbilling.auth.oauth.client;

import static com.classifiedbilling.auth.SqlTimes.instant;
import static com.classifiedbilling.auth.SqlTimes.utc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
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
        DatabaseClient.GenericExecuteSpec insert =
                db.sql("""
                        INSERT INTO oauth_clients
                            (id, name, redirect_uris, auth_method, secret_hash, grant_types, created_at, unused_expires_at,
                             application_type, document_host)
                        VALUES (:id, :name, :redirectUris, :authMethod, :secretHash, :grantTypes, :createdAt, :expiresAt,
                                :applicationType, :documentHost)""").bind("id", client.id()).bind("createdAt", utc(client.createdAt()));
        return nullable(fields(insert, client), "expiresAt", utc(client.unusedExpiresAt()), OffsetDateTime.class)
                .then();
    }

    /** Binds what a client's registration or document says, the same for insert and update. */
    private static DatabaseClient.GenericExecuteSpec fields(
            DatabaseClient.GenericExecuteSpec spec, OAuthClient client) {
        spec = spec.bind("name", client.name())
                .bind("redirectUris", String.join("\n", client.redirectUris()))
                .bind("authMethod", client.authMethod().value())
                .bind(
                        "grantTypes",
                        String.join(" ", client.grantTypes().stream().sorted().toList()));
        spec = nullable(spec, "secretHash", client.secretHash(), String.class);
        spec = nullable(
                spec,
                "applicationType",
                client.applicationType() == null
                        ? null
                        : client.applicationType().value(),
                String.class);
        return nullable(spec, "documentHost", client.documentHost(), String.class);
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    @Override
    public Mono<Document> findDocument(String url) {
        return db.sql("""
                        SELECT d.expires_at AS document_expires_at, d.problem, c.id, c.name, c.redirect_uris,
                               c.auth_method, c.secret_hash, c.grant_types, c.created_at, c.unused_expires_at,
                               c.application_type, c.document_host
                        FROM oauth_client_documents d LEFT JOIN oauth_clients c ON c.id = d.url
                        WHERE d.url = :url""")
                .bind("url", url)
                .map(row -> new OAuthClientRepository.Document(
                        instant(row.get("document_expires_at", OffsetDateTime.class)),
                        row.get("problem", String.class),
                        row.get("id", String.class) == null ? null : client(row)))
                .one();
    }

    @Override
    public Mono<Void> saveDocumentClient(OAuthClient client, Instant fetchedAt, Instant expiresAt) {
        Mono<Long> update =
                fields(db.sql("""
                                UPDATE oauth_clients SET name = :name, redirect_uris = :redirectUris,
                                    auth_method = :authMethod, secret_hash = :secretHash, grant_types = :grantTypes,
                                    application_type = :applicationType, document_host = :documentHost
                                WHERE id = :id""").bind("id", client.id()), client).fetch().rowsUpdated();
        return upsert(update, insert(client).thenReturn(1L))
                .then(saveDocument(client.id(), null, fetchedAt, expiresAt));
    }

    @Override
    public Mono<Void> saveDocumentProblem(String url, String problem, Instant fetchedAt, Instant expiresAt) {
        return saveDocument(url, problem, fetchedAt, expiresAt);
    }

    private Mono<Void> saveDocument(String url, String problem, Instant fetchedAt, Instant expiresAt) {
        Mono<Long> update = nullable(db.sql("""
                                UPDATE oauth_client_documents SET fetched_at = :fetchedAt, expires_at = :expiresAt,
                                    problem = :problem
                                WHERE url = :url"""), "problem", problem, String.class)
                .bind("url", url)
                .bind("fetchedAt", utc(fetchedAt))
                .bind("expiresAt", utc(expiresAt))
                .fetch()
                .rowsUpdated();
        Mono<Long> insert = nullable(db.sql("""
                                INSERT INTO oauth_client_documents (url, fetched_at, expires_at, problem)
                                VALUES (:url, :fetchedAt, :expiresAt, :problem)"""), "problem", problem, String.class)
                .bind("url", url)
                .bind("fetchedAt", utc(fetchedAt))
                .bind("expiresAt", utc(expiresAt))
                .fetch()
                .rowsUpdated();
        return upsert(update, insert).then();
    }

    /**
     * Updates the row, or inserts it when there is none; when another instance inserted it in
     * between, updates after all. Last writer wins: every writer wrote what it just fetched.
     */
    private static Mono<Long> upsert(Mono<Long> update, Mono<Long> insert) {
        return update.flatMap(updated -> updated > 0
                ? Mono.just(updated)
                : insert.onErrorResume(DataIntegrityViolationException.class, raced -> update));
    }

    @Override
    public Mono<OAuthClient> findLive(String clientId, Instant now) {
        return db.sql("""
                        SELECT id, name, redirect_uris, auth_method, secret_hash, grant_types, created_at, unused_expires_at,
                               application_type, document_host
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
                instant(row.get("unused_expires_at", OffsetDateTime.class)),
                ApplicationType.fromValue(row.get("application_type", String.class))
                        .orElse(null),
                row.get("document_host", String.class));
    }
}
