package kr.madang.registration.capacity;

/**
 * The one place that decides a forum event's seats: which newcomer gets a seat, who waits and at which position, who
 * waits for approval, what an approval gets, whether the first in line can be promoted, what a departure frees.
 * It works on the counters of the event's row as read under its lock, one change after another in arrival order, and
 * counts what changed, so the caller records all of it with one UPDATE ({@link SeatLedger#record}) whatever the path:
 * one registration, a group commit, an import, an approval, a cancellation and the promotions it allows.
 * Plain Java: its rules are unit- and property-tested without a database.
 */
public final class EventSeats {

    /** Where a registration ends up. */
    public enum Place { SEAT, WAITLIST, AWAITING_APPROVAL }

    /**
     * One decision and the event's counters right after it (each change takes the next aggregate version, so every
     * registration's event carries its own).
     */
    public record Placement(Place place, Integer waitlistPosition, int confirmed, int waitlistIssued, long version) {
    }

    private final int capacity;
    private final int confirmedAtStart;
    private final int issuedAtStart;
    private final long versionAtStart;
    private int confirmed;
    private int waitlistIssued;
    private long version;

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
    public Placement admit(boolean awaitsApproval) {
        if (awaitsApproval) {
            return placed(Place.AWAITING_APPROVAL, null);
        }
        return approve();
    }

    /** A registration approved (or made by staff): a seat while one is free, else the end of the waitlist. */
    public Placement approve() {
        if (hasFreeSeat()) {
            confirmed++;
            return placed(Place.SEAT, null);
        }
        return placed(Place.WAITLIST, ++waitlistIssued);
    }

    /** Whether a seat is free, so the first in line can be promoted. */
    public boolean hasFreeSeat() {
        return confirmed < capacity;
    }

    /** The first in line takes a free seat, keeping the position it waited at. */
    public Placement promote(int waitlistPosition) {
        if (!hasFreeSeat()) {
            throw new IllegalStateException("no free seat to promote into");
        }
        confirmed++;
        return placed(Place.SEAT, waitlistPosition);
    }

    /** A confirmed registration leaves (cancelled, erased): its seat is free again. */
    public Placement release() {
        if (confirmed == 0) {
            throw new IllegalStateException("no seat taken to release");
        }
        confirmed--;
        return placed(null, null);
    }

    /** A change that moves no seat (a waitlisted or pending registration leaves, a rejection): a version only. */
    public Placement touch() {
        return placed(null, null);
    }

    private Placement placed(Place place, Integer position) {
        version++;
        return new Placement(place, position, confirmed, waitlistIssued, version);
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
