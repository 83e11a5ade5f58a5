package kr.madang.agreement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kr.madang.events.EventHeader;
import kr.madang.events.ForumEventSummary;
import kr.madang.events.agreement.SigningCeremonyChanged;
import kr.madang.events.registration.ForumEventCancelled;
import kr.madang.events.registration.ForumEventRescheduled;
import kr.madang.events.registration.ForumEventScheduled;
import kr.madang.schemas.Events;
import kr.madang.schemas.Topics;
import kr.madang.testing.TestTokens;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What registration-service's events do here: regions for regional access, and ceremonies cancelled or moved. */
@AgreementIntegrationTest
class CeremonyIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    Api api;
    Flows flows;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        flows = new Flows(api);
        clock.set("2023-01-20T10:00:00");
    }

    @Test
    void aRegionalOfficeReadsOnlyAgreementsTiedToItsRegionsEvents() {
        String jejuForum = "forum-" + UUID.randomUUID();
        String pohangForum = "forum-" + UUID.randomUUID();
        publish(scheduled(jejuForum, "JEJU"));
        publish(scheduled(pohangForum, "GYEONGBUK"));
        String jeju = flows.create(Mous.jeju(jejuForum));
        String pohang = flows.create(Mous.pohang(pohangForum));

        String jejuOffice = TestTokens.regionalOffice("JEJU");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/agreements/" + jeju, jejuOffice).status() == 200);
        var read = api.get("/api/agreements/" + jeju, jejuOffice);
        assertThat(read.json().path("parties").get(0).path("contact").path("email").asString())
                .as("contacts are masked for regional offices").isEqualTo("kr***@example.kr");
        assertThat(api.get("/api/agreements/" + pohang, jejuOffice).status()).isEqualTo(404);
        assertThat(api.get("/api/agreements/" + jeju + "/history", jejuOffice).status()).isEqualTo(200);
        var list = api.get("/api/agreements?size=200", jejuOffice).json().path("items");
        assertThat(list.findValuesAsString("id")).contains(jeju).doesNotContain(pohang);
        assertThat(api.get("/api/agreements/" + pohang, TestTokens.regionalOffice("GYEONGBUK")).status()).isEqualTo(200);
        assertThat(api.post("/api/agreements/" + jeju + "/circulate", jejuOffice, null).status())
                .as("regional offices read; HQ manages").isEqualTo(403);
        assertThat(api.get("/api/agreements/" + jeju, TestTokens.checkinStaff("x")).status()).isEqualTo(403);
    }

    @Test
    void cancellingOrReschedulingTheCeremonysForumEventReachesTheAgreementOnceEvenIfDeliveredTwice() {
        String forum = "forum-" + UUID.randomUUID();
        publish(scheduled(forum, "JEJU"));
        String id = flows.create(Mous.jeju(forum));
        String unrelated = flows.create(Mous.jeju("forum-" + UUID.randomUUID()));
        flows.circulate(id);

        ForumEventRescheduled moved = ForumEventRescheduled.newBuilder()
                .setHeader(header(forum)).setForumEvent(summary(forum, "JEJU", "2023-02-13T13:00:00Z"))
                .setPreviousStartsAt(Instant.parse("2023-02-06T04:00:00Z"))
                .setPreviousEndsAt(Instant.parse("2023-02-07T09:00:00Z")).setPreviousVenue("메종글래드 제주 크리스탈홀")
                .build();
        publish(moved);
        publish(moved);
        ForumEventCancelled cancelled = ForumEventCancelled.newBuilder().setHeader(header(forum))
                .setForumEvent(summary(forum, "JEJU", "2023-02-13T13:00:00Z")).setReason("태풍 예보").build();
        publish(cancelled);
        publish(cancelled);

        List<SigningCeremonyChanged> changes = await().atMost(Duration.ofSeconds(30)).until(
                () -> AgreementTopic.eventsOf(id, SigningCeremonyChanged.class), l -> l.size() >= 2);
        assertThat(changes).extracting(SigningCeremonyChanged::getChange).containsExactly("RESCHEDULED", "CANCELLED");
        assertThat(changes.get(0).getDetail()).contains("2023-02-06 13:00").contains("2023-02-13 22:00");
        assertThat(changes.get(1).getDetail()).contains("태풍 예보");
        assertThat(changes.get(1).getHeader().getCausationId()).isEqualTo(cancelled.getHeader().getEventId());
        assertThat(changes.get(1).getParties()).hasSize(9);
        // a later event of the same forum event on the same partition: once it is handled, the duplicates were too
        publish(ForumEventCancelled.newBuilder(cancelled).setHeader(header(forum)).setReason("재확인").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> AgreementTopic.eventsOf(id, SigningCeremonyChanged.class).size() >= 3);
        assertThat(AgreementTopic.eventsOf(id, SigningCeremonyChanged.class)).hasSize(3);
        assertThat(flows.get(id).path("ceremonyChange").asString()).isEqualTo("CANCELLED");
        assertThat(flows.get(id).path("state").asString()).as("the signing itself goes on").isEqualTo("CIRCULATING");
        assertThat(AgreementTopic.eventsOf(unrelated, SigningCeremonyChanged.class)).isEmpty();
    }

    private void publish(SpecificRecord event) {
        kafka.send(Topics.REGISTRATION_EVENTS, Events.header(event).getAggregateId(), event).join();
    }

    private static ForumEventScheduled scheduled(String forum, String region) {
        return ForumEventScheduled.newBuilder().setHeader(header(forum))
                .setForumEvent(summary(forum, region, "2023-02-06T04:00:00Z"))
                .setCapacity(50).setSelfRegistration(true).setApprovalRequired(false).build();
    }

    private static ForumEventSummary summary(String forum, String region, String startsAt) {
        Instant start = Instant.parse(startsAt);
        return ForumEventSummary.newBuilder().setForumEventId(forum).setTitle("제1회 디지털지역혁신포럼")
                .setTitleEn("1st Digital Regional Innovation Forum").setRegion(region).setVenue("메종글래드 제주 크리스탈홀")
                .setStartsAt(start).setEndsAt(start.plus(Duration.ofHours(29))).build();
    }

    private static EventHeader header(String forum) {
        return Events.newHeader("registration-service", forum, 1, UUID.randomUUID().toString(), null, Instant.now());
    }
}
