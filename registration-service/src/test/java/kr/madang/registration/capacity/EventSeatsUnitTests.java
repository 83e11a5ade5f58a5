package kr.madang.registration.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

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

    @Test
    void newcomersTakeSeatsInOrderThenWaitAtIncreasingPositionsEachWithItsOwnVersion() {
        EventSeats seats = new EventSeats(2, 1, 4, 10);
        EventSeats.Placement first = seats.admit(false);
        EventSeats.Placement second = seats.admit(false);
        EventSeats.Placement pending = seats.admit(true);
        assertThat(first).isEqualTo(new EventSeats.Placement(EventSeats.Place.SEAT, null, 2, 4, 11));
        assertThat(second).isEqualTo(new EventSeats.Placement(EventSeats.Place.WAITLIST, 5, 2, 5, 12));
        assertThat(pending).isEqualTo(new EventSeats.Placement(EventSeats.Place.AWAITING_APPROVAL, null, 2, 5, 13));
        assertThat(seats.seatsChange()).isEqualTo(1);
        assertThat(seats.placesIssued()).isEqualTo(1);
        assertThat(seats.versionsUsed()).isEqualTo(3);
    }

    @Test
    void aReleaseFreesASeatThatTheFirstInLineTakesKeepingItsPosition() {
        EventSeats seats = new EventSeats(1, 1, 3, 0);
        assertThat(seats.hasFreeSeat()).isFalse();
        assertThatThrownBy(() -> seats.promote(1)).isInstanceOf(IllegalStateException.class);
        seats.release();
        assertThat(seats.hasFreeSeat()).isTrue();
        assertThat(seats.promote(2)).isEqualTo(new EventSeats.Placement(EventSeats.Place.SEAT, 2, 1, 3, 2));
        assertThat(seats.seatsChange()).isZero();
        assertThat(seats.versionsUsed()).isEqualTo(2);
    }

    @Test
    void nothingToReleaseAndNegativeCountersAreRefused() {
        assertThatThrownBy(() -> new EventSeats(1, 0, 0, 0).release()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new EventSeats(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    enum Status { SEATED, WAITING, PENDING, LEFT }

    static final class Attendee {
        Status status;
        Integer position;

        Attendee(EventSeats.Placement placed) {
            this.status = switch (placed.place()) {
                case SEAT -> Status.SEATED;
                case WAITLIST -> Status.WAITING;
                case AWAITING_APPROVAL -> Status.PENDING;
            };
            this.position = placed.waitlistPosition();
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
                case 0, 1, 2 -> attendees.add(new Attendee(seats.admit(false)));
                case 3 -> attendees.add(new Attendee(seats.admit(true)));
                case 4 -> in.stream().filter(a -> a.status == Status.PENDING).findFirst().ifPresent(a -> {
                    Attendee approved = new Attendee(seats.approve());
                    a.status = approved.status;
                    a.position = approved.position;
                });
                case 5 -> in.stream().filter(a -> a.status == Status.PENDING).findFirst().ifPresent(a -> {
                    seats.touch();
                    a.status = Status.LEFT;
                });
                default -> {
                    if (!in.isEmpty()) {
                        Attendee leaving = in.get(action % in.size());
                        if (leaving.status == Status.SEATED) {
                            seats.release();
                        } else {
                            seats.touch();
                        }
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
                EventSeats.Placement placed = seats.promote(first.position);
                assertThat(placed.waitlistPosition()).isEqualTo(first.position);
                assertThat(first.position).as("promoted in order").isGreaterThan(highestPromoted);
                highestPromoted = first.position;
                first.status = Status.SEATED;
            }
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

    @Provide
    Arbitrary<List<Integer>> actions() {
        return Arbitraries.integers().between(0, 9).list().ofMinSize(1).ofMaxSize(60);
    }
}
