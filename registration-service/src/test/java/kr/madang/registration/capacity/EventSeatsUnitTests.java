package kr.madang.registration.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The seat rules, decided in one place. Examples first, then random sequences of what happens to one event (newcomers
 * with and without approval, approvals, rejections, departures of every kind, promotions as the service makes them)
 * checked after every step against a plain model of the registrations.
 */
class EventSeatsUnitTests {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    @Test
    void newcomersTakeSeatsInOrderThenWaitAtIncreasingPositionsEachWithItsOwnVersion() {
        EventSeats seats = new EventSeats(2, 1, 4, 10);
        SeatEvent first = seats.register(A, false);
        SeatEvent second = seats.register(B, false);
        SeatEvent pending = seats.register(C, true);
        assertThat(first).isEqualTo(new SeatEvent.SeatTaken(A, new SeatEvent.Counters(2, 4, 11)));
        assertThat(second).isEqualTo(new SeatEvent.Waitlisted(B, 5, new SeatEvent.Counters(2, 5, 12)));
        assertThat(pending).isEqualTo(new SeatEvent.ApprovalAwaited(C, new SeatEvent.Counters(2, 5, 13)));
        assertThat(seats.events()).as("what happened, in order").containsExactly(first, second, pending);
        assertThat(seats.seatsChange()).isEqualTo(1);
        assertThat(seats.placesIssued()).isEqualTo(1);
        assertThat(seats.versionsUsed()).isEqualTo(3);
    }

    @Test
    void aCancellationFreesASeatThatTheFirstInLineTakesKeepingItsPosition() {
        EventSeats seats = new EventSeats(1, 1, 3, 0);
        assertThat(seats.hasFreeSeat()).isFalse();
        assertThatThrownBy(() -> seats.promote(B, 1)).isInstanceOf(IllegalStateException.class);
        assertThat(seats.events()).as("a refused transition records nothing").isEmpty();
        SeatEvent left = seats.cancel(A, true, "ATTENDEE", "plans changed");
        assertThat(left).isEqualTo(new SeatEvent.Cancelled(A, true, "ATTENDEE", "plans changed",
                new SeatEvent.Counters(0, 3, 1)));
        assertThat(seats.hasFreeSeat()).isTrue();
        assertThat(seats.promote(B, 2)).isEqualTo(new SeatEvent.Promoted(B, 2, new SeatEvent.Counters(1, 3, 2)));
        assertThat(seats.seatsChange()).isZero();
        assertThat(seats.versionsUsed()).isEqualTo(2);
    }

    @Test
    void aRejectionOrTheDepartureOfSomeoneWithoutASeatMovesOnlyTheVersion() {
        EventSeats seats = new EventSeats(1, 1, 2, 7);
        assertThat(seats.reject(A, "not eligible")).isEqualTo(new SeatEvent.Rejected(A, "not eligible",
                new SeatEvent.Counters(1, 2, 8)));
        assertThat(seats.cancel(B, false, "STAFF", null)).isEqualTo(new SeatEvent.Cancelled(B, false, "STAFF", null,
                new SeatEvent.Counters(1, 2, 9)));
        assertThat(seats.hasFreeSeat()).isFalse();
        assertThat(seats.seatsChange()).isZero();
        assertThat(seats.placesIssued()).isZero();
    }

    @Test
    void nothingToReleaseAndNegativeCountersAreRefused() {
        assertThatThrownBy(() -> new EventSeats(1, 0, 0, 0).cancel(A, true, "STAFF", null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new EventSeats(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    enum Status { SEATED, WAITING, PENDING, LEFT }

    static final class Attendee {
        final UUID id = UUID.randomUUID();
        Status status;
        Integer position;

        void placed(SeatEvent decided) {
            assertThat(decided.registrationId()).isEqualTo(id);
            switch (decided) {
                case SeatEvent.SeatTaken taken -> status = Status.SEATED;
                case SeatEvent.Waitlisted waitlisted -> {
                    status = Status.WAITING;
                    position = waitlisted.position();
                }
                case SeatEvent.ApprovalAwaited awaited -> status = Status.PENDING;
                default -> throw new AssertionError("not a placement: " + decided);
            }
        }

        static Attendee registered(EventSeats seats, boolean awaitsApproval) {
            Attendee a = new Attendee();
            a.placed(seats.register(a.id, awaitsApproval));
            return a;
        }
    }

    @Property(tries = 300)
    void randomSequencesNeverOversellLeaveNoFreeSeatWhileSomeoneWaitsAndPromoteInOrder(
            @ForAll @IntRange(min = 0, max = 5) int capacity, @ForAll("actions") List<Integer> actions) {
        int confirmed = 0;
        int issued = 0;
        long version = 0;
        List<Attendee> attendees = new ArrayList<>();
        int highestPromoted = 0;
        for (int action : actions) {
            // each step is one transaction: the service reads the locked row, decides, records, as here
            EventSeats seats = new EventSeats(capacity, confirmed, issued, version);
            List<Attendee> in = attendees.stream().filter(a -> a.status != Status.LEFT).toList();
            switch (action) {
                case 0, 1, 2 -> attendees.add(Attendee.registered(seats, false));
                case 3 -> attendees.add(Attendee.registered(seats, true));
                case 4 -> in.stream().filter(a -> a.status == Status.PENDING).findFirst()
                        .ifPresent(a -> a.placed(seats.approve(a.id)));
                case 5 -> in.stream().filter(a -> a.status == Status.PENDING).findFirst().ifPresent(a -> {
                    seats.reject(a.id, "not eligible");
                    a.status = Status.LEFT;
                });
                default -> {
                    if (!in.isEmpty()) {
                        Attendee leaving = in.get(action % in.size());
                        seats.cancel(leaving.id, leaving.status == Status.SEATED, "ATTENDEE", null);
                        leaving.status = Status.LEFT;
                    }
                }
            }
            // the service promotes after every departure, first in line first
            while (seats.hasFreeSeat()) {
                Attendee first = attendees.stream().filter(a -> a.status == Status.WAITING)
                        .min((a, b) -> Integer.compare(a.position, b.position)).orElse(null);
                if (first == null) {
                    break;
                }
                SeatEvent placed = seats.promote(first.id, first.position);
                assertThat(placed).isInstanceOf(SeatEvent.Promoted.class);
                assertThat(((SeatEvent.Promoted) placed).fromPosition()).isEqualTo(first.position);
                assertThat(first.position).as("promoted in order").isGreaterThan(highestPromoted);
                highestPromoted = first.position;
                first.status = Status.SEATED;
            }
            assertEventsReplayToTheCounters(confirmed, issued, version, seats);
            confirmed += seats.seatsChange();
            issued += seats.placesIssued();
            version += seats.versionsUsed();

            long seated = attendees.stream().filter(a -> a.status == Status.SEATED).count();
            long waiting = attendees.stream().filter(a -> a.status == Status.WAITING).count();
            assertThat(confirmed).as("the counter equals the seated").isEqualTo((int) seated);
            assertThat(seated).as("never oversold").isLessThanOrEqualTo(capacity);
            if (waiting > 0) {
                assertThat(seated).as("no free seat while someone waits").isEqualTo(capacity);
            }
            List<Integer> positions = attendees.stream().map(a -> a.position).filter(p -> p != null).toList();
            int issuedSoFar = issued;
            assertThat(positions).as("every position issued once").doesNotHaveDuplicates()
                    .allSatisfy(p -> assertThat(p).isBetween(1, issuedSoFar));
        }
    }

    /**
     * The recorded events are the whole story of a step: replayed from the counters it started from, they give the
     * counters it ends with, one version each, and each event carries the counters right after it.
     */
    private static void assertEventsReplayToTheCounters(int confirmed, int issued, long version, EventSeats seats) {
        for (SeatEvent e : seats.events()) {
            switch (e) {
                case SeatEvent.SeatTaken taken -> confirmed++;
                case SeatEvent.Promoted promoted -> confirmed++;
                case SeatEvent.Waitlisted waitlisted -> {
                    issued++;
                    assertThat(waitlisted.position()).as("the next position").isEqualTo(issued);
                }
                case SeatEvent.Cancelled cancelled -> confirmed -= cancelled.seatFreed() ? 1 : 0;
                case SeatEvent.ApprovalAwaited awaited -> { }
                case SeatEvent.Rejected rejected -> { }
            }
            version++;
            assertThat(e.after()).as("counters carried by %s", e)
                    .isEqualTo(new SeatEvent.Counters(confirmed, issued, version));
        }
        assertThat(seats.events()).hasSize(seats.versionsUsed());
    }

    @Provide
    Arbitrary<List<Integer>> actions() {
        return Arbitraries.integers().between(0, 9).list().ofMinSize(1).ofMaxSize(60);
    }
}
