package kr.madang.registration.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ShortCodesUnitTests {

    @Test
    void codesAreEightCharactersOfAnAlphabetWithoutLookAlikes() {
        assertThat(ShortCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "U").hasSize(30);
        Set<String> seen = new HashSet<>();
        Random random = new Random(16);
        for (int i = 0; i < 2_000; i++) {
            String code = ShortCodes.random(random);
            assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}");
            seen.add(code);
        }
        assertThat(seen).hasSize(2_000);
    }

    @Test
    void whatDoorStaffTypeIsReadInAnyCaseWithSpacesAndHyphens() {
        assertThat(ShortCodes.normalise("k7qp-3mxa")).contains("K7QP3MXA");
        assertThat(ShortCodes.normalise(" K7QP 3MXA ")).contains("K7QP3MXA");
        assertThat(ShortCodes.normalise("k7-qp-3m-xa")).contains("K7QP3MXA");
        assertThat(ShortCodes.normalise("K7QP-3MX")).isEmpty();
        assertThat(ShortCodes.normalise("K7QP-3MX0")).as("0 is not in the alphabet").isEmpty();
        assertThat(ShortCodes.normalise("q.abc.def")).isEmpty();
        assertThat(ShortCodes.display("K7QP3MXA")).isEqualTo("K7QP-3MXA");
    }

    @Test
    void aDerivedCodeIsStableForItsSeedAndDiffersBetweenSeeds() {
        assertThat(ShortCodes.derived("q.seed-one")).isEqualTo(ShortCodes.derived("q.seed-one"))
                .isNotEqualTo(ShortCodes.derived("q.seed-two")).matches("[" + ShortCodes.ALPHABET + "]{8}");
    }
}
