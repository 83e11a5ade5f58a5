package kr.madang.agreement;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import kr.madang.agreement.schedule.DueWork;
import kr.madang.events.agreement.AgreementAmended;
import kr.madang.events.agreement.AgreementCirculated;
import kr.madang.events.agreement.AgreementExecuted;
import kr.madang.events.agreement.PartyAcceded;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Pohang MOU in force: amended (a new version every party signs again) and widened to ten by accession. */
@AgreementIntegrationTest
class AmendmentAndAccessionIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    DueWork dueWork;

    @Test
    void thePohangMouIsAmendedThenPoscoHoldingsAccedesAndItGrowsToTen() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        clock.set("2023-04-10T10:00:00");
        String id = flows.create(Mous.pohang(null));
        flows.circulate(id);
        clock.set("2023-04-20T15:00:00");
        flows.hqSignAll(id);
        dueWork.runDue();
        assertThat(flows.state(id)).isEqualTo("ACTIVE");
        String v1Hash = flows.get(id).path("document").path("sha256").asString();

        // Amendment: a fourth cooperation item (regional data strategy, the roundtable of day two)
        clock.set("2023-09-01T10:00:00");
        var amendment = api.post("/api/agreements/" + id + "/amendments", TestTokens.hqAdmin(), """
                {"cooperationItems":["지역 디지털 전환 계획 수립 및 정책 자문","전문 인력 양성을 위한 공동 교육 프로그램",
                  "공동 정책 연구 및 연구개발","지역 데이터 전략 수립 협력"],
                 "documentText":"제1조(목적) 개정 협약문. 제5조(지역 데이터 전략) 당사자는 지역 데이터 전략 수립에 협력한다."}
                """);
        assertThat(amendment.status()).as(amendment.body()).isEqualTo(201);
        assertThat(amendment.text("state")).isEqualTo("ACTIVE");
        assertThat(amendment.text("amendment")).isEqualTo("NEGOTIATION");
        assertThat(amendment.json().path("inForceVersion").asInt()).as("the old version stays in force").isEqualTo(1);
        assertThat(amendment.json().path("currentVersion").asInt()).isEqualTo(2);
        assertThat(flows.circulate(id).status()).isEqualTo(200);
        Map<String, String> links = flows.linksFromKafka(id, 2, 1);
        assertThat(links).hasSize(9);
        int signed = 0;
        for (String token : links.values()) {
            assertThat(flows.get(id).path("inForceVersion").asInt()).isEqualTo(1);
            assertThat(flows.signByLink(token, "대표 " + (++signed)).status()).isEqualTo(200);
        }
        var amended = flows.get(id);
        assertThat(amended.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(amended.path("amendment").asString()).isEqualTo("NONE");
        assertThat(amended.path("inForceVersion").asInt()).isEqualTo(2);
        assertThat(amended.path("cooperationItems").size()).isEqualTo(4);
        assertThat(amended.path("document").path("sha256").asString()).isNotEqualTo(v1Hash);
        AgreementAmended amendedEvent = await().until(() -> AgreementTopic.eventsOf(id, AgreementAmended.class),
                l -> !l.isEmpty()).getFirst();
        assertThat(amendedEvent.getPreviousVersion()).isEqualTo(1);
        assertThat(AgreementTopic.eventsOf(id, AgreementExecuted.class)).extracting(e -> e.getAgreement().getVersion())
                .containsExactly(1, 2);

        // Accession: POSCO Holdings joins, signing the version in force
        var accession = api.post("/api/agreements/" + id + "/accessions", TestTokens.hqAdmin(), """
                {"institution":"포스코홀딩스","representativeName":"대표이사","representativeTitle":"대표이사",
                 "contact":{"email":"posco@example.kr","phone":"+82 2 1234 5678","language":"en"}}
                """);
        assertThat(accession.status()).as(accession.body()).isEqualTo(201);
        assertThat(accession.text("status")).isEqualTo("ACCEDING");
        String posco = accession.text("id");
        AgreementCirculated invitation = await().atMost(Duration.ofSeconds(20)).until(
                () -> AgreementTopic.eventsOf(id, AgreementCirculated.class).stream().filter(c -> c.getStep() == 0).toList(),
                l -> !l.isEmpty()).getFirst();
        assertThat(invitation.getRecipients()).singleElement().satisfies(p -> {
            assertThat(p.getPartyId()).isEqualTo(posco);
            assertThat(p.getContact().getPhone()).isEqualTo("+82212345678");
        });
        assertThat(invitation.getAgreement().getVersion()).isEqualTo(2);
        String token = Flows.token(invitation.getRecipients().getFirst().getSigningUrl());
        assertThat(api.get("/api/signing/" + token, null).text("status")).isEqualTo("TO_SIGN");
        var signedByPosco = flows.signByLink(token, "대표이사");
        assertThat(signedByPosco.status()).as(signedByPosco.body()).isEqualTo(200);
        assertThat(signedByPosco.json().path("version").asInt()).isEqualTo(2);

        var widened = flows.get(id);
        assertThat(widened.path("parties").size()).isEqualTo(10);
        assertThat(widened.path("parties")).allSatisfy(p -> assertThat(p.path("status").asString()).isEqualTo("MEMBER"));
        assertThat(widened.path("state").asString()).isEqualTo("ACTIVE");
        PartyAcceded acceded = await().until(() -> AgreementTopic.eventsOf(id, PartyAcceded.class), l -> !l.isEmpty()).getFirst();
        assertThat(acceded.getParty().getInstitution()).isEqualTo("포스코홀딩스");
        assertThat(acceded.getParties()).as("existing parties are told; the list has grown").hasSize(10);

        List<String> types = AgreementTopic.typesOf(id);
        assertThat(types.subList(types.size() - 3, types.size()))
                .containsExactly("AgreementCirculated", "PartySigned", "PartyAcceded");
        assertThat(flows.historyActions(id)).contains("NewVersion", "AccessionOpened", "Acceded");
    }

    @Test
    void aDeclinedAmendmentGoesBackToNegotiationWhileTheOldVersionStaysInForce() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        clock.set("2023-04-10T10:00:00");
        String id = flows.create(Mous.draft("개정 거절 협약", Mous.POHANG_PARTIES.subList(0, 3), "PARALLEL", false, null,
                "2023-04-20", 24, false));
        flows.circulate(id);
        flows.hqSignAll(id);
        clock.set("2023-04-21T10:00:00");
        dueWork.runDue();
        api.post("/api/agreements/" + id + "/amendments", TestTokens.hqAdmin(), "{\"title\":\"개정안\"}");
        flows.circulate(id);
        String party = flows.partyIds(id).get(1);
        var declined = api.post("/api/agreements/" + id + "/parties/" + party + "/decline", TestTokens.hqAdmin(),
                "{\"reason\":\"개정안 제목에 동의하지 않음\"}");
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.text("state")).isEqualTo("ACTIVE");
        assertThat(declined.text("amendment")).isEqualTo("NEGOTIATION");
        assertThat(declined.json().path("inForceVersion").asInt()).isEqualTo(1);
        assertThat(declined.json().path("allowedActions").toString()).contains("revise", "circulate")
                .doesNotContain("amend");
    }

    @Test
    void anInvitationToAccedeSentAgainAfterItsWindowGivesALinkThatStillSigns() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        clock.set("2023-04-10T10:00:00");
        String id = flows.create(Mous.draft("가입 재초대 협약", Mous.POHANG_PARTIES.subList(0, 2), "PARALLEL", false, null,
                "2023-04-20", 24, false));
        flows.circulate(id);
        flows.hqSignAll(id);
        clock.set("2023-04-21T10:00:00");
        dueWork.runDue();
        String party = api.post("/api/agreements/" + id + "/accessions", TestTokens.hqAdmin(), """
                {"institution":"늦게 답하는 기관","representativeName":"대표","representativeTitle":"원장",
                 "contact":{"email":"late@example.kr","language":"ko"}}
                """).text("id");

        clock.set("2023-05-15T10:00:00"); // 24 days later: the first link is about to lapse
        var resent = api.post("/api/agreements/" + id + "/parties/" + party + "/invitation", TestTokens.hqAdmin(), null);
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        clock.set("2023-05-31T10:00:00"); // 41 days after the first invitation, 16 after the second
        dueWork.runDue();
        var link = api.get("/api/agreements/" + id + "/parties/" + party + "/signing-link", TestTokens.hqAdmin());
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        var signed = flows.signByLink(Flows.token(link.text("url")), "대표");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(flows.get(id).path("parties")).allSatisfy(p -> assertThat(p.path("status").asString()).isEqualTo("MEMBER"));
    }
}
