package kr.madang.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kr.madang.events.Language;
import kr.madang.events.notification.NotificationStatusChanged;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.schemas.Topics;
import kr.madang.schemas.avro.AvroEventDeserializer;
import kr.madang.testing.SharedKafka;
import kr.madang.testing.SharedSmsProviders;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Failure paths keep personal data out of what they record: an unusable email address and an SMS provider's refusal
 * that echoes the phone leave neither in the message's reason, its attempts, its status events, the API or the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataOnFailureIntegrationTests extends NotificationIntegrationTest {

    @AfterEach
    void providersAcceptAgain() {
        SharedSmsProviders.acceptEverything();
    }

    @Test
    void anInvalidEmailAddressIsRecordedAsAReasonCodeWithoutTheAddress(CapturedOutput output) {
        String token = "minji-" + UUID.randomUUID().toString().substring(0, 8);
        // two addresses in one field: the parser's complaint quotes the whole string
        String address = token + "@madang.test, " + token + "@other.test";
        RegistrationConfirmed event = TestEvents.confirmed(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                TestEvents.contact("김민지", address, null, Language.KO));
        publish(Topics.REGISTRATION_EVENTS, event);
        UUID id = (UUID) awaitMessagesOfSource(event.getHeader().getEventId(), 1).getFirst().get("id");
        awaitStatus(id, "PERMANENT_FAILURE");

        assertThat(reasonOf(id)).isEqualTo("INVALID_ADDRESS");
        assertNowhere(id, token, output);
    }

    @Test
    void anSmsRefusalEchoingThePhoneIsRecordedWithoutIt(CapturedOutput output) {
        String phone = String.format("+8210%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        ALPHA.stubFor(post(urlPathEqualTo(SmsStubs.ALPHA_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"receiver " + phone + " is not a mobile number\"}")));
        // the fallback provider refuses the same way, should the first be slow to answer
        BETA.stubFor(post(urlPathEqualTo(SmsStubs.BETA_PATH)).atPriority(1)
                .withRequestBody(containing(phone.substring(1)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"result_code\":-3,\"message\":\"bad receiver " + phone + "\"}")));
        RegistrationConfirmed event = TestEvents.confirmed(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                TestEvents.contact("김민지", TestEvents.uniqueEmail("pii"), phone, Language.KO));
        publish(Topics.REGISTRATION_EVENTS, event);
        UUID id = awaitMessagesOfSource(event.getHeader().getEventId(), 2).stream()
                .filter(r -> "SMS".equals(r.get("channel"))).map(r -> (UUID) r.get("id")).findFirst().orElseThrow();
        awaitStatus(id, "PERMANENT_FAILURE");

        assertThat(reasonOf(id)).matches("(alpha|beta) refused the message: HTTP 400");
        assertNowhere(id, phone.substring(3), output);
    }

    @Test
    void aDeliveryReportWhoseReasonEchoesThePhoneIsStoredWithoutIt(CapturedOutput output) {
        String phone = String.format("+8210%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        RegistrationConfirmed event = TestEvents.confirmed(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                TestEvents.contact("김민지", TestEvents.uniqueEmail("pii"), phone, Language.KO));
        publish(Topics.REGISTRATION_EVENTS, event);
        var sms = awaitMessagesOfSource(event.getHeader().getEventId(), 2).stream()
                .filter(r -> "SMS".equals(r.get("channel"))).findFirst().orElseThrow();
        UUID id = (UUID) sms.get("id");
        awaitStatus(id, "SENT");
        String provider = jdbc.sql("select provider from message where id = :id").param("id", id).query(String.class).single();

        http.post().uri("/api/sms/callbacks/" + provider).header("X-Callback-Token", "dev-" + provider + "-callback")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(java.util.Map.of("messageId", id.toString(), "status", "FAILED", "reason", "handset " + phone + " unreachable"))
                .exchange().expectStatus().isNoContent();
        awaitStatus(id, "PERMANENT_FAILURE");

        assertThat(reasonOf(id)).isEqualTo("provider reported: not delivered (provider text withheld)");
        assertNowhere(id, phone.substring(3), output);
    }

    private String reasonOf(UUID id) {
        return jdbc.sql("select reason from message where id = :id").param("id", id).query(String.class).single();
    }

    private void assertNowhere(UUID id, String personal, CapturedOutput output) {
        List<String> details = jdbc.sql("select coalesce(detail, '') from message_attempt where message_id = :id")
                .param("id", id).query(String.class).list();
        assertThat(details).isNotEmpty().noneMatch(d -> d.contains(personal));
        assertThat(get("/api/notifications/" + id, TestTokens.ops()).toString()).doesNotContain(personal);

        AvroEventDeserializer avro = new AvroEventDeserializer();
        List<NotificationStatusChanged> events = await().atMost(Duration.ofSeconds(20)).until(
                () -> SharedKafka.readAll(Topics.NOTIFICATION_EVENTS, Duration.ofMillis(500)).stream()
                        .filter(r -> id.toString().equals(r.key()))
                        .map(r -> (NotificationStatusChanged) avro.deserialize(Topics.NOTIFICATION_EVENTS, r.value())).toList(),
                list -> list.stream().anyMatch(e -> "PERMANENT_FAILURE".equals(e.getStatus().name())));
        assertThat(events).allSatisfy(e -> assertThat(String.valueOf(e.getReason())).doesNotContain(personal));

        assertThat(output.getAll()).as("logs").doesNotContain(personal);
    }
}
