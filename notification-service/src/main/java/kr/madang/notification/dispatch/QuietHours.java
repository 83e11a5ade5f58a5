package kr.madang.notification.dispatch;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** SMS reminders and announcements (not transactional messages, see MessagePurpose) are held from {@code start} to {@code end} local time (21:00–08:00 Asia/Seoul by default). */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public boolean isQuiet(Instant instant) {
        LocalTime t = instant.atZone(zone).toLocalTime();
        return start.isAfter(end) ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
    }

    /** {@code instant} itself outside quiet hours, else the end of the quiet period it falls in. */
    public Instant nextAllowed(Instant instant) {
        if (!isQuiet(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime end = local.with(this.end).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
