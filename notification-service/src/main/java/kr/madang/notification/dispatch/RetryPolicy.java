package kr.madang.notification.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff for temporary failures, for at most {@code maxDuration} after the first attempt (4 hours by
 * default, as GOV.UK Notify does); past that the message is a technical failure.
 */
public record RetryPolicy(Duration initialBackoff, double multiplier, Duration maxBackoff, Duration maxDuration) {

    /** When to try again after the {@code attempts}-th failed attempt, or empty when retries are exhausted. */
    public Optional<Instant> nextAttempt(int attempts, Instant firstAttemptAt, Instant now) {
        double factor = Math.pow(multiplier, Math.max(0, attempts - 1));
        long millis = (long) Math.min(initialBackoff.toMillis() * factor, maxBackoff.toMillis());
        Instant next = now.plusMillis(millis);
        Instant deadline = firstAttemptAt.plus(maxDuration);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
