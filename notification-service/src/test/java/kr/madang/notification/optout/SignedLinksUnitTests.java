package kr.madang.notification.optout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SignedLinksUnitTests {

    private final SignedLinks links = new SignedLinks("a-test-secret-of-enough-length");
    private final Instant now = Instant.parse("2023-02-05T00:00:00Z");

    @Test
    void aTokenVerifiesUntilItExpires() {
        String token = links.sign("optout|EMAIL|abc", now.plusSeconds(60));
        assertThat(links.verify(token, now)).contains("optout|EMAIL|abc");
        assertThat(links.verify(token, now.plusSeconds(61))).isEmpty();
    }

    @Test
    void aTamperedOrForeignTokenIsRejected() {
        String token = links.sign("optout|EMAIL|abc", now.plusSeconds(60));
        String forged = token.substring(0, token.indexOf('.')) + ".AAAA";
        assertThat(links.verify(forged, now)).isEmpty();
        assertThat(new SignedLinks("another-secret-of-enough-length").verify(token, now)).isEmpty();
        assertThat(links.verify("garbage", now)).isEmpty();
    }

    @Test
    void addressHashesIgnoreCaseAndHideTheAddress() {
        assertThat(links.addressHash("Minji@Example.kr")).isEqualTo(links.addressHash("minji@example.kr"))
                .doesNotContain("minji");
    }
}
