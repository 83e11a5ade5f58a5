package kr.madang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.internet.MimeMessage;
import kr.madang.events.Contact;
import kr.madang.events.Language;
import kr.madang.events.registration.AttendeeCheckedIn;
import kr.madang.events.ForumEventSummary;
import kr.madang.notification.recipients.Reminders;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Opt-out stops non-essential messages only; quiet hours hold SMS reminders and announcements only. */
class OptOutAndQuietHoursIntegrationTests extends NotificationIntegrationTest {

    @Autowired Reminders reminders;

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
    void atTenPmARegistrationConfirmationSmsGoesAtOnceWhileADayBeforeReminderWaitsUntilEight() {
        Night night = Night.random();
        clock.set(night.tenPm());
        String phone = uniquePhone();
        RegistrationConfirmed confirmed = night.confirmed(phone);

        publish(Topics.REGISTRATION_EVENTS, confirmed);
        var rows = awaitMessagesOfSource(confirmed.getHeader().getEventId(), 2);
        var sms = rows.stream().filter(r -> "SMS".equals(r.get("channel"))).findFirst().orElseThrow();
        awaitStatus((UUID) sms.get("id"), "SENT");
        ALPHA.verify(1, postRequestedFor(urlPathEqualTo(SmsStubs.ALPHA_PATH)).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));

        assertThat(reminders.sendDue()).isPositive();
        UUID reminder = awaitMessagesOfSourceType(night.forum(), "event-reminder", "SMS");
        assertThat(nextAttemptOf(reminder)).isEqualTo(night.eightAm());
        dispatchSignal.wake();
        assertThat(statusOf(reminder)).as("held").isEqualTo("QUEUED");

        clock.set(night.eightAm().plusSeconds(30));
        dispatchSignal.wake();
        awaitStatus(reminder, "SENT");
        ALPHA.verify(2, postRequestedFor(urlPathEqualTo(SmsStubs.ALPHA_PATH)).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }

    @Test
    void aHoldOvernightIsNoAttemptSoAProviderFailureAtEightIsRetried() {
        Night night = Night.random();
        clock.set(night.tenPm());
        String phone = uniquePhone();
        RegistrationConfirmed confirmed = night.confirmed(phone);
        publish(Topics.REGISTRATION_EVENTS, confirmed);
        awaitMessagesOfSource(confirmed.getHeader().getEventId(), 2);
        assertThat(reminders.sendDue()).isPositive();
        UUID reminder = awaitMessagesOfSourceType(night.forum(), "event-reminder", "SMS");

        // a backlog reached it only after 21:00: due now, so the dispatcher claims it at night and holds it
        jdbc.sql("update message set next_attempt_at = :now where id = :id")
                .param("now", java.sql.Timestamp.from(night.tenPm())).param("id", reminder).update();
        dispatchSignal.wake();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> nextAttemptOf(reminder), night.eightAm()::equals);
        assertThat(statusOf(reminder)).isEqualTo("QUEUED");
        var held = jdbc.sql("select attempts, first_attempt_at from message where id = :id").param("id", reminder).query().singleRow();
        assertThat(held.get("attempts")).as("a hold is not an attempt").isEqualTo(0);
        assertThat(held.get("first_attempt_at")).as("nor starts the retry window").isNull();

        try {
            // both providers down for this phone at 08:00, ten hours after the hold
            ALPHA.stubFor(post(urlPathEqualTo(SmsStubs.ALPHA_PATH)).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.to", equalTo(phone))).willReturn(aResponse().withStatus(503)));
            BETA.stubFor(post(urlPathEqualTo(SmsStubs.BETA_PATH)).atPriority(1)
                    .withRequestBody(containing(phone.substring(1))).willReturn(aResponse().withStatus(503)));
            clock.set(night.eightAm().plusSeconds(30));
            dispatchSignal.wake();
            awaitStatus(reminder, "TEMPORARY_FAILURE");
            var failed = jdbc.sql("select attempts, first_attempt_at from message where id = :id").param("id", reminder)
                    .query().singleRow();
            assertThat(failed.get("attempts")).isEqualTo(1);
            assertThat(((Timestamp) failed.get("first_attempt_at")).toInstant()).as("the window starts at 08:00")
                    .isBetween(night.eightAm().plusSeconds(30), night.eightAm().plusSeconds(90));
        } finally {
            kr.madang.testing.SharedSmsProviders.acceptEverything();
        }
    }

    /** The night before a forum event on a random far-off day, so no other test's event shares its reminders. */
    private record Night(String forum, ForumEventSummary event, Instant tenPm, Instant eightAm) {
        static Night random() {
            ZoneId seoul = ZoneId.of("Asia/Seoul");
            LocalDate day = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
            String forum = UUID.randomUUID().toString();
            ForumEventSummary event = ForumEventSummary.newBuilder(TestEvents.jeju(forum))
                    .setStartsAt(day.atTime(13, 0).atZone(seoul).toInstant())
                    .setEndsAt(day.atTime(18, 0).atZone(seoul).toInstant()).build();
            return new Night(forum, event, day.minusDays(1).atTime(22, 0).atZone(seoul).toInstant(),
                    day.atTime(8, 0).atZone(seoul).toInstant());
        }

        RegistrationConfirmed confirmed(String phone) {
            return RegistrationConfirmed.newBuilder(TestEvents.confirmed(forum, UUID.randomUUID().toString(),
                    TestEvents.contact("김민지", TestEvents.uniqueEmail("night"), phone, Language.KO))).setForumEvent(event).build();
        }
    }

    private static String uniquePhone() {
        return String.format("+8210%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private Instant nextAttemptOf(UUID id) {
        return jdbc.sql("select next_attempt_at from message where id = :id").param("id", id).query(Timestamp.class).single()
                .toInstant();
    }

    private UUID awaitMessagesOfSourceType(String forumEventId, String code, String channel) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select id from message where forum_event_id = :f and template_code = :c and channel = :ch")
                .param("f", forumEventId).param("c", code).param("ch", channel).query(UUID.class).optional(),
                java.util.Optional::isPresent).orElseThrow();
    }
}
