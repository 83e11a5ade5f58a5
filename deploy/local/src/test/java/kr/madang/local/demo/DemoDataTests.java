package kr.madang.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DemoDataTests {

    @Test
    void putsTheForumsOnTheirRealDayInTheNextYearToComeSoRegistrationIsOpen() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        for (int[] day : new int[][] {{2, 6}, {4, 20}}) {
            LocalDate forum = LocalDate.of(DemoData.nextYearOf(day[0], day[1]), day[0], day[1]);
            assertThat(forum).isAfter(today.plusDays(7)).isBefore(today.plusYears(1).plusDays(8));
        }
    }

    @Test
    void todaysEventRunsTodayInSeoulSoCheckInCanBeTried() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        var event = DemoData.todayEvent(today);

        OffsetDateTime startsAt = OffsetDateTime.parse(event.get("startsAt").asText());
        OffsetDateTime endsAt = OffsetDateTime.parse(event.get("endsAt").asText());
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        assertThat(startsAt.atZoneSameInstant(seoul).toLocalDate()).isEqualTo(today);
        assertThat(endsAt.atZoneSameInstant(seoul).toLocalDate()).isEqualTo(today);
        assertThat(endsAt).isAfter(startsAt);
        for (var session : event.get("sessions")) {
            assertThat(OffsetDateTime.parse(session.get("startsAt").asText())).isAfterOrEqualTo(startsAt);
            assertThat(OffsetDateTime.parse(session.get("endsAt").asText())).isBeforeOrEqualTo(endsAt);
        }
    }
}
