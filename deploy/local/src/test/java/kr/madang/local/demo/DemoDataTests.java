package kr.madang.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
}
