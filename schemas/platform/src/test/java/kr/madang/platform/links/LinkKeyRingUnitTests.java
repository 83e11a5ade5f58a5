package kr.madang.platform.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinkKeyRingUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String OLD_SECRET = "old-secret-0123456789abcdef0123456789";
    private static final String NEW_SECRET = "new-secret-0123456789abcdef0123456789";

    private static LinkKeyRing ring(Instant at, LinkKeyRing.Key... keys) {
        return new LinkKeyRing(List.of(keys), 16, Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void theActiveKeySignsWithItsIdAndOpensOnlyForTheSamePurpose() {
        LinkKeyRing ring = ring(NOW, new LinkKeyRing.Key("k2", NEW_SECRET, null));
        String token = ring.seal("cancel", "reg-42");
        assertThat(token).startsWith("k2.reg-42.");
        assertThat(ring.open("cancel", token)).contains("reg-42");
        assertThat(ring.open("sign", token)).isEmpty();
        assertThat(ring.open("cancel", token.replace("reg-42", "reg-43"))).isEmpty();
        assertThat(ring.open("cancel", "k9" + token.substring(2))).isEmpty();
        assertThat(ring.open("cancel", "garbage")).isEmpty();
    }

    @Test
    void aReplacedKeyVerifiesUntilItsGracePeriodEndsAndNeverSigns() {
        String oldLink = ring(NOW, new LinkKeyRing.Key("k1", OLD_SECRET, null)).seal("cancel", "reg-42");
        Instant graceEnds = NOW.plusSeconds(7 * 24 * 3600);
        LinkKeyRing.Key active = new LinkKeyRing.Key("k2", NEW_SECRET, null);
        LinkKeyRing.Key retired = new LinkKeyRing.Key("k1", OLD_SECRET, graceEnds);

        LinkKeyRing duringGrace = ring(NOW.plusSeconds(3600), active, retired);
        assertThat(duringGrace.open("cancel", oldLink)).contains("reg-42");
        assertThat(duringGrace.seal("cancel", "reg-42")).startsWith("k2.");

        assertThat(ring(graceEnds, active, retired).open("cancel", oldLink)).isEmpty();
        assertThat(ring(NOW, active).open("cancel", oldLink)).as("a key removed from the ring").isEmpty();
    }

    @Test
    void weakOrAmbiguousKeysAreRefused() {
        assertThatThrownBy(() -> new LinkKeyRing.Key("k1", "short", null)).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> new LinkKeyRing.Key("k.1", NEW_SECRET, null)).hasMessageContaining("id");
        assertThatThrownBy(() -> ring(NOW, new LinkKeyRing.Key("k1", NEW_SECRET, null),
                new LinkKeyRing.Key("k1", OLD_SECRET, NOW))).hasMessageContaining("twice");
        assertThat(new LinkKeyRing.Key("k1", NEW_SECRET, null).toString()).doesNotContain(NEW_SECRET);
    }
}
