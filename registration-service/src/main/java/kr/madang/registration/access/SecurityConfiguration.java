package kr.madang.registration.access;

import kr.madang.platform.security.ApiSecurityRules;
import kr.madang.registration.idempotency.IdempotencyFilter;
import kr.madang.registration.idempotency.IdempotencyStore;
import kr.madang.registration.web.RequestLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * This service's part of the platform's API security chain (tokens, actuator and problem answers are the platform's,
 * {@code kr.madang.platform.security}): self-registration and cancellation links are open, everything else needs a
 * token. Who may touch which event (region scoping, check-in staff of one event) is decided per resource in
 * {@link Access}.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    ApiSecurityRules registrationApiRules(IdempotencyStore idempotency, RequestLimits limits,
                                          PublicRateLimit publicRateLimit,
                                          @Value("${madang.registration.public-rate-limit.forwarded-for-hops:0}") int forwardedForHops) {
        return new ApiSecurityRules() {
            @Override
            public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
                rules.requestMatchers(HttpMethod.POST, "/api/events/*/registrations").permitAll()
                        .requestMatchers("/api/cancellations/**").permitAll();
            }

            @Override
            public void addFilters(HttpSecurity http) {
                http.addFilterAfter(new PublicRateLimitFilter(publicRateLimit, forwardedForHops), AuthorizationFilter.class)
                        .addFilterAfter(new IdempotencyFilter(idempotency, limits), PublicRateLimitFilter.class);
            }
        };
    }

    /** Self-registrations per client and minute; 0 turns the limit off (e.g. for a load test from one machine). */
    @Bean
    PublicRateLimit publicRateLimit(@Value("${madang.registration.public-rate-limit.per-minute:30}") int perMinute,
                                    java.time.Clock clock) {
        return new PublicRateLimit(perMinute, clock);
    }
}
