package kr.madang.registration.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SignedLinksUnitTests {

    final SignedLinks links = new SignedLinks("a-test-secret-of-some-length");
    final UUID registration = UUID.randomUUID();
    final UUID event = UUID.randomUUID();
    final Instant expiry = Instant.parse("2023-03-09T09:00:00Z");

    @Test
    void aSignedTokenVerifiesUntilItExpires() {
        String token = links.sign(SignedLinks.Purpose.CHECK_IN, registration, event, expiry);
        SignedLinks.Grant grant = links.verify(token, SignedLinks.Purpose.CHECK_IN, expiry.minusSeconds(1));
        assertThat(grant.registrationId()).isEqualTo(registration);
        assertThat(grant.eventId()).isEqualTo(event);
        assertThat(token).matches("[A-Za-z0-9._-]+").hasSizeLessThan(100);
        assertThatThrownBy(() -> links.verify(token, SignedLinks.Purpose.CHECK_IN, expiry))
                .satisfies(e -> assertThat(((SignedLinks.InvalidLink) e).reason()).isEqualTo("EXPIRED"));
    }

    @Test
    void aTamperedForeignOrMisusedTokenIsRefusedWithItsReason() {
        String token = links.sign(SignedLinks.Purpose.CANCEL, registration, event, expiry);
        String otherRegistration = links.sign(SignedLinks.Purpose.CANCEL, UUID.randomUUID(), event, expiry);
        String tampered = token.substring(0, token.indexOf('.') + 1) + otherRegistration.split("\\.")[1]
                + token.substring(token.indexOf('.', token.indexOf('.') + 1));
        assertThat(reason(() -> links.verify(tampered, SignedLinks.Purpose.CANCEL, null))).isEqualTo("BAD_SIGNATURE");
        assertThat(reason(() -> new SignedLinks("another-secret-entirely").verify(token, SignedLinks.Purpose.CANCEL, null)))
                .isEqualTo("BAD_SIGNATURE");
        assertThat(reason(() -> links.verify(token, SignedLinks.Purpose.CHECK_IN, null))).isEqualTo("WRONG_PURPOSE");
        assertThat(reason(() -> links.verify("garbage", SignedLinks.Purpose.CANCEL, null))).isEqualTo("MALFORMED");
        assertThat(reason(() -> links.verify("a.b.c.d.!!!", SignedLinks.Purpose.CANCEL, null))).isEqualTo("MALFORMED");
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new SignedLinks("short")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String reason(Runnable verify) {
        try {
            verify.run();
            return "ACCEPTED";
        } catch (SignedLinks.InvalidLink e) {
            return e.reason();
        }
    }
}
