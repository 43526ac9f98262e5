package com.classifiedbilling.billing.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.r2dbc.BadSqlGrammarException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The failures as Spring and the driver wrap them, each kind in the shapes it reaches us in. */
class DatabaseFailuresTests {

    @Test
    void aDeadConnectionIsUnavailableHoweverDeepItsCause() {
        R2dbcNonTransientResourceException validation =
                new R2dbcNonTransientResourceException("Connection validation failed");

        assertThat(DatabaseFailures.isUnavailable(validation)).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new CannotCreateTransactionException(
                        "Could not open R2DBC Connection for transaction", validation)))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException(
                        "wrapped", new RuntimeException(new CannotCreateTransactionException("x", validation)))))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException(new ClosedChannelException())))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new DataAccessResourceFailureException("down")))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new R2dbcTimeoutException("statement timeout")))
                .isTrue();
    }

    @Test
    void aValueTheDatabaseCannotHoldIsTheRequestsFaultNotAnOutage() {
        BadSqlGrammarException nul = new BadSqlGrammarException(
                "executeMany", "SELECT …", new R2dbcBadGrammarException("invalid byte sequence", "22021", 0));
        BadSqlGrammarException tooLong = new BadSqlGrammarException(
                "execute", "INSERT …", new R2dbcBadGrammarException("value too long", "22001", 0));

        assertThat(DatabaseFailures.isUnstorableValue(nul)).isTrue();
        assertThat(DatabaseFailures.isUnstorableValue(tooLong)).isTrue();
        assertThat(DatabaseFailures.sqlState(tooLong)).isEqualTo("22001");
        assertThat(DatabaseFailures.isUnavailable(nul)).isFalse();
    }

    @Test
    void otherFailuresAreNeither() {
        for (Throwable other : new Throwable[] {
            new IllegalStateException("a bug"),
            new R2dbcDataIntegrityViolationException("duplicate key", "23505", 0),
            new R2dbcBadGrammarException("syntax error", "42601", 0)
        }) {
            assertThat(DatabaseFailures.isUnavailable(other))
                    .as(other.toString())
                    .isFalse();
            assertThat(DatabaseFailures.isUnstorableValue(other))
                    .as(other.toString())
                    .isFalse();
        }
    }
}
