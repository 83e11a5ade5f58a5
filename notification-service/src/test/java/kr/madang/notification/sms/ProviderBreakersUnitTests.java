package kr.madang.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

/** One provider's breaker: refusals are the provider working, other failures open it once enough calls were seen. */
class ProviderBreakersUnitTests {

    private static final class Refused extends RuntimeException {
    }

    private final CircuitBreaker breaker = ProviderBreakers.breaker("test-provider", 50, 10, 4, Duration.ofMinutes(5),
            Refused.class);

    @Test
    void refusalsKeepItClosed() {
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> breaker.executeRunnable(() -> {
                throw new Refused();
            })).isInstanceOf(Refused.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getName()).isEqualTo("test-provider");
    }

    @Test
    void failuresOpenItAfterTheMinimumCallsAndItStaysOpenUntilOpenForHasPassed() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> breaker.executeRunnable(() -> {
                throw new IllegalStateException("503");
            })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThatThrownBy(() -> breaker.executeRunnable(() -> {
            throw new IllegalStateException("503");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> breaker.executeRunnable(() -> { })).isInstanceOf(CallNotPermittedException.class);
    }
}
