package kr.madang.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import kr.madang.events.Language;
import kr.madang.events.registration.RegistrationCancelled;
import kr.madang.schemas.Topics;
import kr.madang.testing.SharedKafka;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/** Poison records land on the dead-letter topic with their reason; replayed after a fix, they are processed once. */
class DeadLetterIntegrationTests extends NotificationIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void anUndecodableRecordIsListedWithItsReasonAndTheSecretariatIsTold() {
        String key = "poison-" + UUID.randomUUID();
        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, key, "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8), Map.of());

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> findLetter(key), java.util.Objects::nonNull);
        assertThat(letter.get("reason").asString()).contains("Not an Avro single-object encoded event");
        assertThat(letter.get("sourceTopic").asString()).isEqualTo(Topics.REGISTRATION_EVENTS);
        assertThat(letter.get("status").asString()).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from message where source_event_id = :id and recipient = 'secretariat@madang.test'")
                .param("id", "dead-letter:" + letter.get("id").asLong()).query(Integer.class).single() == 1);
        http.get().uri("/api/dead-letters").header("Authorization", "Bearer " + TestTokens.regionalOffice("JEJU"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aRecordThatFailedForWantOfATemplateIsProcessedOnceWhenReplayedAfterTheFix() throws Exception {
        Map<String, Object> template = jdbc.sql("select subject, body from template where code = 'registration-cancelled'"
                + " and channel = 'EMAIL' and language = 'en' order by version desc limit 1").query().singleRow();
        // a bad deploy lost the English cancellation email
        jdbc.sql("delete from template where code = 'registration-cancelled' and channel = 'EMAIL' and language = 'en'").update();
        String email = TestEvents.uniqueEmail("dlt");
        String forum = UUID.randomUUID().toString();
        RegistrationCancelled event = RegistrationCancelled.newBuilder().setHeader(TestEvents.header(forum, "registration-service"))
                .setRegistrationId(UUID.randomUUID().toString()).setForumEvent(TestEvents.jeju(forum))
                .setAttendee(TestEvents.contact("Ana Silva", email, null, Language.EN)).setCancelledBy("ATTENDEE")
                .setWasConfirmed(true).build();
        try {
            publish(Topics.REGISTRATION_EVENTS, event);
            JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> findLetter(forum), java.util.Objects::nonNull);
            assertThat(letter.get("reason").asString()).contains("No template registration-cancelled for EMAIL in en");
            assertThat(letter.get("eventId").asString()).isEqualTo(event.getHeader().getEventId());
            assertThat(mailTo(email)).isEmpty();
            long id = letter.get("id").asLong();

            // replaying before the fix fails, and says so in the audit
            http.post().uri("/api/dead-letters/" + id + "/replay?mode=DIRECT").header("Authorization", "Bearer " + TestTokens.ops())
                    .exchange().expectStatus().isEqualTo(422);

            // the fix: operations save the template again
            http.put().uri("/api/templates/registration-cancelled/EMAIL/en").header("Authorization", "Bearer " + TestTokens.ops())
                    .contentType(MediaType.APPLICATION_JSON).body(template).exchange().expectStatus().isOk();

            JsonNode replay = post("/api/dead-letters/" + id + "/replay");
            assertThat(replay.get("outcome").asString()).isEqualTo("REPUBLISHED");
            assertThat(awaitMail(email, 1).getFirst().getSubject())
                    .isEqualTo("[Digital Regional Innovation Forum] Your registration has been cancelled");

            JsonNode again = post("/api/dead-letters/" + id + "/replay?mode=DIRECT");
            assertThat(again.get("outcome").asString()).isEqualTo("ALREADY_PROCESSED");
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(mailTo(email)).as("processed once").hasSize(1);

            JsonNode detail = get("/api/dead-letters/" + id, TestTokens.hqAdmin());
            assertThat(detail.get("deadLetter").get("status").asString()).isEqualTo("RESOLVED");
            assertThat(detail.get("replays")).extracting(r -> r.get("mode").asString() + ":" + r.get("outcome").asString()
                            + ":" + r.get("actor").asString())
                    .containsExactly("DIRECT:FAILED:ops", "REPUBLISH:REPUBLISHED:ops", "DIRECT:ALREADY_PROCESSED:ops");
        } finally {
            if (jdbc.sql("select count(*) from template where code = 'registration-cancelled' and channel = 'EMAIL' and language = 'en'")
                    .query(Integer.class).single() == 0) {
                jdbc.sql("insert into template (code, channel, language, version, subject, body, created_at, created_by)"
                                + " values ('registration-cancelled', 'EMAIL', 'en', 1, :s, :b, now(), 'test')")
                        .param("s", template.get("subject")).param("b", template.get("body")).update();
            }
        }
    }

    @Test
    void aDeadLetterBeingReplayedIsNotReplayedAgainByASecondOperatorAtTheSameTime() throws Exception {
        String key = "twice-" + UUID.randomUUID();
        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, key, "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        long id = await().atMost(Duration.ofSeconds(30)).until(() -> findLetter(key), java.util.Objects::nonNull).get("id").asLong();

        // operator A's replay holds the dead letter; operator B's replay meanwhile is refused, not run twice
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("select id from dead_letter where id = :id for update").param("id", id).query(Long.class).single();
            http.post().uri("/api/dead-letters/" + id + "/replay").header("Authorization", "Bearer " + TestTokens.ops())
                    .exchange().expectStatus().isEqualTo(409)
                    .expectBody(String.class).value(body -> assertThat(body).contains("Replay under way"));
        });
        assertThat(replaysOf(id)).as("the refused replay did nothing").isZero();

        // two at once: each answers 200 or 409, never 500, and every 200 is one audited replay
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.post().uri("/api/dead-letters/" + id + "/replay").header("Authorization", "Bearer " + TestTokens.ops())
                            .exchange().expectBody(String.class).returnResult().getStatus().value();
                }));
            }
            start.countDown();
            int replayed = 0;
            for (var answer : answers) {
                int status = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(status).isIn(200, 409);
                replayed += status == 200 ? 1 : 0;
            }
            assertThat(replayed).isPositive();
            assertThat(replaysOf(id)).isEqualTo(replayed);
        }
    }

    private int replaysOf(long id) {
        return jdbc.sql("select count(*) from dead_letter_replay where dead_letter_id = :id").param("id", id).query(Integer.class).single();
    }

    private JsonNode post(String uri) {
        String body = http.post().uri(uri).header("Authorization", "Bearer " + TestTokens.ops()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private JsonNode findLetter(String key) {
        for (JsonNode item : get("/api/dead-letters?size=500", TestTokens.ops()).get("items")) {
            if (item.has("key") && key.equals(item.get("key").asString())) {
                return item;
            }
        }
        return null;
    }
}
