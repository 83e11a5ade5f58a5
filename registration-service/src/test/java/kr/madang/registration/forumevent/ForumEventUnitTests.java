package kr.madang.registration.forumevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kr.madang.registration.rules.RuleViolation;
import kr.madang.registration.rules.StateConflict;
import org.junit.jupiter.api.Test;

class ForumEventUnitTests {

    static final Instant START = Instant.parse("2023-02-06T04:00:00Z");
    static final Instant END = Instant.parse("2023-02-07T09:00:00Z");
    static final Instant NOW = Instant.parse("2023-01-10T00:00:00Z");

    static ForumEvent.Details details(Instant start, Instant end, List<ForumEvent.SessionDetails> sessions) {
        return new ForumEvent.Details("제1회 디지털지역혁신포럼", null, null, Region.JEJU, "메종글래드 제주", null, start, end,
                null, null, 50, true, false, List.of(), List.of(), List.of(), sessions);
    }

    static ForumEvent draft() {
        return ForumEvent.schedule(UUID.randomUUID(), details(START, END, List.of()), "hq", NOW).event();
    }

    @Test
    void aNewEventIsADraftAtVersionOne() {
        ForumEvent event = draft();
        assertThat(event.status()).isEqualTo(ForumEventStatus.DRAFT);
        assertThat(event.version()).isEqualTo(1);
    }

    @Test
    void theLifecycleGoesDraftOpenClosedCompleted() {
        ForumEvent open = draft().open(NOW).event();
        ForumEvent closed = open.close(NOW).event();
        ForumEvent reopened = closed.open(NOW).event();
        assertThat(reopened.status()).isEqualTo(ForumEventStatus.OPEN);
        ForumEvent completed = closed.complete(START.plusSeconds(60)).event();
        assertThat(completed.status()).isEqualTo(ForumEventStatus.COMPLETED);
        assertThatThrownBy(() -> completed.cancel("x", NOW)).isInstanceOf(StateConflict.class)
                .satisfies(e -> assertThat(((StateConflict) e).allowedActions()).isEmpty());
    }

    @Test
    void anEventCannotBeCompletedBeforeItStartsNorOpenedTwice() {
        ForumEvent open = draft().open(NOW).event();
        assertThatThrownBy(() -> open.complete(NOW)).isInstanceOf(StateConflict.class);
        assertThatThrownBy(() -> open.open(NOW)).isInstanceOf(StateConflict.class)
                .satisfies(e -> assertThat(((StateConflict) e).state()).isEqualTo("OPEN"));
    }

    @Test
    void cancellingIsPossibleFromAnyStateBeforeCompleted() {
        assertThat(draft().cancel("태풍", NOW).event().status()).isEqualTo(ForumEventStatus.CANCELLED);
        assertThat(draft().open(NOW).event().cancel("태풍", NOW).event().cancelReason()).isEqualTo("태풍");
    }

    @Test
    void datesOutOfOrderAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ForumEvent.schedule(UUID.randomUUID(), details(END, START, List.of()), "hq", NOW))
                .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("endsAt"));
        assertThatThrownBy(() -> ForumEvent.schedule(UUID.randomUUID(), details(START, START.plusSeconds(86400 * 40), List.of()), "hq", NOW))
                .isInstanceOf(RuleViolation.class);
        var outside = new ForumEvent.SessionDetails(SessionKind.KEYNOTE, "기조연설", null, null, END.plusSeconds(60), END.plusSeconds(3600), null);
        assertThatThrownBy(() -> ForumEvent.schedule(UUID.randomUUID(), details(START, END, List.of(outside)), "hq", NOW))
                .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("sessions[0].startsAt"));
    }

    @Test
    void rescheduleMovesDatesAndReportsTheShift() {
        ForumEvent.Rescheduled moved = draft().reschedule(START.plusSeconds(7 * 86400), END.plusSeconds(7 * 86400), null, NOW);
        assertThat(moved.shift().toDays()).isEqualTo(7);
        assertThat(moved.previousStartsAt()).isEqualTo(START);
        assertThatThrownBy(() -> draft().reschedule(START, END, null, NOW)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void capacityCannotDropBelowConfirmedSeats() {
        ForumEvent event = draft();
        ForumEvent withSeats = new ForumEvent(event.id(), event.title(), null, null, event.region(), event.venue(), null,
                START, END, null, null, 50, 40, 0, true, false, List.of(), List.of(), List.of(), ForumEventStatus.OPEN,
                null, 5, "hq", NOW, NOW);
        assertThatThrownBy(() -> withSeats.changeCapacity(39, NOW)).isInstanceOf(RuleViolation.class);
        assertThat(withSeats.changeCapacity(60, NOW).previousCapacity()).isEqualTo(50);
    }

    @Test
    void aMultiDayEventHasItsDaysInSeoul() {
        // 2023-02-06 13:00 to 2023-02-07 18:00 in Seoul
        assertThat(draft().days()).containsExactly(LocalDate.of(2023, 2, 6), LocalDate.of(2023, 2, 7));
    }

    @Test
    void thePublicWindowBindsSelfRegistrationOnly() {
        ForumEvent event = ForumEvent.schedule(UUID.randomUUID(), new ForumEvent.Details("포럼", null, null, Region.JEJU,
                "제주", null, START, END, Instant.parse("2023-01-15T00:00:00Z"), Instant.parse("2023-02-01T00:00:00Z"), 50,
                true, false, null, null, null, null), "hq", NOW).event().open(NOW).event();
        assertThat(event.registrationRefusal(NOW, true)).startsWith("Registration opens");
        assertThat(event.registrationRefusal(NOW, false)).isNull();
        assertThat(event.registrationRefusal(Instant.parse("2023-01-20T00:00:00Z"), true)).isNull();
        assertThat(draft().registrationRefusal(NOW, false)).contains("DRAFT");
    }
}
