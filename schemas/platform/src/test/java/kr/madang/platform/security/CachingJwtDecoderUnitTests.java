package kr.madang.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Accepts "good-*" tokens valid for an hour from NOW, refuses everything else, counting each verification. */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-") || !now.isBefore(NOW.plus(Duration.ofHours(1)))) {
            throw new BadJwtException("refused " + token);
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(1))).build();
    };

    @Test
    void aVerifiedTokenIsNotVerifiedAgainUntilItExpires() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock, 100);

        assertThat(decoder.decode("good-a").getSubject()).isEqualTo("good-a");
        assertThat(decoder.decode("good-a").getSubject()).isEqualTo("good-a");
        assertThat(decoder.decode("good-b").getSubject()).isEqualTo("good-b");
        assertThat(verifications).hasValue(2);

        now = NOW.plus(Duration.ofHours(1));
        assertThatThrownBy(() -> decoder.decode("good-a")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void refusedTokensAreNeverRemembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock, 100);

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aFullCacheStartsOverInsteadOfGrowing() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock, 2);

        decoder.decode("good-1");
        decoder.decode("good-2");
        decoder.decode("good-3"); // full: starts over with good-3 alone
        decoder.decode("good-3");
        decoder.decode("good-1");
        assertThat(verifications).hasValue(4);
    }
}
