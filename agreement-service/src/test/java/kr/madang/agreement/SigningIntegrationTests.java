package kr.madang.agreement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kr.madang.agreement.schedule.DueWork;
import kr.madang.events.agreement.AgreementAmended;
import kr.madang.events.agreement.AgreementCirculated;
import kr.madang.events.agreement.AgreementExecuted;
import kr.madang.events.agreement.CirculationWithdrawn;
import kr.madang.events.agreement.PartyDeclined;
import kr.madang.events.agreement.PartySigned;
import kr.madang.events.agreement.SigningReminderDue;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Signing: order of steps, declines and new versions, links, concurrency, idempotency, reminders and expiry. */
@AgreementIntegrationTest
class SigningIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    DueWork dueWork;
    Api api;
    Flows flows;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        flows = new Flows(api);
        clock.set("2023-01-30T10:00:00");
    }

    @Test
    void aSequentialOrderIsEnforcedStepByStep() {
        String id = flows.create(Mous.sequential(4)); // steps 1, 1, 2, 3
        List<String> parties = flows.partyIds(id);
        assertThat(flows.circulate(id).status()).isEqualTo(200);
        assertThat(flows.linksFromKafka(id, 1, 1)).containsOnlyKeys(parties.get(0), parties.get(1));

        var early = flows.hqSign(id, parties.get(3));
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.text("code")).isEqualTo("NOT_YOUR_TURN");
        assertThat(early.text("state")).isEqualTo("CIRCULATING");
        assertThat(flows.hqSign(id, parties.get(2)).status()).as("step 2 waits for step 1").isEqualTo(409);

        assertThat(flows.hqSign(id, parties.get(0)).status()).isEqualTo(200);
        assertThat(flows.get(id).path("openStep").asInt()).as("one of two in step 1 is not enough").isEqualTo(1);
        assertThat(flows.hqSign(id, parties.get(1)).status()).isEqualTo(200);
        assertThat(flows.linksFromKafka(id, 1, 2)).containsOnlyKeys(parties.get(2));
        assertThat(flows.hqSign(id, parties.get(3)).status()).as("step 3 still waits").isEqualTo(409);
        String stepTwoLink = flows.linksFromKafka(id, 1, 2).get(parties.get(2));
        assertThat(flows.signByLink(stepTwoLink, "대표 3").status()).isEqualTo(200);
        assertThat(flows.linksFromKafka(id, 1, 3)).containsOnlyKeys(parties.get(3));
        assertThat(flows.hqSign(id, parties.get(3)).status()).isEqualTo(200);

        assertThat(flows.state(id)).isEqualTo("EXECUTED");
        assertThat(AgreementTopic.eventsOf(id, PartySigned.class)).extracting(s -> s.getParty().getPartyId())
                .containsExactly(parties.get(0), parties.get(1), parties.get(2), parties.get(3));
    }

    @Test
    void aDeclineReturnsItToNegotiationAndTheNextVersionNeedsEverySignatureAgain() {
        String id = flows.create(Mous.jeju());
        flows.circulate(id);
        Map<String, String> v1Links = flows.linksFromKafka(id, 1, 1);
        List<String> parties = new ArrayList<>(v1Links.keySet());
        for (int i = 0; i < 3; i++) {
            assertThat(flows.signByLink(v1Links.get(parties.get(i)), "대표").status()).isEqualTo(200);
        }
        var declined = flows.declineByLink(v1Links.get(parties.get(3)), "제3조 공동 연구 범위의 재검토가 필요합니다");
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.text("state")).isEqualTo("NEGOTIATION");
        PartyDeclined event = await().until(() -> AgreementTopic.eventsOf(id, PartyDeclined.class), l -> !l.isEmpty()).getFirst();
        assertThat(event.getReason()).isEqualTo("제3조 공동 연구 범위의 재검토가 필요합니다");
        assertThat(event.getParty().getPartyId()).isEqualTo(parties.get(3));
        assertThat(flows.signByLink(v1Links.get(parties.get(4)), "대표").status())
                .as("nothing is out for signature in negotiation").isEqualTo(409);

        var revised = api.put("/api/agreements/" + id, TestTokens.hqAdmin(),
                "{\"documentText\":\"제1조(목적) 수정된 협약문. 제3조(공동 연구) 범위를 조정한다.\"}");
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(revised.json().path("currentVersion").asInt()).isEqualTo(2);
        assertThat(revised.json().path("state").asString()).isEqualTo("NEGOTIATION");
        AgreementAmended amended = await().until(() -> AgreementTopic.eventsOf(id, AgreementAmended.class), l -> !l.isEmpty()).getFirst();
        assertThat(amended.getPreviousVersion()).isEqualTo(1);
        assertThat(amended.getAgreement().getVersion()).isEqualTo(2);
        assertThat(amended.getAgreement().getDocumentSha256()).isNotEqualTo(
                AgreementTopic.eventsOf(id, AgreementCirculated.class).getFirst().getAgreement().getDocumentSha256());

        assertThat(flows.circulate(id).status()).isEqualTo(200);
        Map<String, String> v2Links = flows.linksFromKafka(id, 2, 1);
        assertThat(v2Links).as("those who signed version 1 must sign again").hasSize(9);
        assertThat(flows.get(id).path("parties")).allSatisfy(p -> assertThat(p.path("signature").isMissingNode()
                || p.path("signature").isNull()).isTrue());
        var stale = flows.signByLink(v1Links.get(parties.get(5)), "대표");
        assertThat(stale.status()).as("a version-1 link cannot sign version 2").isEqualTo(410);

        for (int i = 0; i < 8; i++) {
            assertThat(flows.signByLink(v2Links.get(parties.get(i)), "대표").status()).isEqualTo(200);
        }
        assertThat(flows.state(id)).as("eight of nine is not executed").isEqualTo("CIRCULATING");
        assertThat(flows.signByLink(v2Links.get(parties.get(8)), "대표").status()).isEqualTo(200);
        var executed = flows.get(id);
        assertThat(executed.path("state").asString()).isEqualTo("EXECUTED");
        assertThat(executed.path("inForceVersion").asInt()).isEqualTo(2);
        assertThat(AgreementTopic.eventsOf(id, AgreementExecuted.class)).singleElement()
                .satisfies(e -> assertThat(e.getAgreement().getVersion()).isEqualTo(2));
    }

    @Test
    void partiesSigningAtTheSameMomentAreAllRecordedAndSigningTwiceChangesNothing() throws Exception {
        String id = flows.create(Mous.jeju());
        flows.circulate(id);
        Map<String, String> links = flows.linksFromKafka(id, 1, 1);
        clock.set("2023-02-06T16:00:00");

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Api.Response>> signings = new ArrayList<>();
        links.values().forEach(token -> {
            // every party twice at once: a double click, or a retry after a timeout
            signings.add(() -> { start.await(); return flows.signByLink(token, "대표"); });
            signings.add(() -> { start.await(); return flows.signByLink(token, "대표"); });
        });
        List<Api.Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(18)) {
            List<Future<Api.Response>> futures = signings.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Api.Response> f : futures) {
                responses.add(f.get());
            }
        }
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        var agreement = flows.get(id);
        assertThat(agreement.path("state").asString()).isEqualTo("EXECUTED");
        assertThat(agreement.path("versions").get(0).path("signatures").asInt()).isEqualTo(9);

        String token = links.values().iterator().next();
        var first = api.get("/api/signing/" + token, null).json().path("signature");
        var again = flows.signByLink(token, "다른 이름");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("signerName")).isEqualTo(first.path("signerName").asString());
        assertThat(again.text("signedAt")).isEqualTo(first.path("signedAt").asString());
        List<String> types = flows.awaitTypes(id, 12);
        assertThat(types.stream().filter("PartySigned"::equals)).hasSize(9);
        assertThat(types.stream().filter("AgreementExecuted"::equals)).hasSize(1);
    }

    @Test
    void aPartyReadsOnlyItsOwnPartThroughItsLinkAndAlteredOrExpiredLinksAreRefused() {
        String id = flows.create(Mous.jeju());
        flows.circulate(id);
        Map<String, String> links = flows.linksFromKafka(id, 1, 1);
        String token = links.values().iterator().next();

        var view = api.get("/api/signing/" + token, null);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.text("status")).isEqualTo("TO_SIGN");
        assertThat(view.text("institution")).isEqualTo("한국지방행정연구원");
        assertThat(view.json().path("cooperationItems").size()).isEqualTo(3);
        assertThat(view.body()).as("no other party's contact").doesNotContain("@example.kr").doesNotContain("+8210");
        var page = api.get("/sign/" + token, null);
        assertThat(page.status()).as("the link itself opens the signing page, no account needed").isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("/api/signing/");
        var document = api.get("/api/signing/" + token + "/document", null);
        assertThat(document.body()).startsWith("제1조(목적)");

        String altered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        assertThat(api.get("/api/signing/" + altered, null).status()).isEqualTo(404);
        assertThat(api.get("/api/signing/not-a-token", null).status()).isEqualTo(404);
        assertThat(api.get("/api/agreements/" + id, null).status()).as("the HQ API needs a token").isEqualTo(401);

        clock.advance(Duration.ofDays(31));
        var expired = flows.signByLink(token, "대표");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(flows.state(id)).isEqualTo("CIRCULATING");
    }

    @Test
    void unsignedPartiesAreRemindedAtMostThreeTimesAndAnUnfinishedCirculationExpires() {
        String id = flows.create(Mous.draft("서명 지연 협약", Mous.JEJU_PARTIES.subList(0, 3), "PARALLEL", false, null,
                "2023-03-01", 12, false));
        flows.circulate(id);
        String signer = flows.partyIds(id).getFirst();
        flows.hqSign(id, signer);

        for (int day = 1; day <= 29; day++) {
            clock.advance(Duration.ofDays(1));
            dueWork.runDue();
        }
        List<SigningReminderDue> reminders = await().until(() -> AgreementTopic.eventsOf(id, SigningReminderDue.class),
                l -> l.size() >= 3);
        assertThat(reminders).extracting(SigningReminderDue::getReminderNumber).containsExactly(1, 2, 3);
        assertThat(reminders).allSatisfy(r -> {
            assertThat(r.getRecipients()).hasSize(2).noneMatch(p -> p.getPartyId().equals(signer));
            assertThat(r.getRecipients()).allSatisfy(p -> assertThat(p.getSigningUrl()).contains("/sign/"));
        });
        assertThat(flows.state(id)).isEqualTo("CIRCULATING");

        clock.advance(Duration.ofDays(1).plusHours(1));
        dueWork.runDue();
        assertThat(flows.state(id)).isEqualTo("NEGOTIATION");
        CirculationWithdrawn withdrawn = await().until(() -> AgreementTopic.eventsOf(id, CirculationWithdrawn.class),
                l -> !l.isEmpty()).getFirst();
        assertThat(withdrawn.getReason()).contains("expired");
        assertThat(AgreementTopic.eventsOf(id, SigningReminderDue.class)).hasSize(3);
    }

    @Test
    void hqCanWithdrawACirculationAndCirculateAgain() {
        String id = flows.create(Mous.jeju());
        flows.circulate(id);
        var withdrawn = api.post("/api/agreements/" + id + "/withdraw", TestTokens.hqAdmin(),
                "{\"reason\":\"서명식 일정 변경\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.text("state")).isEqualTo("NEGOTIATION");
        assertThat(flows.circulate(id).status()).isEqualTo(200);
        assertThat(flows.get(id).path("currentVersion").asInt()).as("unchanged text: circulated again as it was")
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> AgreementTopic.typesOf(id),
                t -> t.equals(List.of("AgreementDrafted", "AgreementCirculated", "CirculationWithdrawn",
                        "AgreementCirculated")));
    }

    @Test
    void circulatedAgainAfterAWithdrawalTheStepStillToSignCanSign() {
        String id = flows.create(Mous.sequential(3)); // steps 1, 1, 2
        List<String> parties = flows.partyIds(id);
        flows.circulate(id);
        assertThat(flows.hqSign(id, parties.get(0)).status()).isEqualTo(200);
        assertThat(flows.hqSign(id, parties.get(1)).status()).isEqualTo(200);
        var withdrawn = api.post("/api/agreements/" + id + "/withdraw", TestTokens.hqAdmin(), "{\"reason\":\"한 단어 수정\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);

        assertThat(flows.circulate(id).status()).isEqualTo(200);

        assertThat(flows.get(id).path("openStep").asInt()).as("step 1 has signed this version").isEqualTo(2);
        var signed = flows.hqSign(id, parties.get(2));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(flows.state(id)).isEqualTo("EXECUTED");
    }

    @Test
    void theSigningPageShowsTheHashOfEverythingSignedAndTheSignatureRecordsIt() {
        String id = flows.create(Mous.draft("서명 대상 해시 협약", Mous.JEJU_PARTIES.subList(0, 2), "PARALLEL", false, null,
                "2023-03-01", 12, false));
        flows.circulate(id);
        String token = flows.linksFromKafka(id, 1, 1).values().iterator().next();
        var view = api.get("/api/signing/" + token, null);
        String contentHash = view.text("contentSha256");
        assertThat(contentHash).matches("[0-9a-f]{64}").isNotEqualTo(view.text("documentSha256"));
        assertThat(api.get("/sign/" + token, null).body()).contains(contentHash);
        assertThat(api.get("/api/signing/" + token + "/document", null).header("Content-Disposition"))
                .as("the document downloads as a file").startsWith("attachment").contains("agreement-v1.txt");

        var signed = flows.signByLink(token, "대표 1");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(api.get("/api/signing/" + token, null).json().path("signature").path("contentSha256").asString())
                .isEqualTo(contentHash);
    }

    @Test
    void hqResendsAPartysLinkByEmailUntilItSignsAndTheHistorySaysWho() {
        String id = flows.create(Mous.jeju());
        List<String> parties = flows.partyIds(id);
        assertThat(flows.circulate(id).status()).isEqualTo(200);
        Map<String, String> links = flows.linksFromKafka(id, 1, 1);
        int remindersBefore = AgreementTopic.eventsOf(id, SigningReminderDue.class).size();

        var resent = api.post("/api/agreements/" + id + "/parties/" + parties.get(1) + "/signing-link/resend",
                TestTokens.hqAdmin(), null);
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        SigningReminderDue reminder = await().atMost(Duration.ofSeconds(20)).until(
                () -> AgreementTopic.eventsOf(id, SigningReminderDue.class),
                list -> list.size() > remindersBefore).getLast();
        assertThat(reminder.getRecipients()).singleElement().satisfies(p -> {
            assertThat(p.getPartyId()).isEqualTo(parties.get(1));
            assertThat(p.getSigningUrl()).contains("/sign/");
        });
        assertThat(reminder.getReminderNumber()).isEqualTo(1);
        assertThat(api.get("/api/agreements/" + id + "/history", TestTokens.hqAdmin()).json().path("items").toString())
                .contains("SigningReminderDue", "hq:");

        // once signed, there is nothing to send again; a regional office may not ask
        assertThat(flows.signByLink(links.get(parties.get(1)), "서명자").status()).isEqualTo(200);
        var again = api.post("/api/agreements/" + id + "/parties/" + parties.get(1) + "/signing-link/resend",
                TestTokens.hqAdmin(), null);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("ALREADY_SIGNED");
        var unknown = api.post("/api/agreements/" + id + "/parties/no-such-party/signing-link/resend",
                TestTokens.hqAdmin(), null);
        assertThat(unknown.status()).isEqualTo(404);
        var regional = api.post("/api/agreements/" + id + "/parties/" + parties.get(2) + "/signing-link/resend",
                TestTokens.regionalOffice("JEJU"), null);
        assertThat(regional.status()).isEqualTo(403);
    }
}
