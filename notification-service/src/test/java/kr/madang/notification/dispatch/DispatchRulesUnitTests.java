package kr.madang.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DispatchRulesUnitTests {

    private final QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Seoul"));
    private final RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(30), Duration.ofHours(4));

    @Test
    void quietHoursRunFromNinePmToEightAmSeoulTime() {
        assertThat(quiet.isQuiet(Instant.parse("2023-02-05T11:59:00Z"))).as("20:59 KST").isFalse();
        assertThat(quiet.isQuiet(Instant.parse("2023-02-05T12:00:00Z"))).as("21:00 KST").isTrue();
        assertThat(quiet.isQuiet(Instant.parse("2023-02-05T22:59:00Z"))).as("07:59 KST").isTrue();
        assertThat(quiet.isQuiet(Instant.parse("2023-02-05T23:00:00Z"))).as("08:00 KST").isFalse();
    }

    @Test
    void aHeldMessageGoesAtEightTheNextMorning() {
        assertThat(quiet.nextAllowed(Instant.parse("2023-02-05T13:30:00Z"))).isEqualTo(Instant.parse("2023-02-05T23:00:00Z"));
        assertThat(quiet.nextAllowed(Instant.parse("2023-02-05T16:30:00Z"))).isEqualTo(Instant.parse("2023-02-05T23:00:00Z"));
        Instant day = Instant.parse("2023-02-05T03:00:00Z");
        assertThat(quiet.nextAllowed(day)).isEqualTo(day);
    }

    @Test
    void backoffDoublesUpToItsCapAndStopsAfterFourHours() {
        Instant first = Instant.parse("2023-02-05T01:00:00Z");
        assertThat(retry.nextAttempt(1, first, first)).contains(first.plusSeconds(30));
        assertThat(retry.nextAttempt(3, first, first)).contains(first.plusSeconds(120));
        assertThat(retry.nextAttempt(20, first, first)).contains(first.plus(Duration.ofMinutes(30)));
        Instant late = first.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(50));
        assertThat(retry.nextAttempt(12, first, late)).as("never past the deadline").contains(first.plus(Duration.ofHours(4)));
        assertThat(retry.nextAttempt(13, first, first.plus(Duration.ofHours(4)))).isEmpty();
    }

    @Test
    void retriesAreSpreadByAtMostTwentyPercentEitherWay() {
        RetryPolicy jittered = new RetryPolicy(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(30), Duration.ofHours(4), 0.2);
        Instant first = Instant.parse("2023-02-05T01:00:00Z");
        assertThat(jittered.nextAttempt(3, first, first, 0.0)).contains(first.plusSeconds(96));
        assertThat(jittered.nextAttempt(3, first, first, 0.5)).contains(first.plusSeconds(120));
        assertThat(jittered.nextAttempt(3, first, first, 0.999999)).hasValueSatisfying(at ->
                assertThat(at).isBefore(first.plusSeconds(144)).isAfter(first.plusSeconds(143)));
        java.util.Set<Instant> draws = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            Instant at = jittered.nextAttempt(3, first, first).orElseThrow();
            assertThat(at).isBetween(first.plusSeconds(96), first.plusSeconds(144));
            draws.add(at);
        }
        assertThat(draws).as("not all in step").hasSizeGreaterThan(1);
    }
}
