package kr.madang.platform.outbox;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the relay as soon as a transaction with outbox rows commits, instead of waiting for the next poll. */
public class OutboxSignal {

    private final Semaphore permits = new Semaphore(0);

    public void wake() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    boolean await(long millis) throws InterruptedException {
        boolean woken = permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
        permits.drainPermits();
        return woken;
    }
}
