package kr.madang.registration.forumevent;

import java.time.Instant;
import java.util.UUID;

/** One part of a forum event (keynote, roundtable, site visit …) with its own time and, optionally, its own seats. */
public record ForumSession(UUID id, UUID eventId, int ordinal, SessionKind kind, String title, String titleEn,
                           String location, Instant startsAt, Instant endsAt, Integer capacity, int confirmed) {

    public ForumSession shiftedBy(java.time.Duration offset) {
        return new ForumSession(id, eventId, ordinal, kind, title, titleEn, location,
                startsAt.plus(offset), endsAt.plus(offset), capacity, confirmed);
    }
}
