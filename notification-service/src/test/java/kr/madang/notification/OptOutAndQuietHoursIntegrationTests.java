package kr.madang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import kr.madang.events.Contact;
import kr.madang.events.Language;
import kr.madang.events.registration.AttendeeCheckedIn;
import kr.madang.events.registration.ForumEventCancelled;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.schemas.Topics;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Opt-out stops non-essential messages only; quiet hours hold non-urgent SMS only. */
class OptOutAndQuietHoursIntegrationTests extends NotificationIntegrationTest {

    private AttendeeCheckedIn checkedIn(String forum, Contact attendee) {
        return AttendeeCheckedIn.newBuilder().setHeader(TestEvents.header(forum, "registration-service"))
                .setRegistrationId(UUID.randomUUID().toString()).setForumEvent(TestEvents.jeju(forum)).setAttendee(attendee)
                .setDay(java.time.LocalDate.of(2023, 2, 6)).setCheckedInAt(Instant.parse("2023-02-06T03:41:00Z")).build();
    }

    @Test
    void afterOptingOutByTheLinkOnlyEssentialEmailsStillGo() throws Exception {
        String email = TestEvents.uniqueEmail("optout");
        String forum = UUID.randomUUID().toString();
        Contact attendee = TestEvents.contact("김민지", email, null, Language.KO);

        publish(Topics.REGISTRATION_EVENTS, checkedIn(forum, attendee));
        MimeMessage receipt = awaitMail(email, 1).getFirst();
        String header = receipt.getHeader("List-Unsubscribe")[0];
        assertThat(receipt.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String path = header.substring(header.indexOf("/api/opt-out/"), header.length() - 1);
        assertThat(header).startsWith("<http://notify.test/api/opt-out/");

        String page = http.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<form method=\"post\">");
        http.post().uri(path).exchange().expectStatus().isOk();
        http.post().uri(path.substring(0, path.length() - 3) + "xyz").exchange().expectStatus().isBadRequest();

        AttendeeCheckedIn second = checkedIn(forum, attendee);
        publish(Topics.REGISTRATION_EVENTS, second);
        var rows = awaitMessagesOfSource(second.getHeader().getEventId(), 1);
        assertThat(rows.getFirst().get("status")).isEqualTo("SUPPRESSED");

        RegistrationConfirmed essential = TestEvents.confirmed(forum, UUID.randomUUID().toString(), attendee);
        publish(Topics.REGISTRATION_EVENTS, essential);
        assertThat(awaitMail(email, 2).get(1).getSubject()).isEqualTo("[디지털지역혁신포럼] 참가 등록이 확정되었습니다");
        assertThat(mailTo(email)).hasSize(2);
    }

    @Test
    void aNonUrgentSmsWaitsUntilEightInTheMorningWhileAnUrgentOneGoesAtOnce() {
        clock.set(Instant.parse("2023-02-05T13:30:00Z")); // 22:30 in Seoul
        String forum = UUID.randomUUID().toString();
        String phone = "+821077770001";
        RegistrationConfirmed confirmed = TestEvents.confirmed(forum, UUID.randomUUID().toString(),
                TestEvents.contact("김민지", TestEvents.uniqueEmail("night"), phone, Language.KO));

        publish(Topics.REGISTRATION_EVENTS, confirmed);
        var rows = awaitMessagesOfSource(confirmed.getHeader().getEventId(), 2);
        var sms = rows.stream().filter(r -> "SMS".equals(r.get("channel"))).findFirst().orElseThrow();
        var email = rows.stream().filter(r -> "EMAIL".equals(r.get("channel"))).findFirst().orElseThrow();
        awaitStatus((UUID) email.get("id"), "SENT");
        assertThat(((Timestamp) sms.get("next_attempt_at")).toInstant()).isEqualTo(Instant.parse("2023-02-05T23:00:00Z"));
        assertThat(statusOf((UUID) sms.get("id"))).isEqualTo("QUEUED");

        publish(Topics.REGISTRATION_EVENTS, ForumEventCancelled.newBuilder().setHeader(TestEvents.header(forum, "registration-service"))
                .setForumEvent(TestEvents.jeju(forum)).setReason("태풍").build());
        var cancelled = awaitMessagesOfSourceType(forum, "forum-event-cancelled", "SMS");
        awaitStatus(cancelled, "SENT");
        assertThat(statusOf((UUID) sms.get("id"))).as("still held").isEqualTo("QUEUED");
        ALPHA.verify(1, postRequestedFor(urlPathEqualTo(SmsStubs.ALPHA_PATH)).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));

        clock.set(Instant.parse("2023-02-05T23:00:30Z")); // 08:00:30 in Seoul
        dispatchSignal.wake();
        awaitStatus((UUID) sms.get("id"), "SENT");
        ALPHA.verify(2, postRequestedFor(urlPathEqualTo(SmsStubs.ALPHA_PATH)).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }

    private UUID awaitMessagesOfSourceType(String forumEventId, String code, String channel) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select id from message where forum_event_id = :f and template_code = :c and channel = :ch")
                .param("f", forumEventId).param("c", code).param("ch", channel).query(UUID.class).optional(),
                java.util.Optional::isPresent).orElseThrow();
    }
}
