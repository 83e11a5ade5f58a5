package kr.madang.agreement;

import java.util.ArrayList;
import java.util.List;

import kr.madang.agreement.mou.AgreementAction;
import kr.madang.agreement.mou.AgreementState;
import kr.madang.agreement.schedule.DueWork;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP, for every state: every action the agreement does not allow there answers 409 with the current state
 * and the allowed actions, and changes nothing — neither the agreement nor its history (whose entries are written in
 * the transaction of the events, so no event left either).
 */
@AgreementIntegrationTest
class IllegalTransitionsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    DueWork dueWork;

    @ParameterizedTest
    @EnumSource(AgreementState.class)
    void everyActionNotAllowedInThisStateIsRefusedWith409AndChangesNothing(AgreementState state) {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        String id = reach(state, api, flows);
        JsonNode before = flows.get(id);
        assertThat(before.path("state").asString()).isEqualTo(state.name());
        List<String> allowed = new ArrayList<>();
        before.path("allowedActions").forEach(a -> allowed.add(a.asString()));
        int historyBefore = flows.historyActions(id).size();
        List<String> parties = flows.partyIds(id);

        int refused = 0;
        for (AgreementAction action : AgreementAction.values()) {
            if (allowed.contains(action.apiName())) {
                continue;
            }
            Api.Response response = call(api, id, action, parties);
            boolean everyoneSigned = before.path("parties").get(0).hasNonNull("signature");
            if (action == AgreementAction.SIGN && everyoneSigned) {
                // a party that signed signs again: answered with its first signature, a replay not a transition
                assertThat(response.status()).as(response.body()).isEqualTo(200);
            } else {
                assertThat(response.status()).as(state + " × " + action.apiName() + ": " + response.body()).isEqualTo(409);
                assertThat(response.text("state")).isEqualTo(state.name());
                assertThat(response.text("action")).isEqualTo(action.apiName());
                List<String> answeredAllowed = new ArrayList<>();
                response.json().path("allowedActions").forEach(a -> answeredAllowed.add(a.asString()));
                assertThat(answeredAllowed).isEqualTo(allowed);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                refused++;
            }
            assertThat(flows.get(id)).as("after " + action.apiName()).isEqualTo(before);
            assertThat(flows.historyActions(id)).hasSize(historyBefore);
        }
        assertThat(refused).isGreaterThan(0);
    }

    private String reach(AgreementState state, Api api, Flows flows) {
        clock.set("2023-02-01T10:00:00");
        String id = flows.create(Mous.draft("상태표 협약", Mous.JEJU_PARTIES.subList(0, 2), "PARALLEL", false, null,
                "2023-03-01", 12, false));
        if (state == AgreementState.DRAFT) {
            return id;
        }
        if (state == AgreementState.TERMINATED) {
            api.post("/api/agreements/" + id + "/terminate", TestTokens.hqAdmin(), "{\"reason\":\"사업 취소\"}");
            return id;
        }
        flows.circulate(id);
        if (state == AgreementState.CIRCULATING) {
            return id;
        }
        List<String> parties = flows.partyIds(id);
        if (state == AgreementState.NEGOTIATION) {
            api.post("/api/agreements/" + id + "/parties/" + parties.getFirst() + "/decline", TestTokens.hqAdmin(),
                    "{\"reason\":\"수정 필요\"}");
            return id;
        }
        flows.hqSignAll(id);
        if (state == AgreementState.EXECUTED) {
            return id;
        }
        clock.set("2023-03-01T01:00:00");
        dueWork.runDue();
        if (state == AgreementState.ACTIVE) {
            return id;
        }
        clock.set("2024-02-01T01:00:00");
        dueWork.runDue();
        if (state == AgreementState.EXPIRING) {
            return id;
        }
        clock.set("2024-03-01T01:00:00");
        dueWork.runDue();
        return id;
    }

    private static Api.Response call(Api api, String id, AgreementAction action, List<String> parties) {
        String base = "/api/agreements/" + id;
        String hq = TestTokens.hqAdmin();
        return switch (action) {
            case REVISE -> api.put(base, hq, "{\"title\":\"바뀐 제목\"}");
            case CIRCULATE -> api.post(base + "/circulate", hq, null);
            case WITHDRAW -> api.post(base + "/withdraw", hq, "{\"reason\":\"철회\"}");
            case SIGN -> api.post(base + "/parties/" + parties.getFirst() + "/signature", hq, "{\"signerName\":\"서명자\"}");
            case DECLINE -> api.post(base + "/parties/" + parties.getLast() + "/decline", hq, "{\"reason\":\"거절\"}");
            case AMEND -> api.post(base + "/amendments", hq, "{\"title\":\"개정\"}");
            case ACCEDE -> api.post(base + "/accessions", hq,
                    "{\"institution\":\"신규 기관\",\"contact\":{\"email\":\"new@example.kr\"}}");
            case RENEW -> api.post(base + "/renew", hq, "{}");
            case TERMINATE -> api.post(base + "/terminate", hq, "{\"reason\":\"종료\"}");
        };
    }
}
