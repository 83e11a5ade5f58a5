package kr.madang.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a token must say to be accepted, the same in every service ({@code madang.security.jwt.*}; defaults in
 * {@code madang-platform-defaults.properties}). Where the verification keys come from is Spring's
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location} / {@code .jwk-set-uri}, else
 * {@code madang.security.jwk-set-uri}.
 *
 * @param issuer     the only {@code iss} accepted (env {@code MADANG_JWT_ISSUER})
 * @param audiences  a token's {@code aud} must name at least one of these (env {@code MADANG_JWT_AUDIENCE})
 * @param algorithms the only JWS algorithms accepted (RS256 unless configured)
 * @param clockSkew  how far {@code exp} and {@code nbf} may be off, for clocks that disagree a little
 */
@ConfigurationProperties("madang.security.jwt")
public record MadangJwtProperties(String issuer, List<String> audiences, List<String> algorithms, Duration clockSkew) {

    public MadangJwtProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("madang.security.jwt.issuer must name the token issuer");
        }
        if (audiences == null || audiences.isEmpty() || audiences.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new IllegalArgumentException("madang.security.jwt.audiences must name at least one audience");
        }
        algorithms = algorithms == null || algorithms.isEmpty() ? List.of("RS256") : List.copyOf(algorithms);
        if (algorithms.stream().anyMatch(a -> !a.matches("(RS|PS|ES)(256|384|512)"))) {
            throw new IllegalArgumentException("madang.security.jwt.algorithms may list only asymmetric algorithms "
                    + "(RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512), not " + algorithms);
        }
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("madang.security.jwt.clock-skew must be between 0 and 5 minutes");
        }
        audiences = List.copyOf(audiences);
    }
}
