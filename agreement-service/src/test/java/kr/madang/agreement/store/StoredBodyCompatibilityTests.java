package kr.madang.agreement.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.AgreementState;
import kr.madang.agreement.mou.Contact;
import kr.madang.agreement.mou.Content;
import kr.madang.agreement.mou.DraftSpec;
import kr.madang.agreement.mou.Document;
import kr.madang.agreement.mou.LifecyclePolicy;
import kr.madang.agreement.mou.PartySpec;
import kr.madang.agreement.mou.SigningOrder;
import kr.madang.agreement.mou.Terms;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Agreements stored before accessions and signed-content hashes were recorded still read, and still work. */
class StoredBodyCompatibilityTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anOlderBodyWithoutAccessionsOrContentHashesReadsAndItsAccessionCanLapse() {
        LifecyclePolicy policy = LifecyclePolicy.defaults();
        Instant t0 = Instant.parse("2023-01-30T01:00:00Z");
        Agreement a = Agreement.draft(UUID.randomUUID().toString(), new DraftSpec(
                new Content("협약", "목적", List.of("하나"), Document.text("제1조")), SigningOrder.PARALLEL,
                List.of(new PartySpec("기관", "대표", "원장", new Contact("대표", "a@example.kr", null, "ko"), null)),
                null, null, new Terms(LocalDate.parse("2023-02-01"), 12, false)), t0, "hq");
        a.circulate(t0, "hq", policy);
        a.sign(a.parties().getFirst().id(), "대표", null, t0, "party");
        a.advanceTo(Instant.parse("2023-02-02T00:00:00Z"), policy);
        a.accede(new PartySpec("가입 기관", null, null, new Contact("담당", "b@example.kr", null, "ko"), null), t0, "hq");

        ObjectNode body = (ObjectNode) json.valueToTree(a.snapshot());
        body.remove("accessions");
        body.withArray("versions").forEach(v -> v.withArray("signatures")
                .forEach(s -> ((ObjectNode) s).remove("contentSha256")));
        Agreement old = Agreement.restore(json.readValue(body.toString(), Agreement.Snapshot.class));

        assertThat(old.state()).isEqualTo(AgreementState.ACTIVE);
        assertThat(old.inForce().orElseThrow().signatures().getFirst().contentSha256()).isNull();
        String acceding = old.acceding().getFirst().id();
        assertThat(old.accessionDeadline(acceding, policy)).contains(t0.plus(policy.circulationExpiry()));
        old.advanceTo(t0.plus(Duration.ofDays(31)), policy);
        assertThat(old.acceding()).as("the old accession lapses too").isEmpty();
    }
}
