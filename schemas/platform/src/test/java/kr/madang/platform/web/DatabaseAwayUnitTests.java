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

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseAway.in(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseAway.in(new UncategorizedSQLException("insert", null,
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseAway.in(null)).isFalse();
    }
}
