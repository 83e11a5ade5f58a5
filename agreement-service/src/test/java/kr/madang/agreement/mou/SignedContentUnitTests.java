package kr.madang.agreement.mou;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash a party signs covers everything it signs, not only the document's bytes. */
class SignedContentUnitTests {

    @Test
    void aChangeOfTermsAloneChangesTheHashSigned() {
        Agreement a = Fixtures.circulating();
        Version v = a.currentVersion();
        String asDrafted = SignedContent.sha256(a.id(), v, a.terms(), a.signingOrder(), a.members());
        Terms longer = new Terms(a.terms().effectiveDate(), a.terms().termMonths() + 12, a.terms().autoRenew());
        Terms later = new Terms(LocalDate.parse("2023-04-01"), a.terms().termMonths(), a.terms().autoRenew());

        assertThat(SignedContent.sha256(a.id(), v, longer, a.signingOrder(), a.members())).isNotEqualTo(asDrafted);
        assertThat(SignedContent.sha256(a.id(), v, later, a.signingOrder(), a.members())).isNotEqualTo(asDrafted);
        assertThat(SignedContent.sha256(a.id(), v, a.terms(), SigningOrder.SEQUENTIAL, a.members()))
                .isNotEqualTo(asDrafted);
        assertThat(SignedContent.sha256(a.id(), v, a.terms(), a.signingOrder(), a.members().subList(0, 2)))
                .as("the parties are part of what is signed").isNotEqualTo(asDrafted);
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        Agreement a = Fixtures.circulating();
        Version v = a.currentVersion();
        Version ab = v.withContent(new Content("ab", "c", List.of("하나"), v.content().document()));
        Version a_bc = v.withContent(new Content("a", "bc", List.of("하나"), v.content().document()));
        assertThat(SignedContent.sha256(a.id(), ab, a.terms(), a.signingOrder(), a.members()))
                .isNotEqualTo(SignedContent.sha256(a.id(), a_bc, a.terms(), a.signingOrder(), a.members()));
    }

    @Test
    void aSignatureRecordsTheHashShownBeforeSigning() {
        Agreement a = Fixtures.circulating();
        String party = a.parties().getFirst().id();
        String shown = a.signedContentSha256(party).orElseThrow();
        Signature s = a.sign(party, "가", null, Fixtures.T0, "party");
        assertThat(s.contentSha256()).isEqualTo(shown).hasSize(64);
        assertThat(a.signedContentSha256(a.parties().get(1).id())).contains(shown);
    }
}
