package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import kr.madang.events.SessionSummary;
import kr.madang.events.registration.AttendeeCheckedIn;
import kr.madang.events.registration.AttendeeDataErased;
import kr.madang.events.registration.ForumEventRescheduled;
import kr.madang.events.registration.RegistrationCancelled;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.events.registration.RegistrationPromoted;
import kr.madang.events.registration.RegistrationRejected;
import kr.madang.registration.retention.RetentionJob;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/**
 * A whole forum, as offices and attendees live it: sessions, self-registration, waitlist, cancellation by the
 * attendee's link with promotion, approval, check-in over two days, lists and export, reschedule, erasure and the
 * retention job. Its logs, captured throughout, hold no attendee's email, phone or name.
 */
@ExtendWith(OutputCaptureExtension.class)
class AttendeeJourneyIntegrationTests extends IntegrationTestBase {

    static final Instant FIRST_DAY_MORNING = Instant.parse("2023-02-06T00:30:00Z"); // 09:30 in Seoul

    @Autowired
    RetentionJob retention;

    @Test
    void aForumFromCreationToErasureLogsNoPersonalData(CapturedOutput output) {
        String hq = TestTokens.hqAdmin();
        String jeju = TestTokens.regionalOffice("JEJU");
        clock.set(Instant.parse("2023-01-10T00:00:00Z"));

        // An event with sessions, one of them small.
        Response created = post("/api/events", jeju, """
                {"title":"제1회 디지털지역혁신포럼","titleEn":"1st Digital Regional Innovation Forum","region":"JEJU",
                 "venue":"메종글래드 제주 크리스탈홀","startsAt":"2023-02-06T13:00:00+09:00","endsAt":"2023-02-07T18:00:00+09:00",
                 "registrationOpensAt":"2023-01-09T09:00:00+09:00","registrationClosesAt":"2023-02-03T18:00:00+09:00",
                 "capacity":2,"selfRegistration":true,"approvalRequired":false,
                 "hosts":["제주특별자치도","한국IT서비스학회"],
                 "sessions":[{"kind":"KEYNOTE","title":"기조연설","startsAt":"2023-02-06T13:30:00+09:00","endsAt":"2023-02-06T14:30:00+09:00"},
                             {"kind":"SIGNING_CEREMONY","title":"업무협약식","startsAt":"2023-02-06T16:00:00+09:00","endsAt":"2023-02-06T16:30:00+09:00","capacity":1},
                             {"kind":"SITE_VISIT","title":"현장 방문","startsAt":"2023-02-07T10:00:00+09:00","endsAt":"2023-02-07T12:00:00+09:00"}]}
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String eventId = created.text("id");
        JsonNode sessions = created.json().path("sessions");
        String keynote = sessions.get(0).path("id").asString();
        String signing = sessions.get(1).path("id").asString();
        assertThat(post("/api/events/" + eventId + "/open", jeju, null).text("status")).isEqualTo("OPEN");

        // Two confirmed (one by the attendee, one by the office), the signing ceremony's one seat taken.
        Response minji = register(eventId, null, """
                {"name":"김민지","email":"minji.kim@jeju.go.kr","phone":"010-1234-5678","organisation":"제주특별자치도",
                 "jobTitle":"주무관","language":"ko","sessionIds":["%s","%s"],
                 "accessibility":{"wheelchair":true,"notes":"경사로 필요"},"consent":{"accepted":true,"policyVersion":"2023-01"}}
                """.formatted(keynote, signing));
        assertThat(minji.status()).as(minji.body()).isEqualTo(201);
        assertThat(minji.text("status")).isEqualTo("CONFIRMED");
        Response fullSession = register(eventId, jeju, """
                {"name":"박서준","email":"seojun.park@jri.re.kr","phone":"010-2345-6789","language":"ko","sessionIds":["%s"],
                 "consent":{"accepted":true,"policyVersion":"2023-01"}}
                """.formatted(signing));
        assertThat(fullSession.status()).as("the signing ceremony is full").isEqualTo(409);
        assertThat(fullSession.text("field")).isEqualTo("sessionIds");
        Response maria = register(eventId, jeju, """
                {"name":"Maria Lopez","email":"maria.lopez@mitic.gob.sv","phone":"+503 7012 3456","language":"en",
                 "attendeeType":"INTERNATIONAL_DELEGATE","consent":{"accepted":true,"policyVersion":"2023-01"}}
                """);
        assertThat(maria.text("status")).isEqualTo("CONFIRMED");
        assertThat(maria.text("checkInCode")).isNotBlank();
        Response seojun = register(eventId, null, attendeeJson("박서준", "seojun.park@jri.re.kr", "ko").replace("010-1234-5678", "010-2345-6789"));
        assertThat(seojun.text("status")).isEqualTo("WAITLISTED");
        assertThat(seojun.json().path("waitlistPosition").asInt()).isEqualTo(1);

        // Outside the window the public cannot register, staff still can.
        clock.set(Instant.parse("2023-02-04T00:00:00Z"));
        Response late = register(eventId, null, attendeeJson("이서연", "seoyeon.lee@jejunu.ac.kr", "ko"));
        assertThat(late.status()).isEqualTo(409);
        Response lateByStaff = register(eventId, jeju, attendeeJson("이서연", "seoyeon.lee@jejunu.ac.kr", "ko"));
        assertThat(lateByStaff.text("status")).isEqualTo("WAITLISTED");
        assertThat(lateByStaff.json().path("waitlistPosition").asInt()).isEqualTo(2);

        // Minji cancels with the link from her email: her seats go to the first in line.
        List<SpecificRecord> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> publishedFor(eventId, Duration.ofMillis(300)), l -> l.size() >= 6);
        String cancellationUrl = published.stream().filter(e -> e instanceof kr.madang.events.registration.RegistrationConfirmed c
                        && c.getRegistrationId().equals(minji.text("id")))
                .map(e -> ((kr.madang.events.registration.RegistrationConfirmed) e).getCancellationUrl()).findFirst().orElseThrow();
        String cancelPath = cancellationUrl.substring("https://madang.test".length());
        Response preview = get(cancelPath, null);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("cancellable").asBoolean()).isTrue();
        Response cancelled = post(cancelPath, null, "{\"reason\":\"출장\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(post(cancelPath, null, null).status()).as("a used link cannot cancel twice").isEqualTo(409);
        Response promoted = get("/api/registrations/" + seojun.text("id"), jeju);
        assertThat(promoted.text("status")).isEqualTo("CONFIRMED");
        assertThat(get("/api/registrations/" + lateByStaff.text("id"), jeju).json().path("waitlistAhead").asInt()).isZero();
        JsonNode event = get("/api/events/" + eventId, jeju).json();
        assertThat(event.path("confirmed").asInt()).isEqualTo(2);
        assertThat(event.path("sessions").get(1).path("confirmed").asInt()).as("the ceremony seat was released").isZero();

        // Check-in over two days.
        clock.set(FIRST_DAY_MORNING);
        String code = promoted.text("checkInCode");
        Response door = post("/api/check-ins", TestTokens.checkinStaff(eventId), "{\"token\":\"" + code + "\"}");
        assertThat(door.status()).as(door.body()).isEqualTo(201);
        assertThat(door.text("result")).isEqualTo("CHECKED_IN");
        assertThat(door.text("day")).isEqualTo("2023-02-06");
        clock.set(FIRST_DAY_MORNING.plus(Duration.ofHours(2)));
        Response again = post("/api/check-ins", TestTokens.checkinStaff(eventId), "{\"token\":\"" + code + "\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("result")).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(again.text("checkedInAt")).isEqualTo("2023-02-06T09:30:00+09:00");
        clock.set(FIRST_DAY_MORNING.plus(Duration.ofDays(1)));
        assertThat(post("/api/check-ins", jeju, "{\"token\":\"" + code + "\"}").text("day")).isEqualTo("2023-02-07");
        Response notAnEventDay = post("/api/check-ins", TestTokens.checkinStaff(eventId), "{\"token\":\""
                + get("/api/registrations/" + maria.text("id"), hq).text("checkInCode") + "\",\"day\":\"2023-02-08\"}");
        assertThat(notAnEventDay.status()).isEqualTo(409);
        assertThat(notAnEventDay.text("reason")).isEqualTo("NOT_AN_EVENT_DAY");
        String minjisCode = published.stream().filter(e -> e instanceof kr.madang.events.registration.RegistrationConfirmed c
                        && c.getRegistrationId().equals(minji.text("id")))
                .map(e -> ((kr.madang.events.registration.RegistrationConfirmed) e).getCheckInCode()).findFirst().orElseThrow();
        Response cancelledCode = post("/api/check-ins", TestTokens.checkinStaff(eventId), "{\"token\":\"" + minjisCode + "\"}");
        assertThat(cancelledCode.status()).isEqualTo(409);
        assertThat(cancelledCode.text("reason")).isEqualTo("REGISTRATION_CANCELLED");
        Response foreign = post("/api/check-ins", TestTokens.checkinStaff(openEvent("JEJU", 5, false, false)), "{\"token\":\"" + code + "\"}");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.text("reason")).isEqualTo("WRONG_EVENT");

        // Lists, search and export.
        Response list = get("/api/events/" + eventId + "/registrations?status=CONFIRMED&sort=NAME", jeju);
        assertThat(list.json().path("total").asInt()).isEqualTo(2);
        assertThat(get("/api/events/" + eventId + "/registrations?checkedIn=true", jeju).json().path("items").get(0).path("id").asString())
                .isEqualTo(seojun.text("id"));
        assertThat(get("/api/events/" + eventId + "/registrations?q=mitic", jeju).json().path("total").asInt()).isEqualTo(1);
        assertThat(get("/api/events/" + eventId + "/registrations?q=%25", jeju).json().path("total").asInt()).as("% is searched literally").isZero();
        Response export = get("/api/events/" + eventId + "/registrations/export?reason=" + java.net.URLEncoder.encode("명단 확인용", java.nio.charset.StandardCharsets.UTF_8), jeju);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.bytes()).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(export.bytes(), StandardCharsets.UTF_8);
        assertThat(csv).contains("박서준").contains("'+503 7012 3456").contains("010-2345-6789");

        // Reschedule moves the sessions with the event and is announced.
        Response moved = post("/api/events/" + eventId + "/reschedule", hq,
                "{\"startsAt\":\"2023-02-13T13:00:00+09:00\",\"endsAt\":\"2023-02-14T18:00:00+09:00\",\"venue\":\"제주국제컨벤션센터\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("sessions").get(0).path("startsAt").asString()).isEqualTo("2023-02-13T13:30:00+09:00");

        // Erasure on request: the registration is cancelled, the next in line promoted, the data gone.
        Response erased = post("/api/registrations/" + maria.text("id") + "/erasure", hq, null);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().has("name")).isFalse();
        assertThat(erased.json().has("email")).isFalse();
        assertThat(erased.text("status")).isEqualTo("CANCELLED");
        assertThat(get("/api/registrations/" + lateByStaff.text("id"), jeju).text("status")).isEqualTo("CONFIRMED");
        assertThat(register(eventId, jeju, attendeeJson("Maria Lopez", "maria.lopez@mitic.gob.sv", "en")).status())
                .as("an erased registration no longer blocks its email").isEqualTo(201);

        // An approval event: the public waits, HQ decides.
        String approvalEvent = openEvent("JEJU", 5, true, true);
        Response pending = register(approvalEvent, null, attendeeJson("정하늘", "haneul.jung@etnews.com", "ko"));
        assertThat(pending.text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(post("/api/registrations/" + pending.text("id") + "/approve", hq, null).text("status")).isEqualTo("CONFIRMED");
        Response other = register(approvalEvent, null, attendeeJson("최지우", "jiwoo.choi@jejutp.or.kr", "ko"));
        assertThat(post("/api/registrations/" + other.text("id") + "/reject", jeju, "{\"reason\":\"정원 외\"}").text("status"))
                .isEqualTo("REJECTED");
        assertThat(post("/api/registrations/" + other.text("id") + "/approve", hq, null).status()).isEqualTo(409);

        // Lifecycle: close, complete; then retention erases everyone 90 days after the end.
        assertThat(post("/api/events/" + eventId + "/close", hq, null).text("status")).isEqualTo("CLOSED");
        clock.set(Instant.parse("2023-02-15T00:00:00Z"));
        assertThat(post("/api/events/" + eventId + "/complete", hq, null).text("status")).isEqualTo("COMPLETED");
        Response cancelCompleted = post("/api/events/" + eventId + "/cancel", hq, "{}");
        assertThat(cancelCompleted.status()).isEqualTo(409);
        assertThat(cancelCompleted.json().path("allowedActions").size()).isZero();
        clock.set(Instant.parse("2023-05-16T00:00:00Z"));
        assertThat(retention.run()).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select count(*) from registration where event_id = ?::uuid and (email is not null or phone is not null or name is not null)")
                .param(eventId).query(Long.class).single()).isZero();
        assertThat(retention.run()).as("nothing left to erase").isZero();

        List<SpecificRecord> all = await().atMost(Duration.ofSeconds(30)).until(() -> publishedFor(eventId, Duration.ofMillis(300)),
                l -> l.stream().filter(e -> e instanceof AttendeeDataErased).count() >= 5);
        assertThat(all).anyMatch(e -> e instanceof RegistrationCancelled c && c.getCancelledBy().equals("ATTENDEE"));
        assertThat(all).anyMatch(e -> e instanceof RegistrationPromoted p && p.getFromPosition() == 1);
        assertThat(all).anyMatch(e -> e instanceof AttendeeCheckedIn c && c.getDay().toString().equals("2023-02-07"));
        assertThat(all).anyMatch(e -> e instanceof ForumEventRescheduled r && "메종글래드 제주 크리스탈홀".equals(r.getPreviousVenue()));
        assertThat(all.stream().filter(e -> e instanceof AttendeeDataErased).map(e -> ((AttendeeDataErased) e).getReason()))
                .contains("REQUEST", "RETENTION");
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedFor(approvalEvent, Duration.ofMillis(300)),
                l -> l.stream().anyMatch(e -> e instanceof RegistrationRejected)); // a busy machine reads slowly

        String logs = output.getAll();
        assertThat(logs).contains(eventId); // the capture did see the service's logs
        // whole numbers, not 4-digit pieces: those turn up by chance in trace ids and UUIDs
        for (String personal : List.of("minji.kim@jeju.go.kr", "seojun.park", "maria.lopez", "mitic.gob.sv", "1012345678",
                "1234-5678", "2345-6789", "7012 3456", "70123456", "김민지", "박서준", "Maria Lopez", "경사로")) {
            assertThat(logs).as("logs mention " + personal).doesNotContain(personal);
        }
    }

    @Test
    void confirmationAndPromotionCarryTheSessionsTheAttendeeHoldsASeatIn() {
        String jeju = TestTokens.regionalOffice("JEJU");
        Response created = post("/api/events", jeju, """
                {"title":"제1회 디지털지역혁신포럼","titleEn":"1st Digital Regional Innovation Forum","region":"JEJU",
                 "venue":"메종글래드 제주 크리스탈홀","startsAt":"2023-02-06T13:00:00+09:00","endsAt":"2023-02-07T18:00:00+09:00",
                 "capacity":1,"selfRegistration":true,"approvalRequired":false,
                 "sessions":[{"kind":"KEYNOTE","title":"기조연설","titleEn":"Keynote","location":"크리스탈홀 A",
                              "startsAt":"2023-02-06T13:30:00+09:00","endsAt":"2023-02-06T14:30:00+09:00"},
                             {"kind":"ROUNDTABLE","title":"지역 데이터 전략 원탁회의","location":"세미나실 2",
                              "startsAt":"2023-02-07T10:00:00+09:00","endsAt":"2023-02-07T12:00:00+09:00"},
                             {"kind":"SIGNING_CEREMONY","title":"업무협약식","startsAt":"2023-02-06T16:00:00+09:00",
                              "endsAt":"2023-02-06T16:30:00+09:00"}]}
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String eventId = created.text("id");
        JsonNode sessions = created.json().path("sessions");
        String keynote = sessions.get(0).path("id").asString();
        String roundtable = sessions.get(1).path("id").asString();
        assertThat(post("/api/events/" + eventId + "/open", jeju, null).status()).isEqualTo(200);

        // chosen in the reverse order of their times: the event lists them by start
        Response first = register(eventId, jeju, attendeeJson("김민지", uniqueEmail("sess"), "ko")
                .replace("\"language\"", "\"sessionIds\":[\"" + roundtable + "\",\"" + keynote + "\"],\"language\""));
        assertThat(first.text("status")).as(first.body()).isEqualTo("CONFIRMED");
        Response second = register(eventId, jeju, attendeeJson("박서준", uniqueEmail("sess"), "ko")
                .replace("\"language\"", "\"sessionIds\":[\"" + keynote + "\"],\"language\""));
        assertThat(second.text("status")).isEqualTo("WAITLISTED");

        RegistrationConfirmed confirmed = (RegistrationConfirmed) await().atMost(Duration.ofSeconds(30))
                .until(() -> publishedFor(eventId, Duration.ofMillis(300)).stream()
                        .filter(e -> e instanceof RegistrationConfirmed c && c.getRegistrationId().equals(first.text("id")))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(confirmed.getSessions()).extracting(SessionSummary::getSessionId).containsExactly(keynote, roundtable);
        SessionSummary keynoteHeld = confirmed.getSessions().getFirst();
        assertThat(keynoteHeld.getTitle()).isEqualTo("기조연설");
        assertThat(keynoteHeld.getTitleEn()).isEqualTo("Keynote");
        assertThat(keynoteHeld.getRoom()).isEqualTo("크리스탈홀 A");
        assertThat(keynoteHeld.getStartsAt()).isEqualTo(Instant.parse("2023-02-06T04:30:00Z"));
        assertThat(keynoteHeld.getEndsAt()).isEqualTo(Instant.parse("2023-02-06T05:30:00Z"));
        assertThat(confirmed.getSessions().get(1).getTitleEn()).isNull();
        assertThat(confirmed.getSessions().get(1).getRoom()).isEqualTo("세미나실 2");

        // the first cancels: the second is promoted with the session they chose
        assertThat(post("/api/registrations/" + first.text("id") + "/cancel", jeju, "{\"reason\":\"출장\"}").status())
                .isEqualTo(200);
        RegistrationPromoted promoted = (RegistrationPromoted) await().atMost(Duration.ofSeconds(30))
                .until(() -> publishedFor(eventId, Duration.ofMillis(300)).stream()
                        .filter(e -> e instanceof RegistrationPromoted).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(promoted.getRegistrationId()).isEqualTo(second.text("id"));
        assertThat(promoted.getSessions()).extracting(SessionSummary::getSessionId).containsExactly(keynote);
        assertThat(promoted.getSessions().getFirst().getStartsAt()).isEqualTo(Instant.parse("2023-02-06T04:30:00Z"));

        // a registration that chose no session carries none
        String plainEvent = openEvent("JEJU", 5, true, false);
        Response plain = register(plainEvent, jeju, attendeeJson("Maria Lopez", uniqueEmail("sess"), "en"));
        RegistrationConfirmed plainConfirmed = (RegistrationConfirmed) await().atMost(Duration.ofSeconds(30))
                .until(() -> publishedFor(plainEvent, Duration.ofMillis(300)).stream()
                        .filter(e -> e instanceof RegistrationConfirmed c && c.getRegistrationId().equals(plain.text("id")))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(plainConfirmed.getSessions()).isNullOrEmpty();
    }
}
