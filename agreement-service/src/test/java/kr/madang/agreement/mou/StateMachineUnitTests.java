package kr.madang.agreement.mou;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A generated table over the state machine: every situation the lifecycle can reach × every action. What is not
 * allowed is refused with the current state and the allowed actions, and leaves the agreement exactly as it was;
 * what is allowed is never refused as an illegal transition.
 */
class StateMachineUnitTests {

    private static final Map<String, Supplier<Agreement>> SITUATIONS = new java.util.LinkedHashMap<>();

    static {
        SITUATIONS.put("DRAFT", () -> Fixtures.draft(3, SigningOrder.PARALLEL));
        SITUATIONS.put("CIRCULATING", Fixtures::circulating);
        SITUATIONS.put("NEGOTIATION", Fixtures::negotiation);
        SITUATIONS.put("EXECUTED", Fixtures::executed);
        SITUATIONS.put("ACTIVE", Fixtures::active);
        SITUATIONS.put("ACTIVE, amendment in negotiation", Fixtures::activeAmendmentInNegotiation);
        SITUATIONS.put("ACTIVE, amendment circulating", Fixtures::activeAmendmentCirculating);
        SITUATIONS.put("ACTIVE, accession pending", Fixtures::activeWithAccession);
        SITUATIONS.put("EXPIRING", Fixtures::expiring);
        SITUATIONS.put("EXPIRED", Fixtures::expired);
        SITUATIONS.put("TERMINATED", Fixtures::terminated);
    }

    @TestFactory
    Stream<DynamicTest> everyActionInEverySituation() {
        List<DynamicTest> tests = new ArrayList<>();
        SITUATIONS.forEach((name, situation) -> {
            for (AgreementAction action : AgreementAction.values()) {
                tests.add(DynamicTest.dynamicTest(name + " × " + action.apiName(), () -> check(situation.get(), action)));
            }
        });
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void theTableCoversEveryState() {
        assertThat(SITUATIONS.values().stream().map(s -> s.get().state()).distinct())
                .containsExactlyInAnyOrder(AgreementState.values());
    }

    private static void check(Agreement agreement, AgreementAction action) {
        agreement.drainEvents();
        Agreement.Snapshot before = agreement.snapshot();
        List<AgreementAction> allowed = agreement.allowedActions();
        Throwable thrown = catchThrowable(() -> apply(agreement, action));
        if (allowed.contains(action)) {
            if (thrown instanceof TransitionRefused refused) {
                assertThat(refused.code()).as("an allowed action is never an illegal transition")
                        .isNotEqualTo("ILLEGAL_TRANSITION");
            } else {
                assertThat(thrown).isNull();
                assertThat(agreement.drainEvents()).as("an allowed action records what it did").isNotEmpty();
            }
            return;
        }
        if (thrown == null) {
            // only a repeated signature is answered without refusal: it changes nothing
            assertThat(action).isEqualTo(AgreementAction.SIGN);
            assertThat(agreement.currentVersion().signatureOf(anyParty(agreement))).isPresent();
        } else {
            assertThat(thrown).isInstanceOf(TransitionRefused.class);
            TransitionRefused refused = (TransitionRefused) thrown;
            assertThat(refused.state()).isEqualTo(before.state());
            assertThat(refused.allowed()).isEqualTo(allowed);
            assertThat(refused.action()).isEqualTo(action);
        }
        assertThat(agreement.snapshot()).as("a refused action changes nothing").isEqualTo(before);
        assertThat(agreement.drainEvents()).isEmpty();
    }

    private static String anyParty(Agreement a) {
        return a.acceding().isEmpty() ? a.members().getLast().id() : a.acceding().getFirst().id();
    }

    private static void apply(Agreement a, AgreementAction action) {
        var now = Fixtures.T0;
        String party = anyParty(a);
        switch (action) {
            case REVISE -> a.revise(new Revision("새 제목", null, null, null, null, null, null), now, "hq:test");
            case CIRCULATE -> a.circulate(now, "hq:test", Fixtures.POLICY);
            case WITHDRAW -> a.withdraw("철회", now, "hq:test");
            case SIGN -> a.sign(party, "서명자", null, now, "party");
            case DECLINE -> a.decline(party, "거절", now, "party");
            case AMEND -> a.amend(new Revision("개정", null, null, null, null, null, null), now, "hq:test");
            case ACCEDE -> a.accede(new PartySpec("신규 기관", null, null, new Contact("담당", "new@example.kr", null, "ko"),
                    null), now, "hq:test");
            case RENEW -> a.renew(null, now, "hq:test");
            case TERMINATE -> a.terminate("종료", now, "hq:test");
        }
    }

    @org.junit.jupiter.api.Test
    void aRefusalNamesTheStateAndWhatIsAllowed() {
        Agreement executed = Fixtures.executed();
        assertThatThrownBy(() -> executed.circulate(Fixtures.T0, "hq:test", Fixtures.POLICY))
                .isInstanceOfSatisfying(TransitionRefused.class, e -> {
                    assertThat(e.state()).isEqualTo(AgreementState.EXECUTED);
                    assertThat(e.allowed()).containsExactly(AgreementAction.TERMINATE);
                    assertThat(e.getMessage()).contains("circulate").contains("EXECUTED");
                });
    }
}
