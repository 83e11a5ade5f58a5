package kr.madang.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * What one service adds to the API security chain that {@link MadangSecurityAutoConfiguration} builds for all of
 * them: which of its endpoints are open (signed links, self-registration), who may call the rest, and filters of its
 * own. The chain's own rules come first (health and info open, the other actuator endpoints for OPS and HQ_ADMIN,
 * API docs and /error open), then the service's, then {@link #otherRequestsRoles()}.
 */
public interface ApiSecurityRules {

    /** The service's rules, e.g. {@code rules.requestMatchers("/api/signing/**").permitAll()}. */
    default void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
    }

    /** Roles needed for every request no rule names; none: any valid token. */
    default String[] otherRequestsRoles() {
        return new String[0];
    }

    /** Filters of the service's own (rate limits, idempotency), added after authorization. */
    default void addFilters(HttpSecurity http) throws Exception {
    }
}
