package kr.madang.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs at real speed from a fixed start (a weekday, 10:00 in Seoul, so no quiet hours and no
 * day-before reminders unless a test moves it), and that tests can move.
 */
public class TestClock extends Clock {

    public static final Instant START = Instant.parse("2023-01-20T01:00:00Z");

    private final long startNanos = System.nanoTime();
    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant instant() {
        return START.plusNanos(System.nanoTime() - startNanos).plus(offset);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock so that it now reads {@code at}. */
    public void set(Instant at) {
        offset = offset.plus(Duration.between(instant(), at));
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
