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

        /**
         * {@code LIMIT rows}, written into the statement rather than bound. Bound, it would make
         * PostgreSQL plan the statement anew on every call: a generic plan must guess how many rows
         * an unknown limit takes (a tenth of the table), prices itself far above the plans made for
         * the real limit, and so is never chosen (pg_prepared_statements shows 0 generic plans of 20
         * then, 15 of 20 with the limit written in). The row count is the server's own number, never
         * text from a request, so each statement has at most one form per page size.
         */
        Builder limit(int rows) {
            sql.append(" LIMIT ").append(rows);
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
