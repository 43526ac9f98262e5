package com.classifiedbilling.auth.user;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link UserRepository} on the {@code users} table. */
@Component
final class R2dbcUserRepository implements UserRepository {

    private static final String COLUMNS = "id, email, name, plan, created_at";

    private final DatabaseClient db;

    R2dbcUserRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<User> insert(User user) {
        return db.sql("INSERT INTO users (" + COLUMNS + ") VALUES (:id, :email, :name, :plan, :createdAt)")
                .bind("id", user.id())
                .bind("email", user.email())
                .bind("name", user.name())
                .bind("plan", user.plan().label())
                .bind("createdAt", user.createdAt().atOffset(ZoneOffset.UTC))
                .then()
                .thenReturn(user)
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> new AccountException("A user with email " + user.email() + " already exists."));
    }

    @Override
    public Mono<User> findByEmail(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .bind("email", email.toLowerCase(Locale.ROOT))
                .map(R2dbcUserRepository::user)
                .one();
    }

    @Override
    public Mono<Boolean> any() {
        return db.sql("SELECT 1 AS one FROM users FETCH FIRST 1 ROWS ONLY")
                .map(row -> Boolean.TRUE)
                .one()
                .defaultIfEmpty(Boolean.FALSE);
    }

    static User user(Readable row) {
        return new User(
                row.get("id", String.class),
                row.get("email", String.class),
                row.get("name", String.class),
                Plan.fromLabel(row.get("plan", String.class)).orElseThrow(),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }
}
