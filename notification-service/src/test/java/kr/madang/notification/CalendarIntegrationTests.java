package kr.madang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import kr.madang.events.ForumEventSummary;
import kr.madang.events.Language;
import kr.madang.events.SessionSummary;
import kr.madang.events.registration.ForumEventCancelled;
import kr.madang.events.registration.ForumEventRescheduled;
import kr.madang.events.registration.RegistrationCancelled;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.events.registration.RegistrationPromoted;
import kr.madang.events.registration.RegistrationWaitlisted;
import kr.madang.notification.calendar.CalendarLinks;
import kr.madang.notification.calendar.ParsedIcs;
import kr.madang.schemas.Topics;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The calendar file of attendee emails through the real flow: registration events on Kafka, emails in GreenMail,
 * the attachment read back with ical4j across a confirmation, two reschedules, a promotion and two cancellations.
 */
class CalendarIntegrationTests extends NotificationIntegrationTest {

    private static final String UID_DOMAIN = "@notification.madang.kr";

    @Test
    void theEntryKeepsItsUidAndMovesItsSequenceFromConfirmationThroughReschedulesToCancellation() throws Exception {
        String forum = UUID.randomUUID().toString();
        String koId = UUID.randomUUID().toString();
        String enId = UUID.randomUUID().toString();
        String waitId = UUID.randomUUID().toString();
        String ko = TestEvents.uniqueEmail("cal-ko");
        String en = TestEvents.uniqueEmail("cal-en");
        String waiting = TestEvents.uniqueEmail("cal-wait");

        // confirmed: a REQUEST at sequence 0, Seoul time, UID from the registration
        publish(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(forum, koId, TestEvents.contact("김하나", ko, null, Language.KO)));
        publish(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(forum, enId, TestEvents.contact("Tom Lee", en, null, Language.EN)));
        publish(Topics.REGISTRATION_EVENTS, RegistrationWaitlisted.newBuilder()
                .setHeader(TestEvents.header(forum, "registration-service")).setRegistrationId(waitId)
                .setForumEvent(TestEvents.jeju(forum)).setAttendee(TestEvents.contact("박대기", waiting, null, Language.KO))
                .setWaitlistPosition(1).build());

        ParsedIcs confirmed = onlyCalendarOf(awaitMail(ko, 1).get(0), "REQUEST");
        assertThat(confirmed.method()).isEqualTo("REQUEST");
        assertThat(confirmed.timeZones()).containsExactly("Asia/Seoul");
        assertThat(confirmed.tzidOf(Property.DTSTART)).isEqualTo("Asia/Seoul");
        assertThat(confirmed.localTime(Property.DTSTART)).isEqualTo(LocalDateTime.parse("2023-02-06T13:00"));
        assertThat(confirmed.localTime(Property.DTEND)).isEqualTo(LocalDateTime.parse("2023-02-07T18:00"));
        assertThat(confirmed.value(Property.UID)).isEqualTo("registration-" + koId + UID_DOMAIN);
        assertThat(confirmed.value(Property.SEQUENCE)).isEqualTo("0");
        assertThat(confirmed.value(Property.SUMMARY)).isEqualTo("제1회 디지털지역혁신포럼");
        assertThat(confirmed.value(Property.LOCATION)).isEqualTo("메종글래드 제주 크리스탈홀");
        ParsedIcs confirmedEn = onlyCalendarOf(awaitMail(en, 1).get(0), "REQUEST");
        assertThat(confirmedEn.value(Property.SUMMARY)).isEqualTo("1st Digital Regional Innovation Forum");
        assertThat(confirmedEn.value(Property.DESCRIPTION)).contains("Your registration is confirmed");
        assertThat(confirmedEn.value(Property.UID)).isEqualTo("registration-" + enId + UID_DOMAIN);
        // the waitlist holds no seat: nothing to put in a calendar yet
        assertThat(calendarsOf(awaitMail(waiting, 1).get(0))).isEmpty();

        // rescheduled twice: the same UID, new times and venue, the sequence one higher each time
        ForumEventSummary moved = reschedule(forum, TestEvents.jeju(forum), Instant.parse("2023-02-13T01:00:00Z"),
                Instant.parse("2023-02-14T08:00:00Z"), "제주국제컨벤션센터");
        ParsedIcs first = onlyCalendarOf(awaitMail(ko, 2).get(1), "REQUEST");
        assertThat(first.value(Property.UID)).isEqualTo("registration-" + koId + UID_DOMAIN);
        assertThat(first.value(Property.SEQUENCE)).isEqualTo("1");
        assertThat(first.localTime(Property.DTSTART)).isEqualTo(LocalDateTime.parse("2023-02-13T10:00"));
        assertThat(first.localTime(Property.DTEND)).isEqualTo(LocalDateTime.parse("2023-02-14T17:00"));
        assertThat(first.value(Property.LOCATION)).isEqualTo("제주국제컨벤션센터");
        assertThat(calendarsOf(awaitMail(waiting, 2).get(1))).isEmpty();
        assertThat(onlyCalendarOf(awaitMail(en, 2).get(1), "REQUEST").value(Property.SEQUENCE)).isEqualTo("1");

        moved = reschedule(forum, moved, Instant.parse("2023-02-20T00:30:00Z"), Instant.parse("2023-02-21T09:00:00Z"),
                "제주국제컨벤션센터");
        ParsedIcs second = onlyCalendarOf(awaitMail(ko, 3).get(2), "REQUEST");
        assertThat(second.value(Property.SEQUENCE)).isEqualTo("2");
        assertThat(second.localTime(Property.DTSTART)).isEqualTo(LocalDateTime.parse("2023-02-20T09:30"));
        assertThat(onlyCalendarOf(awaitMail(en, 3).get(2), "REQUEST").value(Property.SEQUENCE)).isEqualTo("2");
        assertThat(calendarsOf(awaitMail(waiting, 3).get(2))).isEmpty();

        // promoted from the waitlist after the moves: the current version at the current sequence
        publish(Topics.REGISTRATION_EVENTS, RegistrationPromoted.newBuilder()
                .setHeader(TestEvents.header(forum, "registration-service")).setRegistrationId(waitId)
                .setForumEvent(moved).setAttendee(TestEvents.contact("박대기", waiting, null, Language.KO))
                .setCheckInCode("CHK-PROMO").setFromPosition(1).build());
        ParsedIcs promoted = onlyCalendarOf(awaitMail(waiting, 4).get(3), "REQUEST");
        assertThat(promoted.value(Property.UID)).isEqualTo("registration-" + waitId + UID_DOMAIN);
        assertThat(promoted.value(Property.SEQUENCE)).isEqualTo("2");
        assertThat(promoted.localTime(Property.DTSTART)).isEqualTo(LocalDateTime.parse("2023-02-20T09:30"));

        // one attendee cancels: a CANCEL of their UID, above the sequence they hold
        publish(Topics.REGISTRATION_EVENTS, RegistrationCancelled.newBuilder()
                .setHeader(TestEvents.header(forum, "registration-service")).setRegistrationId(koId)
                .setForumEvent(moved).setAttendee(TestEvents.contact("김하나", ko, null, Language.KO))
                .setCancelledBy("ATTENDEE").setWasConfirmed(true).build());
        ParsedIcs cancelled = onlyCalendarOf(awaitMail(ko, 4).get(3), "CANCEL");
        assertThat(cancelled.method()).isEqualTo("CANCEL");
        assertThat(cancelled.value(Property.UID)).isEqualTo("registration-" + koId + UID_DOMAIN);
        assertThat(cancelled.value(Property.SEQUENCE)).isEqualTo("3");
        assertThat(cancelled.value(Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(cancelled.tzidOf(Property.DTSTART)).isEqualTo("Asia/Seoul");

        // the event is cancelled: every attendee still holding a seat gets a CANCEL of their own UID
        publish(Topics.REGISTRATION_EVENTS, ForumEventCancelled.newBuilder()
                .setHeader(TestEvents.header(forum, "registration-service")).setForumEvent(moved).setReason("태풍").build());
        ParsedIcs eventCancelledEn = onlyCalendarOf(awaitMail(en, 4).get(3), "CANCEL");
        assertThat(eventCancelledEn.value(Property.UID)).isEqualTo("registration-" + enId + UID_DOMAIN);
        assertThat(eventCancelledEn.value(Property.SEQUENCE)).isEqualTo("3");
        assertThat(eventCancelledEn.value(Property.DESCRIPTION)).contains("The event has been cancelled");
        ParsedIcs eventCancelledPromoted = onlyCalendarOf(awaitMail(waiting, 5).get(4), "CANCEL");
        assertThat(eventCancelledPromoted.value(Property.UID)).isEqualTo("registration-" + waitId + UID_DOMAIN);
        assertThat(eventCancelledPromoted.value(Property.SEQUENCE)).isEqualTo("3");

        // no address of anyone in any file
        for (String address : List.of(ko, en, waiting)) {
            for (MimeMessage mail : mailTo(address)) {
                for (Attachment a : calendarsOf(mail)) {
                    assertThat(a.ics()).doesNotContainIgnoringCase(ko).doesNotContainIgnoringCase(en)
                            .doesNotContainIgnoringCase(waiting).doesNotContain("ATTENDEE");
                }
            }
        }
    }

    @Test
    void theTicketPagesDownloadIsTheFileOfTheNewestEmailAndRefusesABadLink() throws Exception {
        String forum = UUID.randomUUID().toString();
        String registration = UUID.randomUUID().toString();
        String email = TestEvents.uniqueEmail("cal-dl");
        String token = calendarLinks.seal(registration, forum, "en", clock.instant().plus(Duration.ofDays(30)));

        publish(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(forum, registration,
                TestEvents.contact("Tom Lee", email, null, Language.EN)));
        assertDownloadIsTheFileOf(awaitMail(email, 1).get(0), token, "REQUEST", "0");

        ForumEventSummary moved = reschedule(forum, TestEvents.jeju(forum), Instant.parse("2023-02-13T01:00:00Z"),
                Instant.parse("2023-02-14T08:00:00Z"), "제주국제컨벤션센터");
        ParsedIcs rescheduled = assertDownloadIsTheFileOf(awaitMail(email, 2).get(1), token, "REQUEST", "1");
        assertThat(rescheduled.localTime(Property.DTSTART)).isEqualTo(LocalDateTime.parse("2023-02-13T10:00"));
        assertThat(rescheduled.tzidOf(Property.DTSTART)).isEqualTo("Asia/Seoul");

        publish(Topics.REGISTRATION_EVENTS, RegistrationCancelled.newBuilder()
                .setHeader(TestEvents.header(forum, "registration-service")).setRegistrationId(registration)
                .setForumEvent(moved).setAttendee(TestEvents.contact("Tom Lee", email, null, Language.EN))
                .setCancelledBy("ATTENDEE").setWasConfirmed(true).build());
        assertDownloadIsTheFileOf(awaitMail(email, 3).get(2), token, "CANCEL", "2");

        // opened before any email went out (the ticket page right after the form): the confirmation's entry, from the
        // same builder, at the event's current sequence, in the link's language
        String notYetMailed = UUID.randomUUID().toString();
        ParsedIcs early = ParsedIcs.parse(download(calendarLinks.seal(notYetMailed, forum, "ko",
                clock.instant().plus(Duration.ofDays(30)))));
        assertThat(early.method()).isEqualTo("REQUEST");
        assertThat(early.value(Property.UID)).isEqualTo("registration-" + notYetMailed + UID_DOMAIN);
        assertThat(early.value(Property.SEQUENCE)).isEqualTo("1");
        assertThat(early.value(Property.SUMMARY)).isEqualTo("제1회 디지털지역혁신포럼");
        assertThat(early.value(Property.LOCATION)).isEqualTo("제주국제컨벤션센터");

        // tampered, expired, foreign purpose or unknown event: a problem naming the token, never a file, never a 500
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertRefused(tampered, 400);
        assertRefused(token.replace("k1.", "k2."), 400);
        assertRefused("garbage", 400);
        assertRefused(calendarLinks.seal(registration, forum, "en", clock.instant().minusSeconds(1)), 410);
        http.get().uri("/api/calendar/" + calendarLinks.seal(registration, UUID.randomUUID().toString(), "en",
                        clock.instant().plus(Duration.ofDays(1))).replace(registration, UUID.randomUUID().toString()))
                .exchange().expectStatus().isBadRequest();
        http.get().uri("/api/calendar/" + calendarLinks.seal(UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(), "ko", clock.instant().plus(Duration.ofDays(1))))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void eachChosenSessionIsAnEntryOfItsOwnThatMovesWithTheEventAndIsCancelledWithIt() throws Exception {
        String forum = UUID.randomUUID().toString();
        String enId = UUID.randomUUID().toString();
        String koId = UUID.randomUUID().toString();
        String en = TestEvents.uniqueEmail("cal-sess-en");
        String ko = TestEvents.uniqueEmail("cal-sess-ko");
        String keynote = UUID.randomUUID().toString();
        String roundtable = UUID.randomUUID().toString();
        List<SessionSummary> sessions = List.of(
                SessionSummary.newBuilder().setSessionId(keynote).setTitle("기조연설").setTitleEn("Keynote")
                        .setRoom("크리스탈홀 A").setStartsAt(Instant.parse("2023-02-06T04:30:00Z"))
                        .setEndsAt(Instant.parse("2023-02-06T05:30:00Z")).build(),
                SessionSummary.newBuilder().setSessionId(roundtable).setTitle("지역 데이터 전략 원탁회의")
                        .setStartsAt(Instant.parse("2023-02-07T01:00:00Z"))
                        .setEndsAt(Instant.parse("2023-02-07T03:00:00Z")).build());
        publish(Topics.REGISTRATION_EVENTS, RegistrationConfirmed.newBuilder(
                TestEvents.confirmed(forum, enId, TestEvents.contact("Tom Lee", en, null, Language.EN)))
                .setSessions(sessions).build());
        publish(Topics.REGISTRATION_EVENTS, RegistrationConfirmed.newBuilder(
                TestEvents.confirmed(forum, koId, TestEvents.contact("김하나", ko, null, Language.KO)))
                .setSessions(sessions.subList(0, 1)).build());
        String forumUid = "registration-" + enId + UID_DOMAIN;
        String keynoteUid = "registration-" + enId + "-session-" + keynote + UID_DOMAIN;
        String roundtableUid = "registration-" + enId + "-session-" + roundtable + UID_DOMAIN;

        // confirmed: the forum's entry and one per session, in Seoul time, in the attendee's language, at sequence 0
        ParsedIcs confirmed = onlyCalendarOf(awaitMail(en, 1).get(0), "REQUEST");
        assertThat(confirmed.events()).extracting(e -> ParsedIcs.value(e, Property.UID))
                .containsExactly(forumUid, keynoteUid, roundtableUid);
        assertThat(confirmed.events()).allSatisfy(e -> {
            assertThat(ParsedIcs.value(e, Property.SEQUENCE)).isEqualTo("0");
            assertThat(ParsedIcs.tzidOf(e, Property.DTSTART)).isEqualTo("Asia/Seoul");
            assertThat(ParsedIcs.tzidOf(e, Property.DTEND)).isEqualTo("Asia/Seoul");
            assertThat(ParsedIcs.value(e, Property.STATUS)).isEqualTo("CONFIRMED");
        });
        VEvent keynoteEntry = confirmed.event(keynoteUid);
        assertThat(ParsedIcs.localTime(keynoteEntry, Property.DTSTART)).isEqualTo(LocalDateTime.parse("2023-02-06T13:30"));
        assertThat(ParsedIcs.localTime(keynoteEntry, Property.DTEND)).isEqualTo(LocalDateTime.parse("2023-02-06T14:30"));
        assertThat(ParsedIcs.value(keynoteEntry, Property.SUMMARY)).isEqualTo("Keynote");
        assertThat(ParsedIcs.value(keynoteEntry, Property.LOCATION)).isEqualTo("메종글래드 제주 크리스탈홀, 크리스탈홀 A");
        VEvent roundtableEntry = confirmed.event(roundtableUid);
        assertThat(ParsedIcs.localTime(roundtableEntry, Property.DTSTART)).isEqualTo(LocalDateTime.parse("2023-02-07T10:00"));
        assertThat(ParsedIcs.value(roundtableEntry, Property.SUMMARY)).as("no English title: the Korean one")
                .isEqualTo("지역 데이터 전략 원탁회의");
        assertThat(ParsedIcs.value(roundtableEntry, Property.LOCATION)).isEqualTo("메종글래드 제주 크리스탈홀");
        assertThat(onlyCalendarOf(awaitMail(ko, 1).get(0), "REQUEST").events())
                .extracting(e -> ParsedIcs.value(e, Property.SUMMARY)).containsExactly("제1회 디지털지역혁신포럼", "기조연설");

        // rescheduled a week later: every entry moves by the same amount, at the raised sequence
        ForumEventSummary moved = reschedule(forum, TestEvents.jeju(forum), Instant.parse("2023-02-13T04:00:00Z"),
                Instant.parse("2023-02-14T09:00:00Z"), "제주국제컨벤션센터");
        ParsedIcs rescheduled = onlyCalendarOf(awaitMail(en, 2).get(1), "REQUEST");
        assertThat(rescheduled.events()).extracting(e -> ParsedIcs.value(e, Property.UID))
                .containsExactly(forumUid, keynoteUid, roundtableUid);
        assertThat(rescheduled.events()).allSatisfy(e -> assertThat(ParsedIcs.value(e, Property.SEQUENCE)).isEqualTo("1"));
        assertThat(ParsedIcs.localTime(rescheduled.event(keynoteUid), Property.DTSTART))
                .isEqualTo(LocalDateTime.parse("2023-02-13T13:30"));
        assertThat(ParsedIcs.localTime(rescheduled.event(roundtableUid), Property.DTSTART))
                .isEqualTo(LocalDateTime.parse("2023-02-14T10:00"));
        assertThat(ParsedIcs.localTime(rescheduled.event(roundtableUid), Property.DTEND))
                .isEqualTo(LocalDateTime.parse("2023-02-14T12:00"));
        assertThat(ParsedIcs.value(rescheduled.event(keynoteUid), Property.LOCATION))
                .isEqualTo("제주국제컨벤션센터, 크리스탈홀 A");
        assertThat(onlyCalendarOf(awaitMail(ko, 2).get(1), "REQUEST").events()).hasSize(2);

        // the English attendee cancels: a CANCEL of all three entries, at the moved times
        publish(Topics.REGISTRATION_EVENTS, RegistrationCancelled.newBuilder()
                .setHeader(TestEvents.header(forum, "registration-service")).setRegistrationId(enId)
                .setForumEvent(moved).setAttendee(TestEvents.contact("Tom Lee", en, null, Language.EN))
                .setCancelledBy("ATTENDEE").setWasConfirmed(true).build());
        ParsedIcs cancelled = onlyCalendarOf(awaitMail(en, 3).get(2), "CANCEL");
        assertThat(cancelled.method()).isEqualTo("CANCEL");
        assertThat(cancelled.events()).extracting(e -> ParsedIcs.value(e, Property.UID))
                .containsExactly(forumUid, keynoteUid, roundtableUid);
        assertThat(cancelled.events()).allSatisfy(e -> {
            assertThat(ParsedIcs.value(e, Property.STATUS)).isEqualTo("CANCELLED");
            assertThat(ParsedIcs.value(e, Property.SEQUENCE)).isEqualTo("2");
        });
        assertThat(ParsedIcs.localTime(cancelled.event(keynoteUid), Property.DTSTART))
                .isEqualTo(LocalDateTime.parse("2023-02-13T13:30"));

        // the event is cancelled: the other attendee's forum entry and session entry are cancelled together
        publish(Topics.REGISTRATION_EVENTS, ForumEventCancelled.newBuilder()
                .setHeader(TestEvents.header(forum, "registration-service")).setForumEvent(moved).setReason("태풍").build());
        ParsedIcs eventCancelled = onlyCalendarOf(awaitMail(ko, 3).get(2), "CANCEL");
        assertThat(eventCancelled.events()).extracting(e -> ParsedIcs.value(e, Property.UID)).containsExactly(
                "registration-" + koId + UID_DOMAIN, "registration-" + koId + "-session-" + keynote + UID_DOMAIN);
        assertThat(eventCancelled.events()).allSatisfy(e -> {
            assertThat(ParsedIcs.value(e, Property.STATUS)).isEqualTo("CANCELLED");
            assertThat(ParsedIcs.value(e, Property.SEQUENCE)).isEqualTo("2");
        });
        // the chosen sessions left with the attendees' copies
        assertThat(jdbc.sql("select count(*) from attendee_session where forum_event_id = :id").param("id", forum)
                .query(Long.class).single()).isZero();
    }

    @Autowired
    CalendarLinks calendarLinks;

    private ParsedIcs assertDownloadIsTheFileOf(MimeMessage mail, String token, String method, String sequence)
            throws Exception {
        Attachment mailed = calendarsOf(mail).getFirst();
        String downloaded = download(token);
        assertThat(downloaded).isEqualTo(mailed.ics());
        ParsedIcs parsed = ParsedIcs.parse(downloaded);
        assertThat(parsed.method()).isEqualTo(method);
        assertThat(parsed.value(Property.SEQUENCE)).isEqualTo(sequence);
        assertThat(parsed.value(Property.UID)).isEqualTo(ParsedIcs.parse(mailed.ics()).value(Property.UID));
        return parsed;
    }

    private String download(String token) {
        return http.get().uri("/api/calendar/" + token).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/calendar;charset=UTF-8")
                .expectHeader().value("Content-Disposition", v -> assertThat(v).startsWith("attachment;")
                        .contains(".ics"))
                .expectHeader().value("Cache-Control", v -> assertThat(v).contains("no-store"))
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private void assertRefused(String token, int status) {
        String body = http.get().uri("/api/calendar/" + token).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JSON.readTree(body).path("field").asString()).isEqualTo("token");
        assertThat(body).doesNotContain("BEGIN:VCALENDAR");
    }

    private ForumEventSummary reschedule(String forum, ForumEventSummary before, Instant startsAt, Instant endsAt,
                                         String venue) {
        ForumEventSummary after = ForumEventSummary.newBuilder(before).setStartsAt(startsAt).setEndsAt(endsAt)
                .setVenue(venue).build();
        publish(Topics.REGISTRATION_EVENTS, ForumEventRescheduled.newBuilder()
                .setHeader(TestEvents.header(forum, "registration-service")).setForumEvent(after)
                .setPreviousStartsAt(before.getStartsAt()).setPreviousEndsAt(before.getEndsAt())
                .setPreviousVenue(before.getVenue()).build());
        return after;
    }

    record Attachment(String contentType, String fileName, String ics) {
    }

    private static ParsedIcs onlyCalendarOf(MimeMessage mail, String method) throws Exception {
        List<Attachment> calendars = calendarsOf(mail);
        assertThat(calendars).hasSize(1);
        Attachment a = calendars.getFirst();
        assertThat(a.contentType()).startsWith("text/calendar").contains("method=" + method);
        assertThat(a.fileName()).endsWith(".ics");
        return ParsedIcs.parse(a.ics());
    }

    static List<Attachment> calendarsOf(MimeMessage mail) throws Exception {
        List<Attachment> found = new ArrayList<>();
        collect(mail, found);
        return found;
    }

    private static void collect(Part part, List<Attachment> found) throws Exception {
        if (part.isMimeType("multipart/*")) {
            MimeMultipart multipart = (MimeMultipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), found);
            }
        } else if (part.isMimeType("text/calendar")) {
            found.add(new Attachment(part.getContentType(), part.getFileName(), 
                    new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
        }
    }
}
