package kr.madang.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import kr.madang.events.Language;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.events.registration.RegistrationPromoted;
import kr.madang.schemas.Topics;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/** SMS through provider alpha, failing over to beta; refusals, retries and delivery reports. */
class SmsDeliveryIntegrationTests extends NotificationIntegrationTest {

    private UUID smsOf(RegistrationConfirmed event) {
        var rows = awaitMessagesOfSource(event.getHeader().getEventId(), 2);
        return rows.stream().filter(r -> "SMS".equals(r.get("channel"))).map(r -> (UUID) r.get("id")).findFirst().orElseThrow();
    }

    private RegistrationConfirmed confirmedWithPhone(String phone) {
        return TestEvents.confirmed(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                TestEvents.contact("김민지", TestEvents.uniqueEmail("sms"), phone, Language.KO));
    }

    @Test
    void aConfirmationWithAPhoneIsOneEmailAndOneSmsThroughTheFirstProviderKeyedByTheMessageId() {
        String phone = "+8210" + (10_000_000 + (int) (Math.random() * 89_999_999));
        RegistrationConfirmed event = confirmedWithPhone(phone);

        publish(Topics.REGISTRATION_EVENTS, event);

        UUID sms = smsOf(event);
        awaitStatus(sms, "SENT");
        ALPHA.verify(1, postRequestedFor(urlPathEqualTo(SmsStubs.ALPHA_PATH))
                .withHeader("Idempotency-Key", equalTo(sms.toString()))
                .withHeader("Authorization", equalTo("Bearer dev-alpha-key"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .withRequestBody(matchingJsonPath("$.type", equalTo("LMS"))));
        BETA.verify(0, betaRequestsFor(sms));
        assertThat(messagesOfSource(event.getHeader().getEventId())).hasSize(2);
    }

    @Test
    void whenTheFirstProviderIsDownTheMessageGoesThroughTheSecond() {
        SmsStubs.alphaAnswers(ALPHA, 503);
        String phone = "+821055550001";
        RegistrationConfirmed event = confirmedWithPhone(phone);

        publish(Topics.REGISTRATION_EVENTS, event);

        UUID sms = smsOf(event);
        awaitStatus(sms, "SENT");
        BETA.verify(1, postRequestedFor(urlPathEqualTo(SmsStubs.BETA_PATH))
                .withRequestBody(containing("ref=" + sms))
                .withRequestBody(containing("receiver=%2B821055550001")));
        JsonNode detail = get("/api/notifications/" + sms, TestTokens.ops());
        assertThat(detail.get("notification").get("provider").asString()).isEqualTo("beta");
        assertThat(detail.get("attempts")).extracting(a -> a.get("provider").asString() + ":" + a.get("outcome").asString())
                .containsExactly("alpha:UNAVAILABLE", "beta:ACCEPTED");
    }

    @Test
    void whenTheFirstProviderIsTooSlowTheMessageGoesThroughTheSecond() {
        SmsStubs.alphaSlow(ALPHA);
        RegistrationConfirmed event = confirmedWithPhone("+821055550002");

        publish(Topics.REGISTRATION_EVENTS, event);

        UUID sms = smsOf(event);
        awaitStatus(sms, "SENT");
        assertThat(jdbc.sql("select provider from message where id = :id").param("id", sms).query(String.class).single())
                .isEqualTo("beta");
    }

    @Test
    void aProvidersRefusalIsAPermanentFailureWithoutRetryOrFailover() {
        SmsStubs.alphaAnswers(ALPHA, 400);
        RegistrationConfirmed event = confirmedWithPhone("+821055550003");

        publish(Topics.REGISTRATION_EVENTS, event);

        UUID sms = smsOf(event);
        awaitStatus(sms, "PERMANENT_FAILURE");
        clock.advance(Duration.ofMinutes(10));
        dispatchSignal.wake();
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        ALPHA.verify(1, alphaRequestsFor(sms));
        BETA.verify(0, betaRequestsFor(sms));
        assertThat(statusOf(sms)).isEqualTo("PERMANENT_FAILURE");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenATechnicalFailureAfterFourHours() {
        SmsStubs.alphaAnswers(ALPHA, 500);
        SmsStubs.betaAnswers(BETA, 502);
        RegistrationConfirmed event = confirmedWithPhone("+821055550004");

        publish(Topics.REGISTRATION_EVENTS, event);

        UUID sms = smsOf(event);
        awaitStatus(sms, "TEMPORARY_FAILURE");
        assertThat(attempts(sms)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        dispatchSignal.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(sms) == 2 && statusOf(sms).equals("TEMPORARY_FAILURE"));

        clock.advance(Duration.ofHours(4));
        dispatchSignal.wake();
        awaitStatus(sms, "TECHNICAL_FAILURE");
        assertThat(attempts(sms)).isEqualTo(3);
        ALPHA.verify(3, alphaRequestsFor(sms));
        BETA.verify(3, betaRequestsFor(sms));
        JsonNode detail = get("/api/notifications/" + sms, TestTokens.hqAdmin());
        assertThat(detail.get("notification").get("reason").asString()).startsWith("retries exhausted");
        assertThat(detail.get("attempts")).hasSize(6);
    }

    @Test
    void ninetyOneBytesGoAsAnLmsAndNinetyAsAnSms() {
        String original = jdbc.sql("select body from template where code = 'registration-promoted' and channel = 'SMS'"
                + " and language = 'ko' order by version desc limit 1").query(String.class).single();
        try {
            saveSmsTemplate("가".repeat(45) + "1");
            assertThat(sendPromotion("+821055550005")).isEqualTo("LMS");
            saveSmsTemplate("가".repeat(45));
            assertThat(sendPromotion("+821055550006")).isEqualTo("SMS");
        } finally {
            saveSmsTemplate(original);
        }
    }

    @Test
    void aDeliveryReportMarksTheMessageDelivered() {
        RegistrationConfirmed event = confirmedWithPhone("+821055550007");
        publish(Topics.REGISTRATION_EVENTS, event);
        UUID sms = smsOf(event);
        awaitStatus(sms, "SENT");

        http.post().uri("/api/sms/callbacks/alpha").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("messageId", sms.toString(), "status", "DELIVERED"))
                .exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/sms/callbacks/alpha").header("X-Callback-Token", "dev-alpha-callback")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("messageId", sms.toString(), "status", "DELIVERED"))
                .exchange().expectStatus().isNoContent();

        assertThat(messagesOfSource(event.getHeader().getEventId()).stream().filter(r -> "SMS".equals(r.get("channel"))).findFirst().orElseThrow())
                .containsEntry("provider", "alpha").containsEntry("status", "DELIVERED");
        assertThat(notificationsOf("status=DELIVERED&sourceEventId=" + event.getHeader().getEventId()))
                .singleElement().satisfies(n -> assertThat(n.get("channel").asString()).isEqualTo("SMS"));
    }

    @Test
    void theStatusesASubscriberCanActOnArePublishedOnTheNotificationTopicAndProgressIsNot() {
        RegistrationConfirmed event = confirmedWithPhone("+821055550008");
        publish(Topics.REGISTRATION_EVENTS, event);
        UUID sms = smsOf(event);
        awaitStatus(sms, "SENT");

        var records = await().atMost(Duration.ofSeconds(20)).until(
                () -> kr.madang.testing.SharedKafka.readAll(Topics.NOTIFICATION_EVENTS, Duration.ofMillis(500)).stream()
                        .filter(r -> sms.toString().equals(r.key())).toList(),
                list -> !list.isEmpty());
        var deserializer = new kr.madang.schemas.avro.AvroEventDeserializer();
        assertThat(records).extracting(r -> ((kr.madang.events.notification.NotificationStatusChanged)
                        deserializer.deserialize(Topics.NOTIFICATION_EVENTS, r.value())).getStatus().name())
                .as("QUEUED and SENDING are internal progress").containsExactly("SENT");
        assertThat(records).extracting(r -> ((kr.madang.events.notification.NotificationStatusChanged)
                        deserializer.deserialize(Topics.NOTIFICATION_EVENTS, r.value())).getHeader().getAggregateVersion())
                .as("the version counts every change, published or not").containsExactly(3L);
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder alphaRequestsFor(UUID id) {
        return postRequestedFor(urlPathEqualTo(SmsStubs.ALPHA_PATH)).withHeader("Idempotency-Key", equalTo(id.toString()));
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder betaRequestsFor(UUID id) {
        return postRequestedFor(urlPathEqualTo(SmsStubs.BETA_PATH)).withRequestBody(containing("ref=" + id));
    }

    private int attempts(UUID id) {
        return jdbc.sql("select attempts from message where id = :id").param("id", id).query(Integer.class).single();
    }

    private void saveSmsTemplate(String body) {
        http.put().uri("/api/templates/registration-promoted/SMS/ko").header("Authorization", "Bearer " + TestTokens.ops())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("body", body))
                .exchange().expectStatus().isOk();
    }

    private String sendPromotion(String phone) {
        String forum = UUID.randomUUID().toString();
        RegistrationPromoted event = RegistrationPromoted.newBuilder()
                .setHeader(TestEvents.header(forum, "registration-service")).setRegistrationId(UUID.randomUUID().toString())
                .setForumEvent(TestEvents.jeju(forum))
                .setAttendee(TestEvents.contact("김민지", null, phone, Language.KO)).setFromPosition(1).build();
        publish(Topics.REGISTRATION_EVENTS, event);
        var row = awaitMessagesOfSource(event.getHeader().getEventId(), 1).getFirst();
        UUID id = (UUID) row.get("id");
        awaitStatus(id, "SENT");
        ALPHA.verify(1, postRequestedFor(urlPathEqualTo(SmsStubs.ALPHA_PATH)).withHeader("Idempotency-Key", equalTo(id.toString())));
        return (String) row.get("sms_type");
    }
}
