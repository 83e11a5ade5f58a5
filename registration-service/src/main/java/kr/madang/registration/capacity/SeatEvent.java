package kr.madang.registration.capacity;

import java.util.UUID;

/**
 * What {@link EventSeats} decided, as it happened: one past-tense event per change to a forum event's seats, carrying
 * the event's counters right after it (each change takes the next aggregate version, so every registration's
 * published event carries its own). The publisher only maps these to the published language; it decides nothing.
 */
public sealed interface SeatEvent {

    UUID registrationId();

    Counters after();

    /** The forum event's counters and aggregate version right after one change. */
    record Counters(int confirmed, int waitlistIssued, long version) {
    }

    /** A newcomer or an approved registration got a free seat. */
    record SeatTaken(UUID registrationId, Counters after) implements SeatEvent {
    }

    /** A newcomer or an approved registration found every seat taken and waits at the end of the line. */
    record Waitlisted(UUID registrationId, int position, Counters after) implements SeatEvent {
    }

    /** A newcomer of an event that asks for approval: no seat and no place in line until staff decide. */
    record ApprovalAwaited(UUID registrationId, Counters after) implements SeatEvent {
    }

    /** The first in line took a freed seat, keeping the position it waited at. */
    record Promoted(UUID registrationId, int fromPosition, Counters after) implements SeatEvent {
    }

    /** A live registration left; {@code seatFreed} when it held a seat (the first in line may now be promoted). */
    record Cancelled(UUID registrationId, boolean seatFreed, String by, String reason, Counters after)
            implements SeatEvent {
    }

    /** Staff turned down a registration awaiting approval; it never held a seat. */
    record Rejected(UUID registrationId, String reason, Counters after) implements SeatEvent {
    }
}
