package kr.madang.notification.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import kr.madang.notification.dispatch.DeliveryResult;
import kr.madang.notification.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an SMS through the configured providers: a weighted random first choice (as GOV.UK Notify balances its
 * providers), then the others in weighted order when one is down, slow, rate-limited or its circuit is open. A
 * provider's 4xx is a refusal of the message itself, so it is final and not tried elsewhere. Circuit breakers and
 * rate limiters are Resilience4j (versions from the Spring Cloud BOM).
 */
public class SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);

    private record Route(SmsProvider provider, int weight, CircuitBreaker breaker, RateLimiter rateLimiter) {
    }

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final String sender;
    private final Duration rateLimitWait;
    private final Clock clock;

    public SmsGateway(SmsProperties properties, Map<String, SmsProvider> providers, Clock clock) {
        this.sender = properties.sender();
        this.rateLimitWait = properties.breaker().rateLimitWait();
        this.clock = clock;
        SmsProperties.Breaker b = properties.breaker();
        properties.providers().forEach((name, settings) -> {
            if (!settings.enabled() || !providers.containsKey(name)) {
                return;
            }
            RateLimiter limiter = RateLimiter.of("sms-" + name, RateLimiterConfig.custom()
                    .limitForPeriod(Math.max(1, settings.ratePerSecondPerInstance()))
                    .limitRefreshPeriod(Duration.ofSeconds(1))
                    .timeoutDuration(rateLimitWait)
                    .build());
            routes.put(name, new Route(providers.get(name), Math.max(0, settings.weight()),
                    ProviderBreakers.breaker("sms-" + name, b.failureRateThreshold(), b.slidingWindowSize(),
                            b.minimumCalls(), b.openFor(), SmsProvider.SmsRejectedException.class), limiter));
        });
    }

    public DeliveryResult send(Message message) {
        List<DeliveryResult.ProviderAttempt> tries = new ArrayList<>();
        if (routes.isEmpty()) {
            return new DeliveryResult.Unavailable("no SMS provider configured", tries);
        }
        List<String> reasons = new ArrayList<>();
        for (Route route : order()) {
            String name = route.provider().name();
            Instant started = clock.instant();
            String subject = "LMS".equals(message.smsType()) ? message.subject() : null;
            // Resilience4j records exactly one outcome per permitted call, whatever it throws, so no exception can
            // leave a half-open circuit waiting for an outcome that never comes
            Supplier<String> call = RateLimiter.decorateSupplier(route.rateLimiter(),
                    CircuitBreaker.decorateSupplier(route.breaker(), () -> route.provider().send(message.id().toString(),
                            message.recipient(), sender, message.smsType(), subject, message.bodyText())));
            try {
                String providerId = call.get();
                tries.add(new DeliveryResult.ProviderAttempt(name, started, clock.instant(), "ACCEPTED", providerId));
                return new DeliveryResult.Accepted(name, providerId, tries);
            } catch (CallNotPermittedException e) {
                tries.add(new DeliveryResult.ProviderAttempt(name, started, clock.instant(), "SKIPPED", "circuit open"));
                reasons.add(name + ": circuit open");
            } catch (RequestNotPermitted e) {
                tries.add(new DeliveryResult.ProviderAttempt(name, started, clock.instant(), "SKIPPED", "rate limit reached"));
                reasons.add(name + ": rate limit reached");
            } catch (SmsProvider.SmsRejectedException e) {
                // the provider is healthy (the breaker counts this as a success); the message is not
                tries.add(new DeliveryResult.ProviderAttempt(name, started, clock.instant(), "REFUSED", e.getMessage()));
                return new DeliveryResult.Refused(e.getMessage(), tries);
            } catch (SmsProvider.SmsUnavailableException e) {
                log.warn("SMS provider {} failed for message {}: {}", name, message.id(), e.getMessage());
                tries.add(new DeliveryResult.ProviderAttempt(name, started, clock.instant(), "UNAVAILABLE", e.getMessage()));
                reasons.add(e.getMessage());
            } catch (RuntimeException e) {
                // an answer the adapter did not expect (e.g. an unparsable result_code): the provider is in trouble
                String reason = name + " gave an unexpected answer: " + e.getClass().getSimpleName();
                log.warn("SMS provider {} failed for message {}: {}", name, message.id(), reason);
                tries.add(new DeliveryResult.ProviderAttempt(name, started, clock.instant(), "UNAVAILABLE", reason));
                reasons.add(reason);
            }
        }
        return new DeliveryResult.Unavailable(String.join("; ", reasons), tries);
    }

    /** Weighted random order without replacement; weight-0 providers go last, as a pure fallback. */
    List<Route> order() {
        List<Route> pool = new ArrayList<>(routes.values());
        List<Route> ordered = new ArrayList<>(pool.size());
        while (!pool.isEmpty()) {
            int total = pool.stream().mapToInt(Route::weight).sum();
            Route pick;
            if (total <= 0) {
                pick = pool.getFirst();
            } else {
                int r = ThreadLocalRandom.current().nextInt(total);
                pick = pool.getFirst();
                for (Route route : pool) {
                    r -= route.weight();
                    if (r < 0) {
                        pick = route;
                        break;
                    }
                }
            }
            ordered.add(pick);
            pool.remove(pick);
        }
        return ordered;
    }

    public Map<String, String> circuitStates() {
        Map<String, String> states = new LinkedHashMap<>();
        routes.forEach((name, route) -> states.put(name, route.breaker().getState().name()));
        return states;
    }

    /** Closes every circuit (ops after a provider incident, and tests). */
    public void resetCircuits() {
        routes.values().forEach(route -> route.breaker().reset());
    }

    public boolean knows(String provider) {
        return routes.containsKey(provider);
    }
}
