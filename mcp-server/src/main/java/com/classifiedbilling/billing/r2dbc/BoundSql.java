package com.classifiedbilling.billing.r2dbc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * One SQL statement and the values of its named parameters, made apart from running it, so that a
 * test can {@code EXPLAIN} exactly the statement a call runs (SearchPlansIT).
 */
record BoundSql(String sql, Map<String, Object> parameters) {

    /** The statement, ready to run on this client. */
    DatabaseClient.GenericExecuteSpec on(DatabaseClient db) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            spec = spec.bind(parameter.getKey(), parameter.getValue());
        }
        return spec;
    }

    /** Builds a statement from parts, each with the parameters it names. */
    static final class Builder {

        private final StringBuilder sql;

        private final Map<String, Object> parameters = new LinkedHashMap<>();

        Builder(String start) {
            this.sql = new StringBuilder(start);
        }

        Builder append(String part) {
            sql.append(part);
            return this;
        }

        Builder bind(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        /** The statement; its parameters as bound so far, read-only (a call's builder is not used again). */
        BoundSql build() {
            return new BoundSql(sql.toString(), Collections.unmodifiableMap(parameters));
        }
    }
}
