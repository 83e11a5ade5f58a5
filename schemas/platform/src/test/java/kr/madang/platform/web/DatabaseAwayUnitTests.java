package kr.madang.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
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

    /** Issue 14: a deadlock or a lock wait that timed out is contention, retried, not an outage answered 503 for all. */
    @Test
    void aDeadlockOrALockTimeoutIsBusyNotTheDatabaseAway() {
        var deadlock = new org.springframework.dao.CannotAcquireLockException("update",
                new SQLException("deadlock detected", "40P01"));
        var lockTimeout = new UncategorizedSQLException("select for update", null,
                new SQLException("canceling statement due to lock timeout", "55P03"));
        var serialization = new org.springframework.dao.PessimisticLockingFailureException("update",
                new SQLException("could not serialize access", "40001"));
        for (RuntimeException contention : List.of(deadlock, lockTimeout, serialization)) {
            assertThat(DatabaseAway.in(contention)).as(contention.toString()).isFalse();
            assertThat(DatabaseAway.busy(contention)).as(contention.toString()).isTrue();
        }
        assertThat(DatabaseAway.busy(new org.springframework.dao.DataAccessResourceFailureException("gone",
                new SQLException("I/O error", "08006")))).isFalse();
    }

    @Test
    void contentionIsRetriedUntilItPassesAndTurnsBusyWhenItDoesNot() {
        int[] calls = {0};
        String result = WhenBusy.retry(3, () -> {
            if (++calls[0] < 3) {
                throw new org.springframework.dao.CannotAcquireLockException("deadlock", new SQLException("d", "40P01"));
            }
            return "saved";
        });
        assertThat(result).isEqualTo("saved");
        assertThat(calls[0]).isEqualTo(3);

        calls[0] = 0;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WhenBusy.retry(2, () -> {
            calls[0]++;
            throw new org.springframework.dao.CannotAcquireLockException("deadlock", new SQLException("d", "40P01"));
        })).isInstanceOf(Busy.class);
        assertThat(calls[0]).isEqualTo(2);

        calls[0] = 0;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WhenBusy.retry(3, () -> {
            calls[0]++;
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(calls[0]).as("a bug is not retried").isEqualTo(1);
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseAway.in(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseAway.in(new UncategorizedSQLException("insert", null,
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseAway.in(null)).isFalse();
    }
}
