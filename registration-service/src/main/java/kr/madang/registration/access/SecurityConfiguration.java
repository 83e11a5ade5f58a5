package kr.madang.registration.access;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import kr.madang.registration.idempotency.IdempotencyFilter;
import kr.madang.registration.idempotency.IdempotencyStore;
import kr.madang.registration.web.RequestLimits;
import kr.madang.registration.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Stateless JWT resource server. The URL rules only separate public from staff endpoints; who may touch which event
 * (region scoping, check-in staff of one event) is decided per resource in {@link Access}.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, IdempotencyStore idempotency, RequestLimits limits,
                            PublicRateLimit publicRateLimit,
                            @Value("${madang.registration.public-rate-limit.forwarded-for-hops:0}") int forwardedForHops)
            throws Exception {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/events/*/registrations").permitAll()
                        .requestMatchers("/api/cancellations/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(jwt -> {
                }).authenticationEntryPoint((request, response, e) -> {
                    bearer.commence(request, response, e);
                    ProblemWriter.write(request, response, 401, "Unauthorized",
                            "A valid bearer token is required", "Authorization");
                }))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            bearer.commence(request, response, ex);
                            ProblemWriter.write(request, response, 401, "Unauthorized",
                                    "A valid bearer token is required", "Authorization");
                        })
                        .accessDeniedHandler((request, response, ex) -> ProblemWriter.write(request, response, 403,
                                "Forbidden", "This role may not do this", null)))
                .addFilterAfter(new PublicRateLimitFilter(publicRateLimit, forwardedForHops), AuthorizationFilter.class)
                .addFilterAfter(new IdempotencyFilter(idempotency, limits), PublicRateLimitFilter.class);
        return http.build();
    }

    /** Self-registrations per client and minute; 0 turns the limit off (e.g. for a load test from one machine). */
    @Bean
    PublicRateLimit publicRateLimit(@Value("${madang.registration.public-rate-limit.per-minute:30}") int perMinute,
                                    java.time.Clock clock) {
        return new PublicRateLimit(perMinute, clock);
    }

    /**
     * Tokens are checked against, in this order: a PEM public key (tests, simple deployments), the issuer's discovery
     * document, or a JWK set URL (Spring's jwk-set-uri property, else madang.security.jwk-set-uri: the local stack's
     * token service by default). Keys are fetched once and cached.
     */
    @Bean
    JwtDecoder jwtDecoder(ResourceLoader resources,
                          @Value("${spring.security.oauth2.resourceserver.jwt.public-key-location:}") String publicKey,
                          @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                          @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:${madang.security.jwk-set-uri}}") String jwkSetUri) throws Exception {
        if (!publicKey.isBlank()) {
            Resource pem = resources.getResource(publicKey);
            String text = pem.getContentAsString(java.nio.charset.StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text)));
            return NimbusJwtDecoder.withPublicKey(key).build();
        }
        if (!issuer.isBlank()) {
            return JwtDecoders.fromIssuerLocation(issuer);
        }
        return NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
    }
}
