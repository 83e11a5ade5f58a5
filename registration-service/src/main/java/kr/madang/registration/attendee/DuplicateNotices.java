package kr.madang.registration.attendee;

import static kr.madang.registration.forumevent.ForumEventRepository.ts;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Anonymous attempts to register an email that is already registered. The person should be told by email ("you are
 * already registered"), but no event of {@code madang.registration.events} says that today and adding one is a schema
 * change of its own; until then each attempt is kept here (ids only, one row per registration however often it is
 * tried) so that the event can be published from these rows once it exists. Erasure deletes the row.
 */
@Repository
public class DuplicateNotices {

    private final JdbcClient jdbc;

    public DuplicateNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID registrationId, UUID eventId, Instant at) {
        jdbc.sql("""
                insert into duplicate_registration_notice (registration_id, event_id, attempts, first_attempt_at,
                    last_attempt_at)
                values (?, ?, 1, ?, ?)
                on conflict (registration_id) do update set attempts = duplicate_registration_notice.attempts + 1,
                    last_attempt_at = excluded.last_attempt_at
                """).params(registrationId, eventId, ts(at), ts(at)).update();
    }

    public void forget(UUID registrationId) {
        jdbc.sql("delete from duplicate_registration_notice where registration_id = ?").param(registrationId).update();
    }
}
