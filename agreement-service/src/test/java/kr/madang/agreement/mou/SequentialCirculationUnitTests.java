package kr.madang.agreement.mou;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A sequential circulation opens the first step somebody still has to sign, however often it is circulated. */
class SequentialCirculationUnitTests {

    @Test
    void circulatingAgainAfterAWithdrawalOpensTheFirstStepNotFullySigned() {
        Agreement a = Fixtures.sequential(1, 2, 2);
        List<Party> p = a.parties();
        a.circulate(Fixtures.T0, "hq", Fixtures.POLICY);
        a.sign(p.get(0).id(), "가", null, Fixtures.T0, "party");
        a.withdraw("한 단어 수정", Fixtures.T0, "hq");
        a.circulate(Fixtures.T0.plusSeconds(60), "hq", Fixtures.POLICY);

        assertThat(a.circulation().step()).as("step 1 is done").isEqualTo(2);
        assertThat(a.versionToSign(p.get(1).id())).isPresent();
        a.sign(p.get(1).id(), "나", null, Fixtures.T0, "party");
        a.sign(p.get(2).id(), "다", null, Fixtures.T0, "party");
        assertThat(a.state()).isEqualTo(AgreementState.EXECUTED);
    }

    @Test
    void aCompletedStepOpensTheNextStepThatStillHasSomebodyToSign() {
        Agreement a = Fixtures.sequential(1, 2, 3);
        List<Party> p = a.parties();
        a.circulate(Fixtures.T0, "hq", Fixtures.POLICY);
        a.sign(p.get(0).id(), "가", null, Fixtures.T0, "party");
        a.sign(p.get(1).id(), "나", null, Fixtures.T0, "party");
        a.withdraw("수정", Fixtures.T0, "hq");
        a.circulate(Fixtures.T0, "hq", Fixtures.POLICY);
        assertThat(a.circulation().step()).isEqualTo(3);
        a.sign(p.get(2).id(), "다", null, Fixtures.T0, "party");
        assertThat(a.state()).isEqualTo(AgreementState.EXECUTED);
    }
}
