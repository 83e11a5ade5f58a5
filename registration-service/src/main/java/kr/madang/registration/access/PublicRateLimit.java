package kr.madang.registration.access;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * How often one client of the public (no staff token) may register, over the API or the form: a Bucket4j token bucket
 * per client address that holds {@code perMinute} requests and refills greedily at {@code perMinute} a minute, so a
 * person registering a few colleagues is never held up while a script sending hundreds is. {@code perMinute = 0} turns
 * the limit off. Kept in memory per instance: the limit is a guard against abuse, not an accounting rule; buckets that
 * have refilled completely are dropped (forgetting them changes no answer).
 */
public final class PublicRateLimit {

    /** Allowed, or refused with the number of seconds after which a retry would be allowed. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final Decision ALLOWED = new Decision(true, 0);
    private static final int MAX_CLIENTS_BEFORE_SWEEP = 50_000;

    private final int perMinute;
    private final TimeMeter time;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();

    public PublicRateLimit(int perMinute, Clock clock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("madang.registration.public-rate-limit.per-minute must not be negative");
        }
        this.perMinute = perMinute;
        // The application's clock, not the system's: tests move it, and Retry-After must hold against it.
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
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
        ConsumptionProbe probe = buckets.computeIfAbsent(client, c -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (buckets.size() > MAX_CLIENTS_BEFORE_SWEEP) {
            sweep();
        }
        if (probe.isConsumed()) {
            return ALLOWED;
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
        return new Decision(false, Math.max(1, seconds));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    private void sweep() {
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= perMinute);
        } finally {
            sweeping.unlock();
        }
    }
}
