package kr.madang.registration.checkin;

import static kr.madang.registration.forumevent.ForumEventRepository.instant;
import static kr.madang.registration.forumevent.ForumEventRepository.ts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import kr.madang.registration.access.Access;
import kr.madang.registration.attendee.Registration;
import kr.madang.registration.attendee.RegistrationRepository;
import kr.madang.registration.attendee.RegistrationStatus;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.forumevent.ForumEventStatus;
import kr.madang.registration.links.AttendeeLinks;
import kr.madang.registration.links.SignedLinks;
import kr.madang.registration.publishing.DomainEvents;
import kr.madang.registration.ticket.ShortCodes;
import kr.madang.registration.ticket.TicketCodes;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-in at the door by the signed code of a confirmed registration, once per event day. A second scan the same
 * day answers when the attendee was checked in; a refused code says why ({@code reason}), so door staff can act.
 */
@Service
public class CheckInService {

    public enum Outcome {
        CHECKED_IN, ALREADY_CHECKED_IN
    }

    public record Result(Outcome outcome, Registration registration, LocalDate day, Instant checkedInAt) {
    }

    private final JdbcClient jdbc;
    private final ForumEventRepository events;
    private final RegistrationRepository registrations;
    private final AttendeeLinks links;
    private final DomainEvents publish;
    private final Clock clock;
    private final TicketCodes ticketCodes;

    public CheckInService(JdbcClient jdbc, ForumEventRepository events, RegistrationRepository registrations,
                          AttendeeLinks links, DomainEvents publish, Clock clock, TicketCodes ticketCodes) {
        this.ticketCodes = ticketCodes;
        this.jdbc = jdbc;
        this.events = events;
        this.registrations = registrations;
        this.links = links;
        this.publish = publish;
        this.clock = clock;
    }

    @Transactional
    public Result checkIn(String token, LocalDate requestedDay, CurrentUser user) {
        return checkIn(token, null, requestedDay, user, null, null, null);
    }

    /**
     * By the QR code's signed token, or by the short code typed at the door ({@code ABCD-EFGH}, any case, spaces and
     * hyphens ignored). A short code is unique only within its event: {@code eventId} names it, or for door staff
     * the event their account is for.
     */
    @Transactional
    public Result checkIn(String token, UUID eventId, LocalDate requestedDay, CurrentUser user) {
        return checkIn(token, eventId, requestedDay, user, null, null, null);
    }

    /**
     * The door's check-in, also for an offline device's queued one: {@code at} the (device) time it happened (null:
     * now), {@code device} the door's name ("door 2"), {@code expectedEvent} the event this door checks in for (a code
     * of another one is refused as WRONG_EVENT before anything is written; a short code is looked up in it).
     */
    @Transactional
    public Result checkIn(String token, LocalDate requestedDay, CurrentUser user, Instant at, String device,
                          UUID expectedEvent) {
        return checkIn(token, expectedEvent, requestedDay, user, at, device, expectedEvent);
    }

    private Result checkIn(String token, UUID eventId, LocalDate requestedDay, CurrentUser user, Instant at,
                           String device, UUID expectedEvent) {
        SignedLinks.Grant grant;
        Optional<String> shortCode = token.indexOf('.') < 0 ? ShortCodes.normalise(token) : Optional.empty();
        if (shortCode.isPresent()) {
            grant = shortCodeGrant(shortCode.get(), eventId != null ? eventId : staffEvent(user), user);
        } else {
            try {
                grant = links.verifySignature(token, SignedLinks.Purpose.CHECK_IN);
            } catch (SignedLinks.InvalidLink e) {
                throw refused(HttpStatus.UNPROCESSABLE_ENTITY, e.reason(), e.getMessage());
            }
        }
        ForumEvent event = events.find(grant.eventId())
                .orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "UNKNOWN_EVENT", "The code's event does not exist"));
        if (expectedEvent != null && !expectedEvent.equals(event.id())) {
            throw refused(HttpStatus.UNPROCESSABLE_ENTITY, "WRONG_EVENT", "This code belongs to another event");
        }
        Access.requireCheckIn(user, event);
        if (!clock.instant().isBefore(grant.expiresAt())) {
            throw refused(HttpStatus.UNPROCESSABLE_ENTITY, "EXPIRED", "The code expired at "
                    + grant.expiresAt().atZone(ForumEvent.SEOUL).toOffsetDateTime());
        }
        if (event.status() == ForumEventStatus.CANCELLED) {
            throw refused(HttpStatus.CONFLICT, "EVENT_CANCELLED", "The event was cancelled");
        }
        Instant now = at != null ? at : clock.instant();
        LocalDate day = requestedDay != null ? requestedDay : now.atZone(ForumEvent.SEOUL).toLocalDate();
        if (!event.days().contains(day)) {
            throw refused(HttpStatus.CONFLICT, "NOT_AN_EVENT_DAY", "The event does not take place on " + day
                    + " (its days: " + event.days() + ")");
        }
        Optional<Instant> earlier = checkedInAt(grant.registrationId(), day);
        if (earlier.isPresent()) {
            Registration r = registrations.find(grant.registrationId()).orElseThrow();
            return new Result(Outcome.ALREADY_CHECKED_IN, r, day, earlier.get());
        }
        ForumEvent locked = events.lock(event.id()).orElseThrow();
        Registration r = registrations.find(grant.registrationId()).filter(x -> x.eventId().equals(locked.id()))
                .orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "UNKNOWN_REGISTRATION", "The code's registration does not exist"));
        if (r.erased()) {
            throw refused(HttpStatus.CONFLICT, "ERASED", "This registration's personal data was erased");
        }
        if (r.status() != RegistrationStatus.CONFIRMED) {
            throw refused(HttpStatus.CONFLICT, "REGISTRATION_" + r.status(), "The registration is " + r.status()
                    + ", not confirmed").with("registrationStatus", r.status().name());
        }
        int inserted = jdbc.sql("""
                insert into check_in (registration_id, day, checked_in_at, checked_in_by, device_name) values (?, ?, ?, ?, ?)
                on conflict do nothing
                """).params(r.id(), day, ts(now), user.subject(), device).update();
        if (inserted == 0) {
            return new Result(Outcome.ALREADY_CHECKED_IN, r, day, checkedInAt(r.id(), day).orElse(now));
        }
        publish.checkedIn(r, events.nextVersion(event.id()), day, now);
        return new Result(Outcome.CHECKED_IN, r, day, now);
    }

    /**
     * What a short code grants: its registration, in the named event. It does not expire by itself (the event's
     * days and the registration's status decide); the caller's access to the event is checked before the lookup, so
     * nobody learns which codes exist in an event they may not check in to.
     */
    private SignedLinks.Grant shortCodeGrant(String code, UUID eventId, CurrentUser user) {
        if (eventId == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request",
                    "A short code is unique only within its event: name the event (eventId)", "eventId")
                    .with("reason", "EVENT_REQUIRED");
        }
        ForumEvent event = events.find(eventId)
                .orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "UNKNOWN_EVENT", "The event does not exist"));
        Access.requireCheckIn(user, event);
        UUID registrationId = ticketCodes.registrationOf(eventId, code)
                .orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "UNKNOWN_CODE", "No registration of this event has this code"));
        return new SignedLinks.Grant(SignedLinks.Purpose.CHECK_IN, registrationId, eventId, Instant.MAX);
    }

    private static UUID staffEvent(CurrentUser user) {
        try {
            return user.eventId() == null ? null : UUID.fromString(user.eventId());
        } catch (IllegalArgumentException notAnEvent) {
            return null;
        }
    }

    private Optional<Instant> checkedInAt(java.util.UUID registrationId, LocalDate day) {
        return jdbc.sql("select checked_in_at from check_in where registration_id = ? and day = ?")
                .params(registrationId, day).query((rs, n) -> instant(rs, "checked_in_at")).optional();
    }

    private static ApiProblem refused(HttpStatus status, String reason, String detail) {
        return new ApiProblem(status, "Check-in refused", detail, "token").with("reason", reason);
    }
}
