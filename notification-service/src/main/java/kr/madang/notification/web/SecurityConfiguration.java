package kr.madang.notification.web;

import kr.madang.platform.security.ApiSecurityRules;
import kr.madang.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * This service's part of the platform's API security chain (tokens, actuator and problem answers are the platform's,
 * {@code kr.madang.platform.security}). Statuses, templates and dead letters: OPS and HQ_ADMIN only. Opt-out links
 * and attendees' calendar files are public (their token is signed); provider delivery reports carry the provider's callback token, checked by
 * their controller.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    ApiSecurityRules notificationApiRules() {
        return new ApiSecurityRules() {
            @Override
            public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
                rules.requestMatchers("/api/opt-out/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/calendar/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/sms/callbacks/**", "/api/alimtalk/callbacks/**").permitAll();
            }

            @Override
            public String[] otherRequestsRoles() {
                return new String[]{Roles.OPS, Roles.HQ_ADMIN};
            }
        };
    }
}
