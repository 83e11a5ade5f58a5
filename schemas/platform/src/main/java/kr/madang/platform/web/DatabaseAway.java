package kr.madang.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
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

    /** Whether the failure is the database being away; a lock or serialisation conflict is not (see {@link #busy}). */
    public static boolean in(Throwable failure) {
        return anywhere(failure, DatabaseAway::saysAway);
    }

    /**
     * Whether the failure is contention, not an outage: a deadlock, a lock wait or statement that timed out, a
     * serialisation conflict. The transaction was rolled back whole, so the work can simply be tried again.
     */
    public static boolean busy(Throwable failure) {
        return !in(failure) && anywhere(failure, DatabaseAway::saysBusy);
    }

    private static boolean anywhere(Throwable failure, java.util.function.Predicate<Throwable> says) {
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
            if (says.test(t)) {
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

    private static boolean saysBusy(Throwable t) {
        if (t instanceof ConcurrencyFailureException || t instanceof QueryTimeoutException) {
            return true;
        }
        // 40001 serialization failure, 40P01 deadlock, 55P03 lock not available (lock_timeout), 57014 statement timeout
        return t instanceof SQLException sql && sql.getSQLState() != null
                && List.of("40001", "40P01", "55P03", "57014").contains(sql.getSQLState());
    }

    private static boolean saysAway(Throwable t) {
        if (saysBusy(t)) {
            return false;
        }
        if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        // SQLSTATE class 08: connection exception; 57P: operator intervention (shutdown, restart)
        return t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
    }
}
