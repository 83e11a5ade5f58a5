package kr.madang.notification.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff for temporary failures, for at most {@code maxDuration} after the first real attempt (4 hours
 * by default, as GOV.UK Notify does); past that the message is a technical failure. Each backoff is spread by
 * ± {@code jitter} (a share, 0.2 = ±20%) so that messages which failed together (a provider outage) do not all come
 * back in the same second.
 */
public record RetryPolicy(Duration initialBackoff, double multiplier, Duration maxBackoff, Duration maxDuration,
                          double jitter) {

    public RetryPolicy {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("retry jitter must be in [0, 1), was " + jitter);
        }
    }

    /** Without jitter: exact backoffs. */
    public RetryPolicy(Duration initialBackoff, double multiplier, Duration maxBackoff, Duration maxDuration) {
        this(initialBackoff, multiplier, maxBackoff, maxDuration, 0);
    }

    /** When to try again after the {@code attempts}-th failed attempt, or empty when retries are exhausted. */
    public Optional<Instant> nextAttempt(int attempts, Instant firstAttemptAt, Instant now) {
        return nextAttempt(attempts, firstAttemptAt, now, ThreadLocalRandom.current().nextDouble());
    }

    /** As above with the random draw given: {@code unit} in [0, 1) maps to a factor in [1 − jitter, 1 + jitter). */
    Optional<Instant> nextAttempt(int attempts, Instant firstAttemptAt, Instant now, double unit) {
        double factor = Math.pow(multiplier, Math.max(0, attempts - 1));
        double base = Math.min(initialBackoff.toMillis() * factor, maxBackoff.toMillis());
        long millis = (long) (base * (1 - jitter + 2 * jitter * unit));
        Instant next = now.plusMillis(millis);
        Instant deadline = firstAttemptAt.plus(maxDuration);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
