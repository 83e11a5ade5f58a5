package kr.madang.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The JWT decoders of every Madang service: signature with an allowed algorithm only, then {@code exp} required,
 * {@code exp}/{@code nbf} within the clock skew, {@code iss} and {@code aud} as configured. The same checks whether
 * the keys come from a PEM public key (tests, simple deployments) or a JWK set URL (production), where a token whose
 * {@code kid} the set does not hold is refused.
 */
public final class MadangJwtDecoders {

    private MadangJwtDecoders() {
    }

    /** Keys from the identity provider's JWK set (fetched when needed and cached by Nimbus). */
    public static NimbusJwtDecoder fromJwkSetUri(String jwkSetUri, MadangJwtProperties properties, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    properties.algorithms().forEach(name -> algorithms.add(SignatureAlgorithm.from(name)));
                })
                .build();
        decoder.setJwtValidator(validator(properties, clock));
        return decoder;
    }

    /** One RSA public key, e.g. {@code file:/etc/madang/jwt.pem}. */
    public static NimbusJwtDecoder fromPublicKey(RSAPublicKey key, MadangJwtProperties properties, Clock clock) {
        List<String> names = properties.algorithms();
        NimbusJwtDecoder.PublicKeyJwtDecoderBuilder builder = NimbusJwtDecoder.withPublicKey(key)
                .signatureAlgorithm(SignatureAlgorithm.from(names.getFirst()));
        if (names.size() > 1) {
            // the builder takes one algorithm; several (all for this one key) need Nimbus's own key selector
            Set<JWSAlgorithm> allowed = names.stream().map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
            RSAKey jwk = new RSAKey.Builder(key).build();
            builder.jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                    new JWSVerificationKeySelector<SecurityContext>(allowed, (selector, context) -> List.of(jwk))));
        }
        NimbusJwtDecoder decoder = builder.build();
        decoder.setJwtValidator(validator(properties, clock));
        return decoder;
    }

    /** Reads a PEM ({@code -----BEGIN PUBLIC KEY-----}) RSA public key. */
    public static RSAPublicKey rsaPublicKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not a PEM RSA public key", e);
        }
    }

    static RSAPublicKey rsaPublicKey(byte[] pem) {
        return rsaPublicKey(new String(pem, StandardCharsets.US_ASCII));
    }

    /** The claim checks, after the signature. */
    public static OAuth2TokenValidator<Jwt> validator(MadangJwtProperties properties, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(false);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(timestamps);
        // a token without exp would never expire: refused even if a future default of the timestamp check allows it
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new JwtIssuerValidator(properties.issuer()));
        validators.add(audience(properties.audiences()));
        return JwtValidators.createDefaultWithValidators(validators);
    }

    private static OAuth2TokenValidator<Jwt> audience(List<String> accepted) {
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The token is not meant for this service (aud)", "https://tools.ietf.org/html/rfc6750#section-3.1");
        return jwt -> {
            Collection<String> audience = jwt.getAudience();
            return audience != null && audience.stream().anyMatch(accepted::contains)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(error);
        };
    }

    /** For a decoder bean's source of keys: the PEM key when configured, else the JWK set URL. */
    static JwtDecoder create(byte[] publicKeyPem, String jwkSetUri, MadangJwtProperties properties, Clock clock) {
        return publicKeyPem != null
                ? fromPublicKey(rsaPublicKey(publicKeyPem), properties, clock)
                : fromJwkSetUri(jwkSetUri, properties, clock);
    }
}
