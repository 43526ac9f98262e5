package com.classifiedbilling.billing.r2dbc;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/** Which failures mean "the database cannot be reached right now": the caller should retry, not report a bug. */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable e) {
        return e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessException
                || e instanceof R2dbcTransientException
                || e instanceof R2dbcNonTransientResourceException;
    }
}
