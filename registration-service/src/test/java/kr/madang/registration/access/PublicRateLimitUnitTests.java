package kr.madang.registration.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import kr.madang.registration.support.TestClock;
import org.junit.jupiter.api.Test;

class PublicRateLimitUnitTests {

    private final TestClock clock = new TestClock(ZoneOffset.UTC);

    @Test
    void aClientGetsItsMinuteAllowanceAtOnceThenOneEveryMinuteDividedByTheLimit() {
        clock.set(Instant.parse("2023-01-20T01:00:00Z"));
        PublicRateLimit limit = new PublicRateLimit(30, clock);
        assertThat(IntStream.range(0, 30).mapToObj(i -> limit.tryAcquire("a")))
                .allMatch(PublicRateLimit.Decision::allowed);
        PublicRateLimit.Decision refused = limit.tryAcquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2); // 30 a minute: one every 2 s
        assertThat(limit.tryAcquire("b").allowed()).as("other clients have their own allowance").isTrue();

        clock.advance(Duration.ofMillis(1999));
        assertThat(limit.tryAcquire("a").allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limit.tryAcquire("a").allowed()).isTrue();
        assertThat(limit.tryAcquire("a").allowed()).isFalse();

        clock.advance(Duration.ofHours(1));
        assertThat(IntStream.range(0, 31).filter(i -> limit.tryAcquire("a").allowed()).count())
                .as("an idle client does not save up more than a minute's allowance").isEqualTo(30);
    }

    @Test
    void zeroTurnsTheLimitOffAndANegativeLimitIsAConfigurationError() {
        PublicRateLimit off = new PublicRateLimit(0, clock);
        assertThat(IntStream.range(0, 1000).mapToObj(i -> off.tryAcquire("a"))).allMatch(PublicRateLimit.Decision::allowed);
        assertThatThrownBy(() -> new PublicRateLimit(-1, clock)).hasMessageContaining("per-minute");
    }
}
