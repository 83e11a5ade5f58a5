package kr.madang.registration.checkin;

import static kr.madang.registration.forumevent.ForumEventRepository.instant;
import static kr.madang.registration.forumevent.ForumEventRepository.ts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

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

    public CheckInService(JdbcClient jdbc, ForumEventRepository events, RegistrationRepository registrations,
                          AttendeeLinks links, DomainEvents publish, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.registrations = registrations;
        this.links = links;
        this.publish = publish;
        this.clock = clock;
    }

    @Transactional
    public Result checkIn(String token, LocalDate requestedDay, CurrentUser user) {
        return checkIn(token, requestedDay, user, null, null, null);
    }

    /**
     * The door's check-in, also for an offline device's queued one: {@code at} the (device) time it happened (null:
     * now), {@code device} the door's name ("door 2"), {@code expectedEvent} the event this door checks in for (a code
     * of another one is refused as WRONG_EVENT before anything is written).
     */
    @Transactional
    public Result checkIn(String token, LocalDate requestedDay, CurrentUser user, Instant at, String device,
                          java.util.UUID expectedEvent) {
        SignedLinks.Grant grant;
        try {
            grant = links.verifySignature(token, SignedLinks.Purpose.CHECK_IN);
        } catch (SignedLinks.InvalidLink e) {
            throw refused(HttpStatus.UNPROCESSABLE_ENTITY, e.reason(), e.getMessage());
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

    private Optional<Instant> checkedInAt(java.util.UUID registrationId, LocalDate day) {
        return jdbc.sql("select checked_in_at from check_in where registration_id = ? and day = ?")
                .params(registrationId, day).query((rs, n) -> instant(rs, "checked_in_at")).optional();
    }

    private static ApiProblem refused(HttpStatus status, String reason, String detail) {
        return new ApiProblem(status, "Check-in refused", detail, "token").with("reason", reason);
    }
}
