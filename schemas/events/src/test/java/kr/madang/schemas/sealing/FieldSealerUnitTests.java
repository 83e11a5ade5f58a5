package kr.madang.schemas.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import kr.madang.events.Contact;
import kr.madang.events.Language;
import org.junit.jupiter.api.Test;

class FieldSealerUnitTests {

    static final byte[] OLD = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NEW = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    final FieldSealer sealer = new FieldSealer(Map.of("k2026", NEW, "k2025", OLD), "k2026");

    @Test
    void aSealedLinkCarriesNeitherTheLinkNorAnyPartOfIt() {
        String link = "https://madang.kr/api/cancellations/q.egCGHko_TUGSj_ZNwX6Sz4M5aTPDXZ4jojXw";
        String sealed = sealer.seal(link);
        assertThat(sealed).startsWith("sealed:v1:k-k2026:").doesNotContain("madang.kr").doesNotContain("egCGHko");
        assertThat(sealer.open(sealed, subject -> Optional.empty())).isEqualTo(link);
        assertThat(sealer.seal(link)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void aValueSealedWithTheOldKeyStillOpensDuringARotationButNotOnceTheOldKeyIsRemoved() {
        String sealedBefore = new FieldSealer(Map.of("k2025", OLD), "k2025").seal("010-1234-5678");
        assertThat(sealer.open(sealedBefore, subject -> Optional.empty())).isEqualTo("010-1234-5678");
        FieldSealer afterGrace = new FieldSealer(Map.of("k2026", NEW), "k2026");
        assertThatThrownBy(() -> afterGrace.open(sealedBefore, subject -> Optional.empty()))
                .isInstanceOf(FieldSealer.UnreadableFieldException.class).hasMessageNotContaining("010");
    }

    @Test
    void aPersonsDataOpensWithTheirKeyAndWithNothingOnceTheKeyIsDestroyed() {
        byte[] key = FieldSealer.newDataKey();
        String sealed = FieldSealer.sealForSubject("reg-1", key, "김민지");
        assertThat(FieldSealer.subjectOf(sealed)).contains("reg-1");
        assertThat(sealer.open(sealed, subject -> subject.equals("reg-1") ? Optional.of(key) : Optional.empty()))
                .isEqualTo("김민지");
        assertThatThrownBy(() -> sealer.open(sealed, subject -> Optional.empty()))
                .isInstanceOf(FieldSealer.UnreadableFieldException.class);
        // someone else's key, or the service key, does not open it either
        assertThatThrownBy(() -> sealer.open(sealed, subject -> Optional.of(NEW)))
                .isInstanceOf(FieldSealer.UnreadableFieldException.class);
    }

    @Test
    void aSealedValueMovedToAnotherKeyIdIsRefused() {
        String sealed = sealer.seal("secret");
        String relabelled = sealed.replace("k-k2026", "k-k2025");
        assertThatThrownBy(() -> sealer.open(relabelled, subject -> Optional.empty()))
                .isInstanceOf(FieldSealer.UnreadableFieldException.class);
    }

    @Test
    void plainValuesFromOlderProducersPassThroughAndEveryNestedSealedStringOpens() {
        assertThat(sealer.open("plain", subject -> Optional.empty())).isEqualTo("plain");
        Contact contact = Contact.newBuilder().setName(sealer.seal("Maria Lopez")).setEmail(sealer.seal("maria@example.org"))
                .setPhone(null).setLanguage(Language.EN).build();
        SealedRecords.openAll(contact, value -> sealer.open(value, subject -> Optional.empty()));
        assertThat(contact.getName()).isEqualTo("Maria Lopez");
        assertThat(contact.getEmail()).isEqualTo("maria@example.org");
        assertThat(contact.getPhone()).isNull();
    }

    @Test
    void keysOfTheWrongSizeOrAnUnknownActiveKeyAreRefusedAtStart() {
        assertThatThrownBy(() -> new FieldSealer(Map.of("short", new byte[16]), "short"))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new FieldSealer(Map.of("k2026", NEW), "k2027")).hasMessageContaining("k2027");
    }

    @Test
    void threadsSealingAndOpeningAtOnceWithRefusalsBetweenEachGetTheirOwnValuesBack() throws Exception {
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    byte[] key = FieldSealer.newDataKey();
                    for (int i = 0; i < 500; i++) {
                        String plain = "참가자 " + thread + "-" + i;
                        String forSubject = FieldSealer.sealForSubject("s" + thread, key, plain);
                        String forServices = sealer.seal(plain);
                        if (i % 7 == 0) { // a failed open between two good ones must not spoil the next
                            try {
                                sealer.open(forSubject, subject -> Optional.of(NEW));
                            } catch (FieldSealer.UnreadableFieldException expected) {
                                refused.incrementAndGet();
                            }
                        }
                        if (!plain.equals(sealer.open(forSubject, subject -> Optional.of(key)))
                                || !plain.equals(sealer.open(forServices, subject -> Optional.empty()))) {
                            wrong.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        }
        assertThat(wrong.get()).as("values that came back different").isZero();
        assertThat(refused.get()).as("opens with the wrong key refused").isEqualTo(8 * 72);
    }
}
