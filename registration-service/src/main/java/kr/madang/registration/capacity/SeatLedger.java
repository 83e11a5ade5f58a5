package kr.madang.registration.capacity;

import java.util.Optional;
import java.util.UUID;

import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where {@link EventSeats}' decisions are written: the event's counters, changed with one UPDATE on the row the caller
 * has locked (so however many requests arrive at once, each decides on the count the previous one left: capacity is
 * never exceeded and waitlist positions come out 1, 2, 3 … without gaps), and the seats of sessions with their own
 * capacity.
 */
@Component
public class SeatLedger {

    private final JdbcClient jdbc;

    public SeatLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The event's seats as its (locked) row says, for {@link EventSeats} to decide on. */
    public static EventSeats seatsOf(ForumEvent event) {
        return new EventSeats(event.capacity(), event.confirmed(), event.waitlistIssued(), event.version());
    }

    /**
     * Records what {@link EventSeats} decided on the event's locked row, in one UPDATE: the seats taken or freed, the
     * waitlist positions issued, one version per change. The check constraint {@code confirmed <= capacity} stays the
     * last guard. Returns the event as it is now, or the event unchanged when nothing was decided.
     */
    public ForumEvent record(UUID eventId, EventSeats seats) {
        return jdbc.sql("""
                update forum_event set confirmed = confirmed + ?, waitlist_issued = waitlist_issued + ?,
                    version = version + ?
                where id = ? returning *
                """).params(seats.seatsChange(), seats.placesIssued(), seats.versionsUsed(), eventId)
                .query(ForumEventRepository.EVENT).single();
    }

    /** A seat in a session with its own capacity (sessions without one always have room). */
    public boolean takeSessionSeat(UUID sessionId) {
        return jdbc.sql("""
                update forum_session set confirmed = confirmed + 1
                where id = ? and (capacity is null or confirmed < capacity)
                """).param(sessionId).update() == 1;
    }

    public void releaseSessionSeat(UUID sessionId) {
        jdbc.sql("update forum_session set confirmed = confirmed - 1 where id = ? and confirmed > 0").param(sessionId)
                .update();
    }
}
