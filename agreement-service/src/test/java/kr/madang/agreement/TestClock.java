package kr.madang.agreement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests set and move, so time-driven rules are tested without waiting. */
public class TestClock extends Clock {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    public void set(String seoulLocalDateTime) {
        now.set(java.time.LocalDateTime.parse(seoulLocalDateTime).atZone(SEOUL).toInstant());
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    public ZonedDateTime seoul() {
        return instant().atZone(SEOUL);
    }

    @Override
    public ZoneId getZone() {
        return SEOUL;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
