package kr.madang.notification.dispatch;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes the dispatcher as soon as new messages commit, so a confirmation leaves within milliseconds, not a poll. */
@Component
public class DispatchSignal {

    private final Semaphore permits = new Semaphore(0);

    public void wake() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Wakes the dispatcher after the current transaction commits (at once when there is none). */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    boolean await(long millis) throws InterruptedException {
        boolean woken = permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
        permits.drainPermits();
        return woken;
    }
}
