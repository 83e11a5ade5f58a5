package kr.madang.registration.attendee;

import static kr.madang.registration.forumevent.ForumEventRepository.ts;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.publishing.DomainEvents;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymous attempts to register an email that is already registered: kept here (ids only, one row per registration
 * however often it is tried), and the first one announced as {@code RegistrationAttemptRepeated} so that
 * notification-service tells the registered person, once, by email. Erasure deletes the row.
 */
@Repository
public class DuplicateNotices {

    private final JdbcClient jdbc;
    private final RegistrationRepository registrations;
    private final ForumEventRepository events;
    private final DomainEvents publish;

    public DuplicateNotices(JdbcClient jdbc, RegistrationRepository registrations, ForumEventRepository events,
                            DomainEvents publish) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.events = events;
        this.publish = publish;
    }

    @Transactional
    public void record(UUID registrationId, UUID eventId, Instant at) {
        boolean first = jdbc.sql("""
                insert into duplicate_registration_notice (registration_id, event_id, attempts, first_attempt_at,
                    last_attempt_at)
                values (?, ?, 1, ?, ?)
                on conflict (registration_id) do update set attempts = duplicate_registration_notice.attempts + 1,
                    last_attempt_at = excluded.last_attempt_at
                returning attempts = 1
                """).params(registrationId, eventId, ts(at), ts(at)).query(Boolean.class).single();
        if (first) {
            registrations.find(registrationId).filter(r -> !r.erased() && r.status().isLive())
                    .ifPresent(r -> publish.attemptRepeated(r, events.nextVersion(eventId)));
        }
    }

    public void forget(UUID registrationId) {
        jdbc.sql("delete from duplicate_registration_notice where registration_id = ?").param(registrationId).update();
    }
}
