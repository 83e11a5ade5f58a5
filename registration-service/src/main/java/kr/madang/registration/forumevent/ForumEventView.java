package kr.madang.registration.forumevent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A forum event as the API shows it; times in Seoul (+09:00). */
public record ForumEventView(UUID id, String title, String titleEn, String description, Region region, String venue,
                             String venueEn, OffsetDateTime startsAt, OffsetDateTime endsAt,
                             OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt, int capacity,
                             int confirmed, Integer waitlisted, Integer pendingApproval, int seatsLeft,
                             boolean selfRegistration, boolean approvalRequired, List<String> hosts,
                             List<String> organisers, List<String> sponsors, List<SessionView> sessions,
                             ForumEventStatus status, String cancelReason, List<String> allowedActions, long version,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public record SessionView(UUID id, int ordinal, SessionKind kind, String title, String titleEn, String location,
                              OffsetDateTime startsAt, OffsetDateTime endsAt, Integer capacity, int confirmed) {
    }

    public static ForumEventView of(ForumEventService.Detailed d) {
        return of(d.event(), d.sessions(), d.waitlisted(), d.pendingApproval());
    }

    public static ForumEventView of(ForumEvent e, List<ForumSession> sessions, Integer waitlisted, Integer pending) {
        return new ForumEventView(e.id(), e.title(), e.titleEn(), e.description(), e.region(), e.venue(), e.venueEn(),
                seoul(e.startsAt()), seoul(e.endsAt()), seoul(e.registrationOpensAt()), seoul(e.registrationClosesAt()),
                e.capacity(), e.confirmed(), waitlisted, pending, Math.max(0, e.capacity() - e.confirmed()),
                e.selfRegistration(), e.approvalRequired(), e.hosts(), e.organisers(), e.sponsors(),
                sessions == null ? null : sessions.stream().map(s -> new SessionView(s.id(), s.ordinal(), s.kind(),
                        s.title(), s.titleEn(), s.location(), seoul(s.startsAt()), seoul(s.endsAt()), s.capacity(),
                        s.confirmed())).toList(),
                e.status(), e.cancelReason(), e.status().allowedActions(), e.version(), seoul(e.createdAt()),
                seoul(e.updatedAt()));
    }

    public static OffsetDateTime seoul(Instant instant) {
        return instant == null ? null : instant.atZone(ForumEvent.SEOUL).toOffsetDateTime();
    }
}
