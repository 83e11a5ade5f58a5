package kr.madang.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseAwayUnitTests {

    @Test
    void aServerShutdownOrALostConnectionIsTheDatabaseAwayHoweverItIsWrapped() {
        SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseAway.in(new UncategorizedSQLException("commit", null, shutdown))).isTrue();
        assertThat(DatabaseAway.in(new TransactionSystemException("Could not commit", lost))).isTrue();
        assertThat(DatabaseAway.in(new CompletionException(new IllegalStateException("batch", lost)))).isTrue();
    }

    /**
     * Seen in the fault suite while PostgreSQL stopped: a statement failed on a lost connection (08006), the pool
     * replaced the broken connection by its closed stand-in, so the rollback failed too, with a plain SQLException and
     * no SQLSTATE. The transaction template throws the rollback's failure and keeps the statement's as the
     * "application exception": the outage is there, not in the cause chain.
     */
    @Test
    void aRollbackThatFailedAfterTheConnectionWasLostIsTheDatabaseAway() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException(
                "insert", new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(DatabaseAway.in(rollbackFailed)).isTrue();
        assertThat(DatabaseAway.in(new RuntimeException("wrapped", rollbackFailed))).isTrue();
    }

    @Test
    void aFailureWithTheOutageOnlyAmongItsSuppressedIsTheDatabaseAway() {
        IllegalStateException failure = new IllegalStateException("batch");
        failure.addSuppressed(new SQLException("FATAL: the database system is shutting down", "57P03"));
        assertThat(DatabaseAway.in(failure)).isTrue();
    }

    @Test
    void aRollbackFailureAfterAnOrdinaryErrorIsNot() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new IllegalArgumentException("a bug"));
        assertThat(DatabaseAway.in(rollbackFailed)).isFalse();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseAway.in(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseAway.in(new UncategorizedSQLException("insert", null,
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseAway.in(null)).isFalse();
    }
}
