package kr.madang.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import kr.madang.events.agreement.AgreementDrafted;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.schemas.Topics;
import kr.madang.schemas.avro.AvroEventDeserializer;
import kr.madang.testing.SharedKafka;
import kr.madang.testing.SharedMailServer;
import kr.madang.testing.TestTokens;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A registration made over registration-service's API leads, through its outbox, Kafka and notification-service,
 * to exactly one confirmation email over SMTP, in the attendee's language.
 */
class FirstSliceEndToEndTests {

    static MadangSystem madang;
    static String jejuForum;

    @BeforeAll
    static void startTheSystemAndOpenTheJejuForum() {
        madang = MadangSystem.start();
        var created = madang.post(madang.registration + "/api/events", TestTokens.hqAdmin(), """
                {"title":"제1회 디지털지역혁신포럼","titleEn":"1st Digital Regional Innovation Forum","region":"JEJU",
                 "venue":"메종글래드 제주 크리스탈홀","startsAt":"2023-02-06T13:00:00+09:00","endsAt":"2023-02-07T18:00:00+09:00",
                 "capacity":50,"selfRegistration":true,"approvalRequired":false}
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        jejuForum = created.text("id");
        var opened = madang.post(madang.registration + "/api/events/" + jejuForum + "/open", TestTokens.hqAdmin(), "{}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    }

    @Test
    void aKoreanRegistrationGetsOneConfirmationEmailWithAKoreanSubject() throws Exception {
        String email = "minji-" + UUID.randomUUID() + "@example.kr";
        String registrationId = register("김민지", email, "ko");

        MimeMessage mail = awaitEmails(email, 1).getFirst();

        assertThat(mail.getSubject()).containsPattern("[가-힣]");
        assertThat(mail.getHeader("Subject")[0]).as("RFC 2047 encoded UTF-8").containsIgnoringCase("=?UTF-8?");
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(email);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var notifications = madang.get(madang.notification + "/api/notifications?registrationId=" + registrationId, TestTokens.ops());
            assertThat(notifications.status()).isEqualTo(200);
            var emails = notifications.json().path("items").valueStream()
                    .filter(item -> "EMAIL".equals(item.path("channel").asString())).toList();
            assertThat(emails).hasSize(1);
            assertThat(emails.getFirst().path("status").asString()).isIn("SENT", "DELIVERED");
            assertThat(emails.getFirst().path("sourceEventType").asString()).isEqualTo("RegistrationConfirmed");
        });
    }

    @Test
    void anEnglishRegistrationGetsAnEnglishSubject() throws Exception {
        String email = "delegate-" + UUID.randomUUID() + "@example.org";
        register("Maria Lopez", email, "en");

        MimeMessage mail = awaitEmails(email, 1).getFirst();

        assertThat(mail.getSubject()).doesNotContainPattern("[가-힣]").containsPattern("[A-Za-z]{4,}");
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneEmail() throws Exception {
        String email = "twice-" + UUID.randomUUID() + "@example.kr";
        String registrationId = register("박서준", email, "ko");
        awaitEmails(email, 1);

        ConsumerRecord<String, byte[]> original = SharedKafka.readAll(Topics.REGISTRATION_EVENTS, Duration.ofSeconds(1)).stream()
                .filter(r -> decode(r) instanceof RegistrationConfirmed c && c.getRegistrationId().equals(registrationId))
                .findFirst().orElseThrow();
        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, original.key(), original.value(), Map.of());
        // A later registration on the same forum event shares the partition: once its email is out, the copy was handled.
        String laterEmail = "later-" + UUID.randomUUID() + "@example.kr";
        register("최지우", laterEmail, "ko");
        awaitEmails(laterEmail, 1);

        assertThat(SharedMailServer.greenMail().getReceivedMessagesForDomain(email)).hasSize(1);
    }

    @Test
    void agreementServicePublishesAgreementDraftedThroughItsOutbox() {
        var drafted = madang.post(madang.agreement + "/api/agreements", TestTokens.hqAdmin(), JejuMou.JSON);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String agreementId = drafted.text("id");

        AgreementDrafted event = await().atMost(Duration.ofSeconds(30)).until(() ->
                SharedKafka.readAll(Topics.AGREEMENT_EVENTS, Duration.ofMillis(500)).stream()
                        .map(FirstSliceEndToEndTests::decode)
                        .filter(e -> e instanceof AgreementDrafted d && d.getAgreement().getAgreementId().equals(agreementId))
                        .map(AgreementDrafted.class::cast).findFirst().orElse(null), e -> e != null);
        assertThat(event.getParties()).hasSize(9);
        assertThat(event.getHeader().getAggregateId()).isEqualTo(agreementId);
    }

    private static String register(String name, String email, String language) {
        var response = madang.post(madang.registration + "/api/events/" + jejuForum + "/registrations", TestTokens.regionalOffice("JEJU"), """
                {"name":"%s","email":"%s","phone":"010-1234-5678","organisation":"제주특별자치도","jobTitle":"주무관",
                 "attendeeType":"GENERAL","language":"%s","consent":{"accepted":true,"policyVersion":"2023-01"}}
                """.formatted(name, email, language));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.text("status")).isEqualTo("CONFIRMED");
        return response.text("id");
    }

    private static List<MimeMessage> awaitEmails(String recipient, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> List.of(SharedMailServer.greenMail().getReceivedMessagesForDomain(recipient)),
                messages -> messages.size() >= count);
    }

    private static SpecificRecord decode(ConsumerRecord<String, byte[]> record) {
        try {
            return new AvroEventDeserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
