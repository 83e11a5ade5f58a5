package kr.madang.agreement.config;

import kr.madang.platform.security.ApiSecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * This service's part of the platform's API security chain (tokens, actuator and problem answers are the platform's,
 * {@code kr.madang.platform.security}). Signing links (/sign/**, /api/signing/**) carry their own HMAC-signed grant
 * instead of an account; everything else under /api needs a token, and each endpoint checks the role and region it needs.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    ApiSecurityRules agreementApiRules() {
        return new ApiSecurityRules() {
            @Override
            public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
                rules.requestMatchers("/sign/**", "/api/signing/**").permitAll();
            }
        };
    }
}
