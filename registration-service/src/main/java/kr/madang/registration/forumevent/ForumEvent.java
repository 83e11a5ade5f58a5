package kr.madang.registration.forumevent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kr.madang.registration.rules.RuleViolation;
import kr.madang.registration.rules.StateConflict;

/**
 * A forum event (one edition of the forum) and the rules of its lifecycle. Each transition checks that the current
 * state allows it and returns the new state with the past-tense change that announces it. The seat counters
 * ({@code confirmed}, {@code waitlistIssued}) are moved by the database in one conditional UPDATE, never here.
 */
public record ForumEvent(UUID id, String title, String titleEn, String description, Region region, String venue,
                         String venueEn, Instant startsAt, Instant endsAt, Instant registrationOpensAt,
                         Instant registrationClosesAt, int capacity, int confirmed, int waitlistIssued,
                         boolean selfRegistration, boolean approvalRequired, List<String> hosts, List<String> organisers,
                         List<String> sponsors, ForumEventStatus status, String cancelReason, long version,
                         String createdBy, Instant createdAt, Instant updatedAt) {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Longer than this is almost surely a typo in a date; a real forum lasts days. */
    static final Duration LONGEST_EVENT = Duration.ofDays(31);

    /** What the organiser describes; checked as a whole so that every date is consistent with the others. */
    public record Details(String title, String titleEn, String description, Region region, String venue, String venueEn,
                          Instant startsAt, Instant endsAt, Instant registrationOpensAt, Instant registrationClosesAt,
                          int capacity, boolean selfRegistration, boolean approvalRequired, List<String> hosts,
                          List<String> organisers, List<String> sponsors, List<SessionDetails> sessions) {
    }

    public record SessionDetails(SessionKind kind, String title, String titleEn, String location, Instant startsAt,
                                 Instant endsAt, Integer capacity) {
    }

    /** A past-tense change of a forum event, with the state after it. */
    public sealed interface Change {
        ForumEvent event();
    }

    public record Scheduled(ForumEvent event, List<ForumSession> sessions) implements Change {
    }

    public record Opened(ForumEvent event) implements Change {
    }

    public record Closed(ForumEvent event) implements Change {
    }

    public record Completed(ForumEvent event) implements Change {
    }

    public record Cancelled(ForumEvent event, String reason) implements Change {
    }

    public record Rescheduled(ForumEvent event, Instant previousStartsAt, Instant previousEndsAt, String previousVenue,
                              Duration shift) implements Change {
    }

    public record CapacityChanged(ForumEvent event, int previousCapacity) implements Change {
    }

    public static Scheduled schedule(UUID id, Details d, String createdBy, Instant now) {
        checkDates(d.startsAt(), d.endsAt(), "endsAt");
        checkWindow(d.registrationOpensAt(), d.registrationClosesAt(), d.endsAt());
        List<ForumSession> sessions = new ArrayList<>();
        List<SessionDetails> given = d.sessions() == null ? List.of() : d.sessions();
        for (int i = 0; i < given.size(); i++) {
            SessionDetails s = given.get(i);
            String field = "sessions[" + i + "]";
            if (!s.endsAt().isAfter(s.startsAt())) {
                throw new RuleViolation(field + ".endsAt", "must be after the session's startsAt");
            }
            if (s.startsAt().isBefore(d.startsAt()) || s.endsAt().isAfter(d.endsAt())) {
                throw new RuleViolation(field + ".startsAt", "must lie within the event's startsAt and endsAt");
            }
            if (s.capacity() != null && s.capacity() > d.capacity()) {
                throw new RuleViolation(field + ".capacity", "cannot exceed the event's capacity");
            }
            sessions.add(new ForumSession(UUID.randomUUID(), id, i + 1, s.kind(), s.title(), s.titleEn(), s.location(),
                    s.startsAt(), s.endsAt(), s.capacity(), 0));
        }
        ForumEvent event = new ForumEvent(id, d.title(), d.titleEn(), d.description(), d.region(), d.venue(), d.venueEn(),
                d.startsAt(), d.endsAt(), d.registrationOpensAt(), d.registrationClosesAt(), d.capacity(), 0, 0,
                d.selfRegistration(), d.approvalRequired(), nonNull(d.hosts()), nonNull(d.organisers()),
                nonNull(d.sponsors()), ForumEventStatus.DRAFT, null, 1, createdBy, now, now);
        return new Scheduled(event, sessions);
    }

    public Opened open(Instant now) {
        require("open", ForumEventStatus.DRAFT, ForumEventStatus.CLOSED);
        return new Opened(with(ForumEventStatus.OPEN, cancelReason, now));
    }

    public Closed close(Instant now) {
        require("close", ForumEventStatus.OPEN);
        return new Closed(with(ForumEventStatus.CLOSED, cancelReason, now));
    }

    public Completed complete(Instant now) {
        require("complete", ForumEventStatus.OPEN, ForumEventStatus.CLOSED);
        if (now.isBefore(startsAt)) {
            throw new StateConflict("Event has not started", "An event can be completed only once it has started",
                    status.name(), status.allowedActions());
        }
        return new Completed(with(ForumEventStatus.COMPLETED, cancelReason, now));
    }

    public Cancelled cancel(String reason, Instant now) {
        require("cancel", ForumEventStatus.DRAFT, ForumEventStatus.OPEN, ForumEventStatus.CLOSED);
        return new Cancelled(with(ForumEventStatus.CANCELLED, reason, now), reason);
    }

    /** New dates and/or venue; sessions move with the start (a forum moved by a week keeps its programme). */
    public Rescheduled reschedule(Instant newStartsAt, Instant newEndsAt, String newVenue, Instant now) {
        require("reschedule", ForumEventStatus.DRAFT, ForumEventStatus.OPEN, ForumEventStatus.CLOSED);
        checkDates(newStartsAt, newEndsAt, "endsAt");
        String venue = newVenue == null ? this.venue : newVenue;
        if (newStartsAt.equals(startsAt) && newEndsAt.equals(endsAt) && venue.equals(this.venue)) {
            throw new RuleViolation("startsAt", "is unchanged: give new dates or a new venue");
        }
        if (registrationClosesAt != null && registrationClosesAt.isAfter(newEndsAt)) {
            throw new RuleViolation("endsAt", "must be after the registration window closes");
        }
        ForumEvent moved = new ForumEvent(id, title, titleEn, description, region, venue, venueEn, newStartsAt, newEndsAt,
                registrationOpensAt, registrationClosesAt, capacity, confirmed, waitlistIssued, selfRegistration,
                approvalRequired, hosts, organisers, sponsors, status, cancelReason, version, createdBy, createdAt, now);
        return new Rescheduled(moved, startsAt, endsAt, this.venue, Duration.between(startsAt, newStartsAt));
    }

    /** More seats promote the waitlist; fewer than are already taken is refused (nobody loses a confirmed seat). */
    public CapacityChanged changeCapacity(int newCapacity, Instant now) {
        require("capacity", ForumEventStatus.DRAFT, ForumEventStatus.OPEN, ForumEventStatus.CLOSED);
        if (newCapacity < confirmed) {
            throw new RuleViolation("capacity", "cannot be below the " + confirmed + " seats already confirmed");
        }
        ForumEvent changed = new ForumEvent(id, title, titleEn, description, region, venue, venueEn, startsAt, endsAt,
                registrationOpensAt, registrationClosesAt, newCapacity, confirmed, waitlistIssued, selfRegistration,
                approvalRequired, hosts, organisers, sponsors, status, cancelReason, version, createdBy, createdAt, now);
        return new CapacityChanged(changed, capacity);
    }

    /** Why a registration cannot be taken now, or null when it can. Staff are not bound by the public window. */
    public String registrationRefusal(Instant now, boolean selfService) {
        if (status != ForumEventStatus.OPEN) {
            return "The event is " + status + ", not open for registration";
        }
        if (selfService) {
            if (!selfRegistration) {
                return "This event does not take self-registrations";
            }
            if (registrationOpensAt != null && now.isBefore(registrationOpensAt)) {
                return "Registration opens at " + registrationOpensAt.atZone(SEOUL).toOffsetDateTime();
            }
            if (registrationClosesAt != null && !now.isBefore(registrationClosesAt)) {
                return "Registration closed at " + registrationClosesAt.atZone(SEOUL).toOffsetDateTime();
            }
        }
        return null;
    }

    /** The event's days in Seoul, first to last: a multi-day event checks attendees in once per day. */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = endsAt.atZone(SEOUL).toLocalDate();
        for (LocalDate d = startsAt.atZone(SEOUL).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    private void require(String action, ForumEventStatus... allowed) {
        for (ForumEventStatus s : allowed) {
            if (s == status) {
                return;
            }
        }
        throw new StateConflict("Not allowed in state " + status,
                "Cannot " + action + " an event that is " + status, status.name(), status.allowedActions());
    }

    /** The event as it stood after one registration of a group commit: its seat counters and aggregate version. */
    public ForumEvent withCounters(int newConfirmed, int newWaitlistIssued, long newVersion) {
        return new ForumEvent(id, title, titleEn, description, region, venue, venueEn, startsAt, endsAt,
                registrationOpensAt, registrationClosesAt, capacity, newConfirmed, newWaitlistIssued, selfRegistration,
                approvalRequired, hosts, organisers, sponsors, status, cancelReason, newVersion, createdBy, createdAt,
                updatedAt);
    }

    private ForumEvent with(ForumEventStatus newStatus, String reason, Instant now) {
        return new ForumEvent(id, title, titleEn, description, region, venue, venueEn, startsAt, endsAt,
                registrationOpensAt, registrationClosesAt, capacity, confirmed, waitlistIssued, selfRegistration,
                approvalRequired, hosts, organisers, sponsors, newStatus, reason, version, createdBy, createdAt, now);
    }

    private static void checkDates(Instant startsAt, Instant endsAt, String field) {
        if (!endsAt.isAfter(startsAt)) {
            throw new RuleViolation(field, "must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST_EVENT) > 0) {
            throw new RuleViolation(field, "must be within 31 days of startsAt");
        }
    }

    private static void checkWindow(Instant opensAt, Instant closesAt, Instant endsAt) {
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            throw new RuleViolation("registrationClosesAt", "must be after registrationOpensAt");
        }
        if (closesAt != null && closesAt.isAfter(endsAt)) {
            throw new RuleViolation("registrationClosesAt", "must not be after the event ends");
        }
        if (opensAt != null && !opensAt.isBefore(endsAt)) {
            throw new RuleViolation("registrationOpensAt", "must be before the event ends");
        }
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
