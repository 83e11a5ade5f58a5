package kr.madang.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database being away (stopped, restarting, unreachable), wherever it says so: a commit that
 * failed on a dead connection, a failure wrapped by a batch, or a rollback that failed after the statement before it
 * lost the connection (the pool then hands back a closed stand-in whose error has no SQLSTATE, and the transaction
 * template throws that one, keeping the real outage as its "application exception"). All are the same outage as a
 * connection refused, answered 503 with Retry-After, never 500.
 */
public final class DatabaseAway {

    private static final int MOST_LOOKED_AT = 64;

    private DatabaseAway() {
    }

    public static boolean in(Throwable failure) {
        Deque<Throwable> toLook = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            toLook.add(failure);
        }
        while (!toLook.isEmpty() && seen.size() < MOST_LOOKED_AT) {
            Throwable t = toLook.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (saysAway(t)) {
                return true;
            }
            if (t.getCause() != null) {
                toLook.add(t.getCause());
            }
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                toLook.add(rollback.getApplicationException());
            }
            Collections.addAll(toLook, t.getSuppressed());
        }
        return false;
    }

    private static boolean saysAway(Throwable t) {
        if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        // SQLSTATE class 08: connection exception; 57P: operator intervention (shutdown, restart)
        return t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
    }
}
