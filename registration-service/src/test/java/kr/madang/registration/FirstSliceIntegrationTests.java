package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import kr.madang.events.Language;
import kr.madang.events.registration.ForumEventOpened;
import kr.madang.events.registration.ForumEventScheduled;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.events.registration.RegistrationWaitlisted;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.schemas.Events;
import kr.madang.testing.TestTokens;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class FirstSliceIntegrationTests extends IntegrationTestBase {

    @Test
    void createOpenAndRegisterUntilFullThenWaitlistWithEventsThroughTheOutbox() {
        Response created = post("/api/events", TestTokens.hqAdmin(), eventJson("JEJU", 2, true, false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        String eventId = created.text("id");
        assertThat(created.header("Location")).endsWith("/api/events/" + eventId);
        assertThat(created.json().path("startsAt").asString()).isEqualTo("2023-02-06T13:00:00+09:00");

        Response opened = post("/api/events/" + eventId + "/open", TestTokens.hqAdmin(), "{}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.text("status")).isEqualTo("OPEN");

        Response first = register(eventId, TestTokens.regionalOffice("JEJU"), attendeeJson("김민지", uniqueEmail("minji"), "ko"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.text("status")).isEqualTo("CONFIRMED");
        assertThat(first.text("phone")).isEqualTo("+821012345678");
        assertThat(first.header("Location")).endsWith("/api/registrations/" + first.text("id"));
        Response second = register(eventId, null, attendeeJson("Maria Lopez", uniqueEmail("maria"), "en"));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.text("status")).isEqualTo("CONFIRMED");
        assertThat(second.json().has("checkInCode")).as("the public answer carries no check-in code").isFalse();
        Response third = register(eventId, null, attendeeJson("박서준", uniqueEmail("seojun"), "ko"));
        assertThat(third.status()).as(third.body()).isEqualTo(201);
        assertThat(third.text("status")).isEqualTo("WAITLISTED");
        assertThat(third.json().path("waitlistPosition").asInt()).isEqualTo(1);

        List<SpecificRecord> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> publishedFor(eventId, Duration.ofMillis(300)), list -> list.size() >= 5);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("ForumEventScheduled",
                "ForumEventOpened", "RegistrationConfirmed", "RegistrationConfirmed", "RegistrationWaitlisted");
        assertThat(events).extracting(e -> Events.header(e).getAggregateVersion()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(((ForumEventScheduled) events.get(0)).getCapacity()).isEqualTo(2);
        assertThat(events.get(1)).isInstanceOf(ForumEventOpened.class);
        RegistrationConfirmed confirmed = (RegistrationConfirmed) events.get(2);
        assertThat(confirmed.getRegistrationId()).isEqualTo(first.text("id"));
        assertThat(confirmed.getAttendee().getName()).isEqualTo("김민지");
        assertThat(confirmed.getAttendee().getPhone()).isEqualTo("+821012345678");
        assertThat(confirmed.getAttendee().getLanguage()).isEqualTo(Language.KO);
        assertThat(confirmed.getForumEvent().getTitle()).isEqualTo("제1회 디지털지역혁신포럼");
        assertThat(confirmed.getCancellationUrl()).startsWith("https://madang.test/api/cancellations/");
        assertThat(confirmed.getCheckInCode()).isNotBlank();
        assertThat(confirmed.getHeader().getProducer()).isEqualTo("registration-service");
        assertThat(((RegistrationConfirmed) events.get(3)).getAttendee().getLanguage()).isEqualTo(Language.EN);
        RegistrationWaitlisted waitlisted = (RegistrationWaitlisted) events.get(4);
        assertThat(waitlisted.getWaitlistPosition()).isEqualTo(1);
        assertThat(waitlisted.getHeader().getAggregateId()).isEqualTo(eventId);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndRegistersOnce() {
        String eventId = openEvent("JEJU", 10, true, false);
        String body = attendeeJson("이서연", uniqueEmail("seoyeon"), "ko");
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + eventId);

        Response first = post("/api/events/" + eventId + "/registrations", TestTokens.regionalOffice("JEJU"), body, key);
        Response retry = post("/api/events/" + eventId + "/registrations", TestTokens.regionalOffice("JEJU"), body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(jdbc.sql("select count(*) from registration where event_id = ?::uuid").param(eventId)
                .query(Long.class).single()).isEqualTo(1);

        Response otherBody = post("/api/events/" + eventId + "/registrations", TestTokens.regionalOffice("JEJU"),
                attendeeJson("이서연", uniqueEmail("other"), "ko"), key);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.text("field")).isEqualTo("Idempotency-Key");
    }

    @Test
    void theSameEmailTwiceByStaffIsAConflictPointingToTheExistingRegistration() {
        String eventId = openEvent("JEJU", 10, true, false);
        String email = uniqueEmail("twice");
        Response first = register(eventId, null, attendeeJson("김민지", email, "ko"));
        Response again = register(eventId, TestTokens.regionalOffice("JEJU"), attendeeJson("김민지", email.toUpperCase(), "ko"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("field")).isEqualTo("email");
        assertThat(again.text("existingRegistrationId")).isEqualTo(first.text("id"));
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }
}
