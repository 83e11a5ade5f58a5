package kr.madang.registration.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The aggregate of a forum event's seats, the one place that decides them: which newcomer gets a seat, who waits and
 * at which position, who waits for approval, what an approval gets, whether the first in line can be promoted, what a
 * departure frees. Each method guards its transition and registers what happened as a {@link SeatEvent}
 * ({@link #events()}), which the caller publishes as it is.
 * <p>
 * It works on the counters of the event's row as read under its lock, one change after another in arrival order, and
 * counts what changed, so the caller records all of it with one UPDATE ({@link SeatLedger#record}) whatever the path:
 * one registration, a group commit, an import, an approval, a rejection, a cancellation and the promotions it allows.
 * Plain Java: its rules are unit- and property-tested without a database.
 */
public final class EventSeats {

    private final int capacity;
    private final int confirmedAtStart;
    private final int issuedAtStart;
    private final long versionAtStart;
    private int confirmed;
    private int waitlistIssued;
    private long version;
    private final List<SeatEvent> events = new ArrayList<>();

    public EventSeats(int capacity, int confirmed, int waitlistIssued, long version) {
        if (capacity < 0 || confirmed < 0 || waitlistIssued < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
        this.capacity = capacity;
        this.confirmed = this.confirmedAtStart = confirmed;
        this.waitlistIssued = this.issuedAtStart = waitlistIssued;
        this.version = this.versionAtStart = version;
    }

    /** A newcomer: awaiting approval when the event asks for it, else a seat while one is free, else the next position. */
    public SeatEvent register(UUID registrationId, boolean awaitsApproval) {
        if (awaitsApproval) {
            return record(new SeatEvent.ApprovalAwaited(registrationId, next()));
        }
        return approve(registrationId);
    }

    /** A registration approved (or made by staff): a seat while one is free, else the end of the waitlist. */
    public SeatEvent approve(UUID registrationId) {
        if (hasFreeSeat()) {
            confirmed++;
            return record(new SeatEvent.SeatTaken(registrationId, next()));
        }
        int position = ++waitlistIssued;
        return record(new SeatEvent.Waitlisted(registrationId, position, next()));
    }

    /** Whether a seat is free, so the first in line can be promoted. */
    public boolean hasFreeSeat() {
        return confirmed < capacity;
    }

    /** The first in line takes a free seat, keeping the position it waited at. */
    public SeatEvent promote(UUID registrationId, int waitlistPosition) {
        if (!hasFreeSeat()) {
            throw new IllegalStateException("no free seat to promote into");
        }
        confirmed++;
        return record(new SeatEvent.Promoted(registrationId, waitlistPosition, next()));
    }

    /** A live registration leaves (by the attendee, by staff, before an erasure); a seat it held is free again. */
    public SeatEvent cancel(UUID registrationId, boolean heldSeat, String by, String reason) {
        if (heldSeat) {
            if (confirmed == 0) {
                throw new IllegalStateException("no seat taken to release");
            }
            confirmed--;
        }
        return record(new SeatEvent.Cancelled(registrationId, heldSeat, by, reason, next()));
    }

    /** A registration awaiting approval is turned down: it held no seat and no place, so only the version moves. */
    public SeatEvent reject(UUID registrationId, String reason) {
        return record(new SeatEvent.Rejected(registrationId, reason, next()));
    }

    /** What was decided since the counters were read, in order. */
    public List<SeatEvent> events() {
        return List.copyOf(events);
    }

    private SeatEvent.Counters next() {
        version++;
        return new SeatEvent.Counters(confirmed, waitlistIssued, version);
    }

    private SeatEvent record(SeatEvent event) {
        events.add(event);
        return event;
    }

    public int seatsChange() {
        return confirmed - confirmedAtStart;
    }

    public int placesIssued() {
        return waitlistIssued - issuedAtStart;
    }

    public int versionsUsed() {
        return (int) (version - versionAtStart);
    }

    public boolean changed() {
        return version != versionAtStart;
    }
}
