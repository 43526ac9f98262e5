package com.classifiedbilling.auth.oauth.grant;

import static com.classifiedbilling.auth.SqlTimes.instant;
import static com.classifiedbilling.auth.SqlTimes.utc;

import com.classifiedbilling.auth.principal.Scope;
import com.classifiedbilling.auth.user.Plan;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** {@link GrantRepository} on {@code oauth_grants}, {@code oauth_codes} and {@code oauth_refresh_tokens}. */
@Component
final class R2dbcGrantRepository implements GrantRepository {

    private static final String GRANT_COLUMNS =
            "g.id, g.user_id, g.api_key_id, g.client_id, g.redirect_uri, g.scopes, g.resource, g.created_at";

    private final DatabaseClient db;

    private final TransactionalOperator transactions;

    R2dbcGrantRepository(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    @Override
    public Mono<Void> insert(Grant grant, String codeHash, String codeChallenge, Instant codeExpiresAt) {
        DatabaseClient.GenericExecuteSpec insertGrant = db.sql("""
                        INSERT INTO oauth_grants
                            (id, user_id, api_key_id, client_id, redirect_uri, scopes, resource, created_at)
                        VALUES (:id, :userId, :apiKeyId, :clientId, :redirectUri, :scopes, :resource, :createdAt)""")
                .bind("id", grant.id())
                .bind("userId", grant.userId())
                .bind("apiKeyId", grant.apiKeyId())
                .bind("redirectUri", grant.redirectUri())
                .bind("scopes", Scope.format(grant.scopes()))
                .bind("resource", grant.resource())
                .bind("createdAt", utc(grant.createdAt()));
        insertGrant = grant.clientId() == null
                ? insertGrant.bindNull("clientId", String.class)
                : insertGrant.bind("clientId", grant.clientId());
        Mono<Void> insertCode = db.sql("""
                        INSERT INTO oauth_codes (code_hash, grant_id, code_challenge, expires_at)
                        VALUES (:codeHash, :grantId, :challenge, :expiresAt)""")
                .bind("codeHash", codeHash)
                .bind("grantId", grant.id())
                .bind("challenge", codeChallenge)
                .bind("expiresAt", utc(codeExpiresAt))
                .then();
        return insertGrant.then().then(insertCode).as(transactions::transactional);
    }

    @Override
    public Mono<CodeRedemption> redeemCode(String codeHash, Instant now) {
        Mono<CodeRedemption> redeemed = db.sql("SELECT c.code_challenge, c.expires_at, " + GRANT_COLUMNS + """
                         FROM oauth_codes c JOIN oauth_grants g ON g.id = c.grant_id
                        WHERE c.code_hash = :codeHash""")
                .bind("codeHash", codeHash)
                .map(row -> (CodeRedemption) new CodeRedemption.Redeemed(
                        grant(row),
                        row.get("code_challenge", String.class),
                        instant(row.get("expires_at", OffsetDateTime.class))))
                .one();
        Mono<CodeRedemption> replayed = db.sql("SELECT grant_id FROM oauth_codes WHERE code_hash = :codeHash")
                .bind("codeHash", codeHash)
                .map(row -> (CodeRedemption) new CodeRedemption.Replayed(row.get("grant_id", String.class)))
                .one();
        // the conditional update decides, atomically, which of several redemptions is the first
        return db.sql("UPDATE oauth_codes SET used_at = :now WHERE code_hash = :codeHash AND used_at IS NULL")
                .bind("now", utc(now))
                .bind("codeHash", codeHash)
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated > 0 ? redeemed : replayed);
    }

    @Override
    public Mono<Void> insertRefreshToken(String tokenHash, String grantId, Instant createdAt, Instant expiresAt) {
        return db.sql("""
                        INSERT INTO oauth_refresh_tokens (token_hash, grant_id, created_at, expires_at)
                        VALUES (:tokenHash, :grantId, :createdAt, :expiresAt)""")
                .bind("tokenHash", tokenHash)
                .bind("grantId", grantId)
                .bind("createdAt", utc(createdAt))
                .bind("expiresAt", utc(expiresAt))
                .then();
    }

    @Override
    public Mono<RefreshToken> findRefreshToken(String tokenHash) {
        return db.sql("SELECT r.token_hash, r.expires_at, r.rotated_at, r.replaced_by, g.revoked_at, " + GRANT_COLUMNS
                        + """
                         FROM oauth_refresh_tokens r JOIN oauth_grants g ON g.id = r.grant_id
                        WHERE r.token_hash = :tokenHash""")
                .bind("tokenHash", tokenHash)
                .map(row -> new RefreshToken(
                        row.get("token_hash", String.class),
                        grant(row),
                        instant(row.get("expires_at", OffsetDateTime.class)),
                        instant(row.get("rotated_at", OffsetDateTime.class)),
                        row.get("replaced_by", String.class),
                        instant(row.get("revoked_at", OffsetDateTime.class))))
                .one();
    }

    @Override
    public Mono<Boolean> rotate(String tokenHash, String replacedBy, Instant now) {
        return db.sql("""
                        UPDATE oauth_refresh_tokens SET rotated_at = :now, replaced_by = :replacedBy
                        WHERE token_hash = :tokenHash AND rotated_at IS NULL""")
                .bind("now", utc(now))
                .bind("replacedBy", replacedBy)
                .bind("tokenHash", tokenHash)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated > 0);
    }

    @Override
    public Mono<Grant> findGrant(String grantId) {
        return db.sql("SELECT " + GRANT_COLUMNS + " FROM oauth_grants g WHERE g.id = :id")
                .bind("id", grantId)
                .map(R2dbcGrantRepository::grant)
                .one();
    }

    @Override
    public Mono<Boolean> revoke(String grantId, Instant now) {
        return db.sql("UPDATE oauth_grants SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", utc(now))
                .bind("id", grantId)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated > 0);
    }

    @Override
    public Mono<GrantOwner> findLiveOwner(String grantId) {
        return db.sql("""
                        SELECT g.id, g.user_id, u.email, u.plan, g.scopes
                        FROM oauth_grants g
                        JOIN api_keys k ON k.id = g.api_key_id
                        JOIN users u ON u.id = g.user_id
                        WHERE g.id = :id AND g.revoked_at IS NULL AND k.revoked_at IS NULL""")
                .bind("id", grantId)
                .map(row -> new GrantOwner(
                        row.get("id", String.class),
                        row.get("user_id", String.class),
                        row.get("email", String.class),
                        Plan.fromLabel(row.get("plan", String.class)).orElseThrow(),
                        Scope.parse(row.get("scopes", String.class))))
                .one();
    }

    private static Grant grant(Readable row) {
        return new Grant(
                row.get("id", String.class),
                row.get("user_id", String.class),
                row.get("api_key_id", String.class),
                row.get("client_id", String.class),
                row.get("redirect_uri", String.class),
                Scope.parse(row.get("scopes", String.class)),
                row.get("resource", String.class),
                instant(row.get("created_at", OffsetDateTime.class)));
    }
}
