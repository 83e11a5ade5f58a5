package kr.madang.registration.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests can move; it follows the real time until a test sets it. */
public class TestClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();
    private final ZoneId zone;

    public TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public void set(Instant instant) {
        fixed.set(instant);
    }

    public void advance(Duration duration) {
        fixed.updateAndGet(i -> (i == null ? Instant.now() : i).plus(duration));
    }

    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant i = fixed.get();
        return i != null ? i : Instant.now();
    }
}
