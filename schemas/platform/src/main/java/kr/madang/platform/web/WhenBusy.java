package kr.madang.platform.web;

import java.util.function.Supplier;

/**
 * Runs a transaction again when it lost to contention (a deadlock victim, a lock wait or statement that timed out):
 * PostgreSQL rolled it back whole, so trying again is safe and usually succeeds at once. An outage or any other
 * failure is not retried. After the last attempt the caller gets {@link Busy} (503, Retry-After), never a 500.
 */
public final class WhenBusy {

    private WhenBusy() {
    }

    public static <T> T retry(int attempts, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!DatabaseAway.busy(e)) {
                    throw e;
                }
                if (attempt >= attempts) {
                    throw new Busy(e);
                }
            }
        }
    }
}
