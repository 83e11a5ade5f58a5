package kr.madang.agreement.mou;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import kr.madang.agreement.mou.AgreementEvent.Recorded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate's rules, without Spring, Kafka or a database. */
class AgreementUnitTests {

    private static List<String> types(List<Recorded> recorded) {
        return recorded.stream().map(r -> r.event().getClass().getSimpleName()).toList();
    }

    @Test
    void theLastSignatureExecutesAndEachEventIsNumberedInTheAgreementsSequence() {
        Agreement a = Fixtures.circulating();
        a.drainEvents();
        List<Party> parties = a.parties();
        a.sign(parties.get(0).id(), "가", null, Fixtures.T0, "party");
        a.sign(parties.get(1).id(), "나", null, Fixtures.T0, "party");
        assertThat(a.state()).isEqualTo(AgreementState.CIRCULATING);
        a.sign(parties.get(2).id(), "다", null, Fixtures.T0, "party");
        List<Recorded> events = a.drainEvents();
        assertThat(types(events)).containsExactly("Signed", "Signed", "Signed", "Executed");
        assertThat(events).extracting(Recorded::sequence).containsExactly(3L, 4L, 5L, 6L);
        assertThat(a.state()).isEqualTo(AgreementState.EXECUTED);
        assertThat(a.endDate()).isEqualTo(LocalDate.parse("2024-02-29"));
    }

    @Test
    void signingTwiceAnswersTheFirstSignatureAndRecordsNothing() {
        Agreement a = Fixtures.circulating();
        String party = a.parties().getFirst().id();
        Signature first = a.sign(party, "가", "원장", Fixtures.T0, "party");
        a.drainEvents();
        Signature again = a.sign(party, "다른 사람", null, Fixtures.T0.plusSeconds(60), "party");
        assertThat(again).isEqualTo(first);
        assertThat(a.drainEvents()).isEmpty();
    }

    @Test
    void aSignatureRecordsTheHashOfTheVersionSigned() {
        Agreement a = Fixtures.circulating();
        Signature s = a.sign(a.parties().getFirst().id(), "가", null, Fixtures.T0, "party");
        assertThat(s.documentSha256()).isEqualTo(Document.text("제1조").sha256()).hasSize(64);
        assertThat(s.version()).isEqualTo(1);
    }

    @Test
    void aLaterStepCannotSignFirst() {
        Agreement a = Fixtures.draft(3, SigningOrder.SEQUENTIAL);
        a.circulate(Fixtures.T0, "hq", Fixtures.POLICY);
        String third = a.parties().get(2).id();
        assertThatThrownBy(() -> a.sign(third, "다", null, Fixtures.T0, "party"))
                .isInstanceOfSatisfying(TransitionRefused.class, e -> assertThat(e.code()).isEqualTo("NOT_YOUR_TURN"));
        assertThatThrownBy(() -> a.decline(third, "no", Fixtures.T0, "party"))
                .isInstanceOfSatisfying(TransitionRefused.class, e -> assertThat(e.code()).isEqualTo("NOT_YOUR_TURN"));
        assertThat(a.currentVersion().signatures()).isEmpty();
    }

    @Test
    void aNewVersionAfterADeclineNeedsEverySignatureAgain() {
        Agreement a = Fixtures.circulating();
        List<Party> p = a.parties();
        a.sign(p.get(0).id(), "가", null, Fixtures.T0, "party");
        a.decline(p.get(1).id(), "조항 수정", Fixtures.T0, "party");
        assertThat(a.state()).isEqualTo(AgreementState.NEGOTIATION);
        a.revise(Revision.document(Document.text("제1조 수정")), Fixtures.T0, "hq");
        assertThat(a.currentVersion().number()).isEqualTo(2);
        a.circulate(Fixtures.T0, "hq", Fixtures.POLICY);
        a.sign(p.get(1).id(), "나", null, Fixtures.T0, "party");
        a.sign(p.get(2).id(), "다", null, Fixtures.T0, "party");
        assertThat(a.state()).as("party 0 signed version 1 only").isEqualTo(AgreementState.CIRCULATING);
        a.sign(p.get(0).id(), "가", null, Fixtures.T0, "party");
        assertThat(a.state()).isEqualTo(AgreementState.EXECUTED);
        assertThat(a.inForce().orElseThrow().number()).isEqualTo(2);
    }

    @Test
    void aDraftIsEditedInPlaceUntilItIsFirstCirculated() {
        Agreement a = Fixtures.draft(2, SigningOrder.PARALLEL);
        a.revise(new Revision("새 제목", null, null, null, null, null, null), Fixtures.T0, "hq");
        assertThat(a.versions()).hasSize(1);
        assertThat(types(a.drainEvents())).containsExactly("DraftEdited");
    }

    @Test
    void expiryRemindersCatchUpWithOneNoticeAfterDowntime() {
        Agreement a = Fixtures.active(); // ends 2024-02-29
        a.drainEvents();
        a.advanceTo(Instant.parse("2024-02-25T00:00:00Z"), Fixtures.POLICY); // 4 days left, no reminder sent before
        List<Recorded> events = a.drainEvents();
        assertThat(events).singleElement().satisfies(r ->
                assertThat(((AgreementEvent.Expiring) r.event()).daysLeft()).isEqualTo(4));
        a.advanceTo(Instant.parse("2024-02-26T00:00:00Z"), Fixtures.POLICY);
        assertThat(a.drainEvents()).isEmpty();
        assertThat(a.nextDueAt(Fixtures.POLICY)).isEqualTo(Instant.parse("2024-02-29T15:00:00Z"));
    }

    @Test
    void anAutoRenewingAgreementRenewsAtItsEndInsteadOfExpiring() {
        Agreement a = Fixtures.draft(2, SigningOrder.PARALLEL);
        a.revise(new Revision(null, null, null, null, new Terms(LocalDate.parse("2023-03-01"), 12, true), null, null),
                Fixtures.T0, "hq");
        a.circulate(Fixtures.T0, "hq", Fixtures.POLICY);
        a.parties().forEach(p -> a.sign(p.id(), "가", null, Fixtures.T0, "party"));
        a.advanceTo(Instant.parse("2023-03-01T00:00:00Z"), Fixtures.POLICY);
        a.advanceTo(Instant.parse("2024-03-01T00:00:00Z"), Fixtures.POLICY);
        assertThat(a.state()).isEqualTo(AgreementState.ACTIVE);
        assertThat(a.termStart()).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(a.endDate()).isEqualTo(LocalDate.parse("2025-02-28"));
        assertThat(types(a.drainEvents())).endsWith("Renewed");
    }

    @Test
    void anAmendmentLeavesTheOldVersionInForceUntilEveryPartySigns() {
        Agreement a = Fixtures.activeAmendmentCirculating();
        List<Party> p = a.members();
        a.sign(p.get(0).id(), "가", null, Fixtures.T0, "party");
        a.sign(p.get(1).id(), "나", null, Fixtures.T0, "party");
        assertThat(a.inForce().orElseThrow().number()).isEqualTo(1);
        a.sign(p.get(2).id(), "다", null, Fixtures.T0, "party");
        assertThat(a.inForce().orElseThrow().number()).isEqualTo(2);
        assertThat(a.amendment()).isEqualTo(AmendmentStatus.NONE);
        assertThat(a.state()).isEqualTo(AgreementState.ACTIVE);
    }

    @Test
    void anAccedingInstitutionJoinsWhenItSignsTheVersionInForce() {
        Agreement a = Fixtures.activeWithAccession();
        Party posco = a.acceding().getFirst();
        a.drainEvents();
        a.sign(posco.id(), "대표이사", null, Fixtures.T0, "party");
        assertThat(types(a.drainEvents())).containsExactly("Signed", "Acceded");
        assertThat(a.members()).hasSize(4);
        assertThat(a.inForce().orElseThrow().signatureOf(posco.id())).isPresent();
    }

    @Test
    void signingRemindersStopAfterTheMaximumAndTheCirculationExpires() {
        Agreement a = Fixtures.circulating();
        a.drainEvents();
        Instant t = Fixtures.T0;
        for (int day = 1; day <= 29; day++) {
            a.advanceTo(t.plus(Duration.ofDays(day)), Fixtures.POLICY);
        }
        assertThat(types(a.drainEvents())).containsExactly("SigningReminderDue", "SigningReminderDue",
                "SigningReminderDue");
        a.advanceTo(t.plus(Duration.ofDays(30)), Fixtures.POLICY);
        assertThat(types(a.drainEvents())).containsExactly("Withdrawn");
        assertThat(a.state()).isEqualTo(AgreementState.NEGOTIATION);
        assertThat(a.nextDueAt(Fixtures.POLICY)).isNull();
    }

    @Test
    void nothingCirculatesWithoutADocument() {
        Agreement a = Agreement.draft("x", new DraftSpec(new Content("협약", null, List.of("하나"), null),
                SigningOrder.PARALLEL, List.of(new PartySpec("기관", null, null, new Contact("a", "a@example.kr", null, "ko"), null)),
                null, null, new Terms(LocalDate.parse("2023-03-01"), 12, false)), Fixtures.T0, "hq");
        assertThatThrownBy(() -> a.circulate(Fixtures.T0, "hq", Fixtures.POLICY))
                .isInstanceOfSatisfying(TransitionRefused.class, e -> assertThat(e.code()).isEqualTo("NO_DOCUMENT"));
        assertThat(a.state()).isEqualTo(AgreementState.DRAFT);
    }
}
