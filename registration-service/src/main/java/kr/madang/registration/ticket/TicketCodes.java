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

    /**
     * The registration's code, made now if it has none: one statement whether it is new or known (insert a drawn code,
     * or else read the one there); a drawn code already taken in the event makes neither, and another is drawn.
     */
    public String codeFor(UUID registrationId, UUID eventId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<String> code = jdbc.sql("""
                    with made as (
                        insert into ticket_code (registration_id, event_id, code) values (:registration, :event, :code)
                        on conflict do nothing returning code)
                    select code from made
                    union all
                    select code from ticket_code where registration_id = :registration and not exists (select 1 from made)
                    """).param("registration", registrationId).param("event", eventId).param("code", draw.get())
                    .query(String.class).optional();
            if (code.isPresent()) {
                return code.get();
            }
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
