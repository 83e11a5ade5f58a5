package kr.madang.agreement;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import kr.madang.agreement.schedule.DueWork;
import kr.madang.events.agreement.AgreementCirculated;
import kr.madang.events.agreement.AgreementExpiring;
import kr.madang.events.agreement.PartySigned;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The MOU nine institutions signed at the 1st forum (Jeju, 2023-02-06 16:00), end to end on a moving clock: drafted,
 * circulated to all nine at once, each signs through its own link, executed, in force on its date, reminders 90, 30
 * and 7 days before its end, expired.
 */
@AgreementIntegrationTest
class JejuMouIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    DueWork dueWork;

    @Test
    void theJejuMouFromDraftToExpiry() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        clock.set("2023-01-30T10:00:00");
        String id = flows.create(Mous.jeju());

        var circulated = flows.circulate(id);
        assertThat(circulated.status()).as(circulated.body()).isEqualTo(200);
        assertThat(circulated.text("state")).isEqualTo("CIRCULATING");
        Map<String, String> links = flows.linksFromKafka(id, 1, 1);
        assertThat(links).as("parallel signing: all nine at once, each with its own link").hasSize(9);
        assertThat(links.values()).doesNotHaveDuplicates();

        // The ceremony: 2023-02-06 16:00 at Maison Glad Jeju, every party signs through its link
        clock.set("2023-02-06T16:00:00");
        int n = 0;
        for (var link : links.entrySet()) {
            clock.advance(Duration.ofSeconds(30));
            var signed = flows.signByLink(link.getValue(), "대표 " + (++n));
            assertThat(signed.status()).as(signed.body()).isEqualTo(200);
            assertThat(signed.text("partyId")).isEqualTo(link.getKey());
            assertThat(signed.text("documentSha256")).hasSize(64);
        }
        var executed = flows.get(id);
        assertThat(executed.path("state").asString()).isEqualTo("EXECUTED");
        assertThat(executed.path("inForceVersion").asInt()).isEqualTo(1);
        assertThat(executed.path("termStart").asString()).isEqualTo("2023-02-06");
        assertThat(executed.path("endDate").asString()).isEqualTo("2025-02-05");

        clock.set("2023-02-06T17:00:00");
        dueWork.runDue();
        assertThat(flows.state(id)).as("in force from its effective date").isEqualTo("ACTIVE");

        clock.set("2024-11-06T23:00:00");
        dueWork.runDue();
        assertThat(flows.state(id)).as("91 days before the end: nothing yet").isEqualTo("ACTIVE");
        clock.set("2024-11-07T00:05:00");
        dueWork.runDue();
        assertThat(flows.state(id)).isEqualTo("EXPIRING");
        dueWork.runDue();
        clock.set("2025-01-06T09:00:00");
        dueWork.runDue();
        clock.set("2025-01-29T09:00:00");
        dueWork.runDue();
        clock.set("2025-02-05T23:59:00");
        dueWork.runDue();
        assertThat(flows.state(id)).as("the last day is still in force").isEqualTo("EXPIRING");
        clock.set("2025-02-06T00:01:00");
        dueWork.runDue();
        assertThat(flows.state(id)).isEqualTo("EXPIRED");

        List<String> types = await().atMost(Duration.ofSeconds(20)).until(() -> AgreementTopic.typesOf(id),
                t -> t.contains("AgreementExpired"));
        assertThat(types).containsExactly("AgreementDrafted", "AgreementCirculated",
                "PartySigned", "PartySigned", "PartySigned", "PartySigned", "PartySigned", "PartySigned", "PartySigned",
                "PartySigned", "PartySigned", "AgreementExecuted", "AgreementActivated",
                "AgreementExpiring", "AgreementExpiring", "AgreementExpiring", "AgreementExpired");
        assertThat(AgreementTopic.eventsOf(id, AgreementExpiring.class)).extracting(AgreementExpiring::getDaysLeft)
                .containsExactly(90, 30, 7);
        assertThat(AgreementTopic.eventsOf(id, PartySigned.class)).allSatisfy(s -> {
            assertThat(s.getAgreement().getDocumentSha256()).isEqualTo(executed.path("document").path("sha256").asString());
            assertThat(s.getParties()).hasSize(9);
        });
        assertThat(AgreementTopic.eventsOf(id, AgreementCirculated.class).getFirst().getRecipients())
                .allSatisfy(r -> assertThat(r.getContact().getEmail()).endsWith("@example.kr"));
        assertThat(AgreementTopic.eventsOf(id)).extracting(e -> kr.madang.schemas.Events.header(e).getAggregateVersion())
                .isSorted().doesNotHaveDuplicates();

        var history = api.get("/api/agreements/" + id + "/history", TestTokens.hqAdmin());
        assertThat(history.json().path("chain").path("intact").asBoolean()).isTrue();
        assertThat(history.json().path("items").size()).isEqualTo(types.size());
    }
}
