package kr.madang.registration.access;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How often one client of the public (no staff token) may register: a token bucket per client that holds
 * {@code perMinute} requests and refills at {@code perMinute} a minute, so a person registering a few colleagues is never
 * held up while a script sending hundreds is. {@code perMinute = 0} turns the limit off. Kept in memory per instance: the
 * limit is a guard against abuse, not an accounting rule, and buckets of clients idle for a minute are dropped.
 */
public final class PublicRateLimit {

    /** Allowed, or refused with the number of seconds after which a retry would be allowed. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final Decision ALLOWED = new Decision(true, 0);
    private static final int MAX_CLIENTS_BEFORE_SWEEP = 50_000;

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long lastMillis) {
            this.tokens = tokens;
            this.lastMillis = lastMillis;
        }
    }

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();

    public PublicRateLimit(int perMinute, Clock clock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("madang.registration.public-rate-limit.per-minute must not be negative");
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public boolean enabled() {
        return perMinute > 0;
    }

    public int perMinute() {
        return perMinute;
    }

    public Decision tryAcquire(String client) {
        if (!enabled()) {
            return ALLOWED;
        }
        long now = clock.millis();
        double perMilli = perMinute / 60_000.0;
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(perMinute, now));
        Decision decision;
        synchronized (bucket) {
            bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.lastMillis) * perMilli);
            bucket.lastMillis = Math.max(bucket.lastMillis, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                decision = ALLOWED;
            } else {
                long waitMillis = (long) Math.ceil((1 - bucket.tokens) / perMilli);
                decision = new Decision(false, Math.max(1, (waitMillis + 999) / 1000));
            }
        }
        if (buckets.size() > MAX_CLIENTS_BEFORE_SWEEP) {
            sweep(now);
        }
        return decision;
    }

    /** Drops the buckets that have refilled completely: forgetting them changes no answer. */
    private void sweep(long now) {
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            buckets.entrySet().removeIf(e -> now - e.getValue().lastMillis >= 60_000);
        } finally {
            sweeping.unlock();
        }
    }
}
