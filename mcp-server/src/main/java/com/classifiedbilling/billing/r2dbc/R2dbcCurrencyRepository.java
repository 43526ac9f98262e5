package com.classifiedbilling.billing.r2dbc;

import com.classifiedbilling.billing.CurrencyRepository;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** {@link CurrencyRepository} on the {@code currencies} table. */
@Component
final class R2dbcCurrencyRepository implements CurrencyRepository {

    private final DatabaseClient db;

    R2dbcCurrencyRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<String> codes() {
        return db.sql("SELECT code FROM currencies")
                .map(row -> row.get("code", String.class))
                .all();
    }
}
