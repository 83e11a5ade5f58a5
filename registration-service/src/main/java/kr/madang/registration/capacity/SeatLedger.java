package kr.madang.registration.capacity;

import java.util.Optional;
import java.util.UUID;

import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seats and waitlist places, taken with one conditional UPDATE of the event's counters each. The UPDATE locks the
 * event's row until the transaction ends, so however many requests arrive at once, each sees the count the previous
 * one left: capacity is never exceeded and waitlist positions come out 1, 2, 3 … without gaps. Each call also takes
 * the event's next aggregate version, returned with the event, for the event that announces the change.
 */
@Component
public class SeatLedger {

    /** New registrations: only while the event is open. */
    public static final String OPEN = "OPEN";
    /** Approvals and promotions of registrations made while it was open: also once registration has closed. */
    public static final String OPEN_OR_CLOSED = "OPEN,CLOSED";

    private final JdbcClient jdbc;

    public SeatLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A confirmed seat, or empty when the event is full (or not in one of {@code statuses}). */
    public Optional<ForumEvent> takeSeat(UUID eventId, String statuses) {
        return jdbc.sql("""
                update forum_event set confirmed = confirmed + 1, version = version + 1
                where id = ? and status = any(string_to_array(?, ',')) and confirmed < capacity
                returning *
                """).params(eventId, statuses).query(ForumEventRepository.EVENT).optional();
    }

    /**
     * A group commit's seats and waitlist places at once; the caller holds the event's row lock (so it knows how many
     * seats are left) and passes how many of each to take. One version per registration, so every registration's event
     * gets its own aggregate version. The check constraint {@code confirmed <= capacity} stays the last guard.
     */
    public ForumEvent take(UUID eventId, int seats, int waitlistPlaces, int versions) {
        return jdbc.sql("""
                update forum_event set confirmed = confirmed + ?, waitlist_issued = waitlist_issued + ?,
                    version = version + ?
                where id = ? returning *
                """).params(seats, waitlistPlaces, versions, eventId).query(ForumEventRepository.EVENT).single();
    }

    /** The next waitlist position (the event's {@code waitlistIssued} after the call). */
    public Optional<ForumEvent> takeWaitlistPosition(UUID eventId, String statuses) {
        return jdbc.sql("""
                update forum_event set waitlist_issued = waitlist_issued + 1, version = version + 1
                where id = ? and status = any(string_to_array(?, ','))
                returning *
                """).params(eventId, statuses).query(ForumEventRepository.EVENT).optional();
    }

    public ForumEvent releaseSeat(UUID eventId) {
        return jdbc.sql("""
                update forum_event set confirmed = confirmed - 1, version = version + 1 where id = ? returning *
                """).param(eventId).query(ForumEventRepository.EVENT).single();
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
