package com.classifiedbilling.billing.r2dbc;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.nio.channels.ClosedChannelException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a database failure means for the caller: "the database cannot be reached right now" (retry,
 * not a bug), or "a value sent cannot be stored" (the request's fault, not a bug).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /**
     * Whether the database could not be reached or the connection died, judged by the failure and
     * every cause under it: Spring wraps the driver's errors (a dead pooled connection surfaces as
     * {@code CannotCreateTransactionException} around {@code R2dbcNonTransientResourceException:
     * Connection validation failed}), so the outermost exception alone says too little.
     */
    public static boolean isUnavailable(Throwable e) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof R2dbcTransientException
                    || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** What a caller is told when {@link #isUnstorableValue} holds. */
    public static final String UNSTORABLE_VALUE =
            "A value in the request cannot be stored: it is too long, or holds a character (such as NUL) that text may not hold.";

    /**
     * Whether the database refused a value the request carried: SQLSTATE class 22, "data
     * exception" (a string too long for its column, a NUL in text, a number out of range), on
     * PostgreSQL and H2 alike. The edges check every input first; this is the backstop that keeps a
     * check they miss a 400 rather than a 500.
     */
    public static boolean isUnstorableValue(Throwable e) {
        String state = sqlState(e);
        return state != null && state.startsWith("22");
    }

    /**
     * The SQLSTATE of the first database error among the causes, or {@code null}. Log this rather
     * than the error's message, which may quote the value it refused.
     */
    public static String sqlState(Throwable e) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
                return r2dbc.getSqlState();
            }
        }
        return null;
    }
}
