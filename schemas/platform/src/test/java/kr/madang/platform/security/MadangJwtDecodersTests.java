package kr.madang.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The token checks of every service, in both key modes: a JWK set fetched over HTTP (production) and a PEM public
 * key. Only a token that is right in every respect is accepted.
 */
class MadangJwtDecodersTests {

    private static final MadangJwtProperties PROPERTIES = new MadangJwtProperties(TestTokens.ISSUER,
            List.of(TestTokens.AUDIENCE), null, null);

    private final JwtDecoder jwkSet = MadangJwtDecoders.fromJwkSetUri(TestTokens.jwkSetUri(), PROPERTIES, Clock.systemUTC());
    private final JwtDecoder publicKey = MadangJwtDecoders.fromPublicKey(
            MadangJwtDecoders.rsaPublicKey(TestTokens.publicKeyPem()), PROPERTIES, Clock.systemUTC());

    @Test
    void defaultsAreRs256AndThirtySecondsOfSkew() {
        assertThat(PROPERTIES.algorithms()).containsExactly("RS256");
        assertThat(PROPERTIES.clockSkew()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aValidTokenIsAcceptedInBothModes() {
        String token = TestTokens.regionalOffice("JEJU");
        for (JwtDecoder decoder : List.of(jwkSet, publicKey)) {
            Jwt jwt = decoder.decode(token);
            assertThat(jwt.getSubject()).isEqualTo("office-jeju");
            assertThat(jwt.getAudience()).containsExactly(TestTokens.AUDIENCE);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBadTokenIsRefusedInBothModes() {
        return TestTokens.refused().entrySet().stream().flatMap(bad -> Stream.of(
                DynamicTest.dynamicTest(bad.getKey() + " (JWK set)", () -> assertRefused(jwkSet, bad.getValue())),
                DynamicTest.dynamicTest(bad.getKey() + " (public key)", () -> assertRefused(publicKey, bad.getValue()))));
    }

    @Test
    void aKeyIdTheJwkSetDoesNotHoldIsRefusedEvenWithTheRightKey() {
        assertRefused(jwkSet, TestTokens.withUnknownKeyId());
    }

    @Test
    void clocksMayDisagreeByTheConfiguredSkewAndNoMore() {
        Instant now = Instant.now();
        String justExpired = TestTokens.sign(TestTokens.claims("hq-admin", List.of("HQ_ADMIN"), Map.of())
                .issueTime(Date.from(now.minusSeconds(600))).notBeforeTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.minusSeconds(5))).build());
        String longExpired = TestTokens.sign(TestTokens.claims("hq-admin", List.of("HQ_ADMIN"), Map.of())
                .issueTime(Date.from(now.minusSeconds(600))).notBeforeTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.minusSeconds(90))).build());
        String almostValid = TestTokens.sign(TestTokens.claims("hq-admin", List.of("HQ_ADMIN"), Map.of())
                .notBeforeTime(Date.from(now.plusSeconds(5))).build());
        assertThat(jwkSet.decode(justExpired).getSubject()).isEqualTo("hq-admin");
        assertThat(jwkSet.decode(almostValid).getSubject()).isEqualTo("hq-admin");
        assertRefused(jwkSet, longExpired);
    }

    @Test
    void anotherConfiguredAudienceIsAcceptedAndOtherAlgorithmsOnlyWhenConfigured() {
        MadangJwtProperties twoAudiences = new MadangJwtProperties(TestTokens.ISSUER, List.of("ops-console", "madang"),
                List.of("RS256", "PS256"), Duration.ZERO);
        JwtDecoder decoder = MadangJwtDecoders.fromPublicKey(
                MadangJwtDecoders.rsaPublicKey(TestTokens.publicKeyPem()), twoAudiences, Clock.systemUTC());
        assertThat(decoder.decode(TestTokens.ops()).getSubject()).isEqualTo("ops");
        assertThatThrownBy(() -> new MadangJwtProperties(TestTokens.ISSUER, List.of("madang"), List.of("HS256"), null))
                .hasMessageContaining("asymmetric");
        assertThatThrownBy(() -> new MadangJwtProperties(TestTokens.ISSUER, List.of(), null, null))
                .hasMessageContaining("madang.security.jwt.audiences");
        assertThatThrownBy(() -> new MadangJwtProperties(" ", List.of("madang"), null, null))
                .hasMessageContaining("madang.security.jwt.issuer");
    }

    private static void assertRefused(JwtDecoder decoder, String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }
}
