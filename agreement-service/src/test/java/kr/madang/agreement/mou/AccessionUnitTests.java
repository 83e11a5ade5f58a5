package kr.madang.agreement.mou;

import java.time.Duration;
import java.time.Instant;

import kr.madang.agreement.mou.AgreementEvent.Declined;
import kr.madang.agreement.mou.AgreementEvent.SigningReminderDue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An invitation to accede is reminded, can be sent again with a fresh window, and lapses instead of blocking. */
class AccessionUnitTests {

    private static final Instant INVITED = Fixtures.T0; // Fixtures.activeWithAccession invites at T0

    private static String acceding(Agreement a) {
        return a.acceding().getFirst().id();
    }

    @Test
    void anUnansweredInvitationLapsesAndAmendmentsAreNoLongerBlocked() {
        Agreement a = Fixtures.activeWithAccession();
        String party = acceding(a);
        a.drainEvents();

        a.advanceTo(INVITED.plus(Duration.ofDays(31)), Fixtures.POLICY);

        assertThat(a.acceding()).isEmpty();
        assertThat(a.parties()).noneMatch(p -> p.id().equals(party));
        assertThat(a.allowedActions()).contains(AgreementAction.AMEND);
        assertThat(a.drainEvents()).extracting(AgreementEvent.Recorded::event)
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Declined.class, d -> {
                    assertThat(d.accession()).isTrue();
                    assertThat(d.party().id()).isEqualTo(party);
                }));
    }

    @Test
    void anAccedingPartyIsRemindedLikeASigningStep() {
        Agreement a = Fixtures.activeWithAccession();
        String party = acceding(a);
        a.drainEvents();
        assertThat(a.nextDueAt(Fixtures.POLICY)).isEqualTo(INVITED.plus(Duration.ofDays(7)));

        a.advanceTo(INVITED.plus(Duration.ofDays(7)), Fixtures.POLICY);

        assertThat(a.drainEvents()).extracting(AgreementEvent.Recorded::event).singleElement()
                .isInstanceOfSatisfying(SigningReminderDue.class, r -> {
                    assertThat(r.recipientIds()).containsExactly(party);
                    assertThat(r.number()).isEqualTo(1);
                });
    }

    @Test
    void anInvitationSentAgainIsValidForAFullWindowFromThen() {
        Agreement a = Fixtures.activeWithAccession();
        String party = acceding(a);
        Instant resent = INVITED.plus(Duration.ofDays(25));
        a.reopenAccession(party, resent, "hq:test");

        assertThat(a.accessionDeadline(party, Fixtures.POLICY)).contains(resent.plus(Duration.ofDays(30)));
        a.advanceTo(INVITED.plus(Duration.ofDays(40)), Fixtures.POLICY);
        assertThat(a.acceding()).extracting(Party::id).containsExactly(party);
        a.sign(party, "대표이사", null, INVITED.plus(Duration.ofDays(41)), "party");
        assertThat(a.party(party).status()).isEqualTo(PartyStatus.MEMBER);
        assertThat(a.nextDueAt(Fixtures.POLICY)).as("nothing left of the accession")
                .isAfter(INVITED.plus(Duration.ofDays(60)));
    }
}
