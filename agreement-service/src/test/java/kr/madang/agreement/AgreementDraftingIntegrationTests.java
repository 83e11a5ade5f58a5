package kr.madang.agreement;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import kr.madang.events.AgreementParty;
import kr.madang.events.Language;
import kr.madang.events.agreement.AgreementDrafted;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The first slice: HQ drafts an MOU, and AgreementDrafted leaves through the outbox; health; idempotent create. */
@AgreementIntegrationTest
class AgreementDraftingIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clock.set("2023-01-20T10:00:00");
    }

    @Test
    void hqDraftsTheJejuMouAndAgreementDraftedIsPublishedWithEveryPartysContact() {
        var response = api.post("/api/agreements", TestTokens.hqAdmin(), Mous.jeju());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.text("id");
        assertThat(response.text("state")).isEqualTo("DRAFT");
        assertThat(response.header("Location")).endsWith("/api/agreements/" + id);
        assertThat(response.json().path("parties").size()).isEqualTo(9);
        assertThat(response.json().path("cooperationItems").size()).isEqualTo(3);
        assertThat(response.json().path("document").path("sha256").asString()).hasSize(64);
        assertThat(response.json().path("endDate").isMissingNode() || response.json().path("endDate").isNull()).isTrue();

        AgreementDrafted drafted = await().atMost(Duration.ofSeconds(20)).until(
                () -> AgreementTopic.eventsOf(id, AgreementDrafted.class), list -> !list.isEmpty()).getFirst();
        assertThat(drafted.getHeader().getAggregateId()).isEqualTo(id);
        assertThat(drafted.getHeader().getProducer()).isEqualTo("agreement-service");
        assertThat(drafted.getHeader().getAggregateVersion()).isEqualTo(1L);
        assertThat(drafted.getAgreement().getState()).isEqualTo("DRAFT");
        assertThat(drafted.getAgreement().getEffectiveDate()).hasToString("2023-02-06");
        assertThat(drafted.getAgreement().getEndDate()).hasToString("2025-02-05");
        assertThat(drafted.getParties()).hasSize(9);
        AgreementParty jejuProvince = drafted.getParties().get(1);
        assertThat(jejuProvince.getInstitution()).isEqualTo("제주특별자치도");
        assertThat(jejuProvince.getContact().getEmail()).isEqualTo("jeju@example.kr");
        assertThat(jejuProvince.getContact().getPhone()).isEqualTo("+821012341001");
        assertThat(jejuProvince.getContact().getLanguage()).isEqualTo(Language.KO);
        assertThat(drafted.getParties().get(3).getContact().getLanguage()).isEqualTo(Language.EN);
        assertThat(jejuProvince.getSigningUrl()).as("nothing to sign in a draft").isNull();
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyAnswersTheFirstAgreement() {
        String key = UUID.randomUUID().toString();
        var first = api.post("/api/agreements", TestTokens.hqAdmin(), Mous.jeju(), Map.of("Idempotency-Key", key));
        var retry = api.post("/api/agreements", TestTokens.hqAdmin(), Mous.jeju(), Map.of("Idempotency-Key", key));
        var other = api.post("/api/agreements", TestTokens.hqAdmin(), Mous.pohang(null), Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.text("field")).isEqualTo("Idempotency-Key");
        assertThat(AgreementTopic.eventsOf(first.text("id"), AgreementDrafted.class)).hasSize(1);
    }

    @Test
    void onlyHqDraftsAgreements() {
        assertThat(api.post("/api/agreements", null, Mous.jeju()).status()).isEqualTo(401);
        assertThat(api.post("/api/agreements", TestTokens.regionalOffice("JEJU"), Mous.jeju()).status()).isEqualTo(403);
        assertThat(api.post("/api/agreements", TestTokens.ops(), Mous.jeju()).status()).isEqualTo(403);
    }

    @Test
    void healthReflectsTheDatabaseAndKafka() {
        var readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        var health = api.get("/actuator/health", null);
        assertThat(health.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").has("kafka")).as(health.body()).isTrue();
    }

    @Test
    void migrationsCreatedTheServicesOwnTables() {
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name in "
                + "('agreement','agreement_history','agreement_document','forum_event','outbox_message','processed_event')")
                .query(Long.class).single()).isEqualTo(6L);
    }
}
