package kr.madang.registration.ticket;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each registration's short code, made the first time it is needed (when the registration is confirmed and its
 * event published) in the caller's transaction. Uniqueness per event is the table's constraint; a collision is
 * skipped by "on conflict do nothing" (which does not abort the transaction) and another code is drawn.
 */
@Repository
public class TicketCodes {

    private static final int ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final Supplier<String> draw;

    @Autowired
    public TicketCodes(JdbcClient jdbc) {
        this(jdbc, ShortCodes::random);
    }

    /** With the codes to draw from given (a test makes a collision happen). */
    TicketCodes(JdbcClient jdbc, Supplier<String> draw) {
        this.jdbc = jdbc;
        this.draw = draw;
    }

    /** The registration's code, made now if it has none. */
    public String codeFor(UUID registrationId, UUID eventId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<String> existing = find(registrationId);
            if (existing.isPresent()) {
                return existing.get();
            }
            jdbc.sql("""
                    insert into ticket_code (registration_id, event_id, code) values (?, ?, ?)
                    on conflict do nothing
                    """).params(registrationId, eventId, draw.get()).update();
        }
        // 10 collisions in a row on a space of 6.6 × 10¹¹ codes means something else is wrong
        throw new IllegalStateException("No free short code for registration " + registrationId);
    }

    public Optional<String> find(UUID registrationId) {
        return jdbc.sql("select code from ticket_code where registration_id = ?").param(registrationId)
                .query(String.class).optional();
    }

    /** The registration of this event that holds the code (already normalised). */
    public Optional<UUID> registrationOf(UUID eventId, String code) {
        return jdbc.sql("select registration_id from ticket_code where event_id = ? and code = ?")
                .params(eventId, code).query(UUID.class).optional();
    }

    public void erase(UUID registrationId) {
        jdbc.sql("delete from ticket_code where registration_id = ?").param(registrationId).update();
    }
}
