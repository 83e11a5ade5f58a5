package kr.madang.notification.sms;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * The circuit breaker of one text-message provider (each SMS provider, the AlimTalk vendor), built the same way for
 * all: a count-based window, two trial calls when half open, half-open only on the next call after {@code openFor}
 * (no timer thread), and a refusal of one message counting as the provider working.
 */
public final class ProviderBreakers {

    private ProviderBreakers() {
    }

    /**
     * @param refusal the provider's "this message cannot be delivered" exception: not a provider failure; every
     *                other exception is
     */
    public static CircuitBreaker breaker(String name, float failureRateThreshold, int slidingWindowSize,
                                         int minimumCalls, Duration openFor, Class<? extends Throwable> refusal) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRateThreshold)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(slidingWindowSize)
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(e -> !refusal.isInstance(e))
                .build());
    }
}
