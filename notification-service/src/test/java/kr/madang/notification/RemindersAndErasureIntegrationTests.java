package kr.madang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import kr.madang.events.ForumEventSummary;
import kr.madang.events.Language;
import kr.madang.events.registration.AttendeeDataErased;
import kr.madang.events.registration.RegistrationWaitlisted;
import kr.madang.notification.recipients.Reminders;
import kr.madang.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The day-before reminder reaches every confirmed attendee once, in their language; erasure removes the local copy. */
class RemindersAndErasureIntegrationTests extends NotificationIntegrationTest {

    @Autowired Reminders reminders;

    @Test
    void theDayBeforeEveryConfirmedAttendeeGetsOneReminderInTheirLanguage() throws Exception {
        String forum = UUID.randomUUID().toString();
        ForumEventSummary pohang = ForumEventSummary.newBuilder().setForumEventId(forum).setTitle("제2회 디지털지역혁신포럼")
                .setTitleEn("2nd Digital Regional Innovation Forum").setRegion("GYEONGBUK")
                .setVenue("포스코국제관").setStartsAt(Instant.parse("2023-04-20T05:00:00Z"))
                .setEndsAt(Instant.parse("2023-04-21T09:00:00Z")).build();
        String ko = TestEvents.uniqueEmail("remind-ko");
        String en = TestEvents.uniqueEmail("remind-en");
        String waiting = TestEvents.uniqueEmail("remind-wait");
        var koEvent = kr.madang.events.registration.RegistrationConfirmed.newBuilder(TestEvents.confirmed(forum,
                UUID.randomUUID().toString(), TestEvents.contact("최포항", ko, null, Language.KO))).setForumEvent(pohang).build();
        var enEvent = kr.madang.events.registration.RegistrationConfirmed.newBuilder(TestEvents.confirmed(forum,
                UUID.randomUUID().toString(), TestEvents.contact("Ana Silva", en, null, Language.EN))).setForumEvent(pohang).build();
        publish(Topics.REGISTRATION_EVENTS, koEvent);
        publish(Topics.REGISTRATION_EVENTS, enEvent);
        publish(Topics.REGISTRATION_EVENTS, RegistrationWaitlisted.newBuilder().setHeader(TestEvents.header(forum, "registration-service"))
                .setRegistrationId(UUID.randomUUID().toString()).setForumEvent(pohang)
                .setAttendee(TestEvents.contact("대기자", waiting, null, Language.KO)).setWaitlistPosition(1).build());
        awaitMail(ko, 1);
        awaitMail(en, 1);
        awaitMail(waiting, 1);

        clock.set(Instant.parse("2023-04-18T23:30:00Z")); // 08:30 the day before, in Seoul: too early
        assertThat(reminders.sendDue()).isZero();
        clock.set(Instant.parse("2023-04-19T00:05:00Z")); // 09:05
        assertThat(reminders.sendDue()).isGreaterThanOrEqualTo(2);
        assertThat(reminders.sendDue()).as("once, however often it runs").isZero();

        assertThat(awaitMail(ko, 2).get(1).getSubject()).isEqualTo("[디지털지역혁신포럼] 내일 행사에서 뵙겠습니다");
        var enReminder = awaitMail(en, 2).get(1);
        assertThat(enReminder.getSubject()).isEqualTo("[Digital Regional Innovation Forum] See you tomorrow");
        assertThat(enReminder.getHeader("List-Unsubscribe")).as("a reminder is not essential").isNotNull();
        assertThat(FirstSliceIntegrationTests.textOf(enReminder)).contains("2nd Digital Regional Innovation Forum", "Thu 20 Apr 2023, 14:00 KST");
        assertThat(mailTo(waiting)).as("only confirmed attendees").hasSize(1);
    }

    @Test
    void erasureRemovesTheLocalCopyAndTheAddressesOfSentMessages() {
        String forum = UUID.randomUUID().toString();
        String registrationId = UUID.randomUUID().toString();
        String email = TestEvents.uniqueEmail("erase");
        publish(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(forum, registrationId, TestEvents.contact("삭제", email, null, Language.KO)));
        awaitMail(email, 1);
        assertThat(jdbc.sql("select count(*) from attendee where registration_id = :id").param("id", registrationId)
                .query(Integer.class).single()).isEqualTo(1);

        publish(Topics.REGISTRATION_EVENTS, AttendeeDataErased.newBuilder().setHeader(TestEvents.header(forum, "registration-service"))
                .setRegistrationId(registrationId).setForumEventId(forum).setReason("REQUEST").build());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from attendee where registration_id = :id").param("id", registrationId)
                        .query(Integer.class).single() == 0);
        var items = notificationsOf("registrationId=" + registrationId);
        assertThat(items).singleElement().satisfies(n -> {
            assertThat(n.get("recipient").asString()).isEqualTo("(erased)");
            assertThat(n.get("status").asString()).isEqualTo("SENT");
        });
        assertThat(jdbc.sql("select count(*) from message where registration_id = :id and (recipient is not null or body_text is not null)")
                .param("id", registrationId).query(Integer.class).single()).isZero();
    }
}
