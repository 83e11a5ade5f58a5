package kr.madang.platform.security;

import java.io.IOException;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The one security configuration of the services' JSON API: a stateless JWT resource server whose tokens are checked
 * by {@link MadangJwtDecoders} (exp required, issuer, audience, algorithms, clock skew), the {@code roles} claim as
 * {@code ROLE_*} authorities, problem answers for 401/403, and the same actuator rule everywhere: health and info
 * open (probes), everything else of the actuator (prometheus, metrics) for OPS or HQ_ADMIN tokens. A service adds its
 * open endpoints, role rules and filters with an {@link ApiSecurityRules} bean.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnClass(JwtAuthenticationConverter.class)
@EnableConfigurationProperties(MadangJwtProperties.class)
public class MadangSecurityAutoConfiguration {

    static final String PUBLIC_KEY_LOCATION = "spring.security.oauth2.resourceserver.jwt.public-key-location";
    static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
    static final String MADANG_JWK_SET_URI = "madang.security.jwk-set-uri";

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(CurrentUser.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    /**
     * Keys from a PEM public key ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}: tests,
     * simple deployments), else from the JWK set URL ({@code ...jwt.jwk-set-uri}, else {@code madang.security.jwk-set-uri}).
     * Claims are checked against the wall clock, never a service's movable Clock bean.
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(MadangJwtProperties properties, Environment environment, ResourceLoader resources)
            throws IOException {
        String publicKey = environment.getProperty(PUBLIC_KEY_LOCATION, "");
        byte[] pem = publicKey.isBlank() ? null : resources.getResource(publicKey).getContentAsByteArray();
        String jwkSetUri = environment.getProperty(JWK_SET_URI, environment.getProperty(MADANG_JWK_SET_URI, ""));
        if (pem == null && jwkSetUri.isBlank()) {
            throw new IllegalStateException("No JWT verification keys: set " + JWK_SET_URI + " (or "
                    + MADANG_JWK_SET_URI + ", env MADANG_JWK_SET_URI) or " + PUBLIC_KEY_LOCATION);
        }
        return MadangJwtDecoders.create(pem, jwkSetUri, properties, Clock.systemUTC());
    }

    /** Wraps the JwtDecoder so a verified token is verified once (see {@link CachingJwtDecoder}). */
    @Bean
    @ConditionalOnClass(JwtDecoder.class)
    static BeanPostProcessor madangCachingJwtDecoder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(decoder, Clock.systemUTC(), 10_000)
                        : bean;
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(HttpSecurity.class)
    static class ApiChain {

        /** The API's chain; the page chain ({@code MadangPagesAutoConfiguration}) sits before it for page paths. */
        @Bean
        @ConditionalOnMissingBean(name = "madangApiSecurity")
        SecurityFilterChain madangApiSecurity(HttpSecurity http, ObjectProvider<ApiSecurityRules> services,
                                              JwtDecoder decoder, JwtAuthenticationConverter converter) throws Exception {
            ApiSecurityRules service = services.getIfAvailable(() -> new ApiSecurityRules() {
            });
            String[] otherRoles = service.otherRequestsRoles();
            http.csrf(csrf -> csrf.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(rules -> {
                        rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                                .requestMatchers("/actuator", "/actuator/**").hasAnyRole(Roles.OPS, Roles.HQ_ADMIN)
                                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                                .permitAll()
                                .requestMatchers("/error").permitAll();
                        service.authorize(rules);
                        if (otherRoles.length == 0) {
                            rules.anyRequest().authenticated();
                        } else {
                            rules.anyRequest().hasAnyRole(otherRoles);
                        }
                    })
                    .oauth2ResourceServer(o -> o
                            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                            .authenticationEntryPoint(SecurityProblems.unauthorized())
                            .accessDeniedHandler(SecurityProblems.forbidden()))
                    .exceptionHandling(e -> e
                            .authenticationEntryPoint(SecurityProblems.unauthorized())
                            .accessDeniedHandler(SecurityProblems.forbidden()));
            service.addFilters(http);
            return http.build();
        }
    }
}
