package kr.madang.notification.calendar;

import java.time.Duration;
import java.time.Instant;

import kr.madang.events.SessionSummary;

/** A session of the forum event the attendee chose and holds a seat in, as their calendar needs it. */
public record ChosenSession(String sessionId, String title, String titleEn, String room, Instant startsAt,
                            Instant endsAt) {

    public static ChosenSession of(SessionSummary s) {
        return new ChosenSession(s.getSessionId(), s.getTitle(), s.getTitleEn(), s.getRoom(), s.getStartsAt(),
                s.getEndsAt());
    }

    /** Sessions move with the forum event's start (as registration-service moves them on a reschedule). */
    public ChosenSession shiftedBy(Duration shift) {
        return new ChosenSession(sessionId, title, titleEn, room, startsAt.plus(shift), endsAt.plus(shift));
    }
}
