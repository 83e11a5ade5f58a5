package kr.madang.registration.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kr.madang.platform.security.Roles;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.links.AttendeeLinks;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.registration.ticket.ShortCodes;
import kr.madang.registration.ticket.TicketCodes;
import kr.madang.testing.TestTokens;
import kr.madang.testing.pages.PageWalker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16 item 5: every page this service serves to people, in Korean and English, as each role that sees it, with
 * demo-like data: no "null", raw enum names, ids or missing keys, and no words of the other language outside the
 * data's own values.
 */
class PageLanguageWalkTests extends IntegrationTestBase {

    /** The test data's own values and proper names: shown as they are in either language. */
    private static final List<String> DATA = List.of("제1회 디지털지역혁신포럼", "메종글래드 제주 크리스탈홀", "제주특별자치도",
            "한국IT서비스학회", "한국지방행정연구원", "전자신문", "김민지", "박서준", "주무관", "경사로 필요", "기조연설", "업무협약식",
            "현장 방문", "Jane Doe", "Ministry of Digital Economy", "Director", "1st Digital Regional Innovation Forum",
            "Maison Glad Jeju Crystal Hall", "Keynote", "MOU signing ceremony", "Site visit", "Madang", "마당",
            // the language switch names each language in itself
            "English", "한국어",
            // the import help names the CSV headers as a file must spell them
            "name, email, consent");

    /** Korean values that have an English one: an English page shows that (titleEn, venueEn, sessions' titleEn). */
    private static final List<String> HAS_ENGLISH = List.of("제1회 디지털지역혁신포럼", "메종글래드 제주 크리스탈홀", "기조연설",
            "업무협약식", "현장 방문");

    @Autowired
    ForumEventRepository events;
    @Autowired
    AttendeeLinks links;

    @Test
    void everyPageReadsInItsOwnLanguageForEveryRole() {
        clock.set(Instant.parse("2023-01-10T00:00:00Z"));
        Response created = post("/api/events", TestTokens.hqAdmin(), """
                {"title":"제1회 디지털지역혁신포럼","titleEn":"1st Digital Regional Innovation Forum","region":"JEJU",
                 "venue":"메종글래드 제주 크리스탈홀","venueEn":"Maison Glad Jeju Crystal Hall",
                 "startsAt":"2023-02-06T13:00:00+09:00","endsAt":"2023-02-07T18:00:00+09:00",
                 "registrationOpensAt":"2023-01-09T09:00:00+09:00","registrationClosesAt":"2023-02-03T18:00:00+09:00",
                 "capacity":2,"selfRegistration":true,"approvalRequired":false,
                 "hosts":["제주특별자치도","한국IT서비스학회"],"organisers":["한국지방행정연구원"],"sponsors":["전자신문"],
                 "sessions":[{"kind":"KEYNOTE","title":"기조연설","titleEn":"Keynote","startsAt":"2023-02-06T13:30:00+09:00","endsAt":"2023-02-06T14:30:00+09:00"},
                             {"kind":"SIGNING_CEREMONY","title":"업무협약식","titleEn":"MOU signing ceremony","startsAt":"2023-02-06T16:00:00+09:00","endsAt":"2023-02-06T16:30:00+09:00","capacity":1},
                             {"kind":"SITE_VISIT","title":"현장 방문","titleEn":"Site visit","startsAt":"2023-02-07T10:00:00+09:00","endsAt":"2023-02-07T12:00:00+09:00"}]}
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String eventId = created.text("id");
        assertThat(post("/api/events/" + eventId + "/open", TestTokens.hqAdmin(), "{}").status()).isEqualTo(200);
        String keynote = created.json().path("sessions").get(0).path("id").asString();
        Response minji = register(eventId, null, """
                {"name":"김민지","email":"%s","phone":"010-1234-5678","organisation":"제주특별자치도","jobTitle":"주무관",
                 "language":"ko","sessionIds":["%s"],"accessibility":{"wheelchair":true,"notes":"경사로 필요"},
                 "consent":{"accepted":true,"policyVersion":"2023-01"}}""".formatted(uniqueEmail("minji"), keynote));
        assertThat(minji.status()).as(minji.body()).isEqualTo(201);
        Response jane = register(eventId, null, """
                {"name":"Jane Doe","email":"%s","organisation":"Ministry of Digital Economy","jobTitle":"Director",
                 "attendeeType":"INTERNATIONAL_DELEGATE","language":"en","consent":{"accepted":true,"policyVersion":"2023-01"}}"""
                .formatted(uniqueEmail("jane")));
        assertThat(jane.status()).as(jane.body()).isEqualTo(201);
        Response waitlisted = register(eventId, TestTokens.regionalOffice("JEJU"), attendeeJson("박서준", uniqueEmail("seojun"), "ko"));
        assertThat(waitlisted.status()).as(waitlisted.body()).isEqualTo(201);
        clock.set(Instant.parse("2023-02-06T01:00:00Z")); // the door opens on the day
        assertThat(post("/api/check-ins", TestTokens.checkinStaff(eventId), "{\"token\":\"" + links.checkInCode(
                UUID.fromString(minji.text("id")), event(eventId)) + "\"}").status()).isLessThan(300);
        clock.set(Instant.parse("2023-01-10T00:00:00Z"));

        ForumEvent event = event(eventId);
        String minjiId = minji.text("id");
        String janeId = jane.text("id");
        String cancelUrl = links.cancellationUrl(UUID.fromString(janeId), event);
        String cancelToken = cancelUrl.substring(cancelUrl.lastIndexOf('/') + 1);
        String missing = UUID.randomUUID().toString();

        // the tickets' short codes are data too
        allowed = new ArrayList<>(DATA);
        for (String id : List.of(minjiId, janeId)) {
            allowed.add(ShortCodes.display(new TicketCodes(jdbc).find(UUID.fromString(id)).orElseThrow()));
        }
        // other tests' events share the lists: their Korean title or venue is what they have where no English exists
        allowed.addAll(jdbc.sql("select title from forum_event where coalesce(title_en, '') = ''"
                + " union select venue from forum_event where coalesce(venue_en, '') = ''").query(String.class).list());
        allowed.addAll(jdbc.sql("select title_en from forum_event where title_en is not null"
                + " union select venue_en from forum_event where venue_en is not null").query(String.class).list());
        List<String> findings = new ArrayList<>();
        PageWalker anonymous = new PageWalker(port);
        walk(findings, anonymous, 200, "/sign-in", "/e/" + eventId, links.ticketPath(UUID.fromString(minjiId), event),
                links.ticketPath(UUID.fromString(janeId), event), "/cancel/" + cancelToken);
        walk(findings, anonymous, 404, "/e/" + missing, "/ticket/not-a-ticket");

        PageWalker hq = new PageWalker(port).devSignIn(Roles.HQ_ADMIN, null, null);
        walk(findings, hq, 200, "/events", "/events/" + eventId, "/events/new", "/events/" + eventId + "/register",
                "/events/" + eventId + "/attendees", "/events/" + eventId + "/attendees?q=%EA%B9%80",
                "/events/" + eventId + "/attendees/" + minjiId + "/cancel", "/events/" + eventId + "/import",
                "/events/" + eventId + "/check-in", "/events/" + eventId + "/badges", "/access-log");
        for (String action : EventPages.ACTIONS) {
            walk(findings, hq, 200, "/events/" + eventId + "/manage/" + action);
        }
        // the list's CSV export (Korean headers, read back by the import) says statuses and types in words too
        PageWalker.Page csv = hq.send("GET", "/events/" + eventId + "/attendees.csv?reason=" + "%EC%A0%90%EA%B2%80%EC%9A%A9%20%EB%AA%85%EB%8B%A8",
                null, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.html()).contains("확정", "대기", "해외 대표단");
        PageWalker.findings(new PageWalker.Page("attendees.csv", 200, csv.html(), csv.html()), "ko", allowed, true).stream()
                .filter(f -> f.contains("raw enum name")).forEach(findings::add);
        walk(findings, hq, 404, "/events/" + missing, "/events/" + missing + "/attendees", "/events/" + eventId + "/manage/delete",
                "/no-such-page");
        walk(findings, hq, 405, "/events/" + eventId + "/import/confirm");

        PageWalker jeju = new PageWalker(port).devSignIn(Roles.REGIONAL_OFFICE, "JEJU", null);
        walk(findings, jeju, 200, "/events", "/events/" + eventId, "/events/" + eventId + "/register",
                "/events/" + eventId + "/attendees", "/events/" + eventId + "/import", "/events/" + eventId + "/check-in");
        walk(findings, jeju, 403, "/events/new", "/access-log");
        PageWalker busan = new PageWalker(port).devSignIn(Roles.REGIONAL_OFFICE, "BUSAN_GYEONGNAM", null);
        // another region's event is "not found" to an office: its existence is not told
        walk(findings, busan, 404, "/events/" + eventId + "/attendees", "/events/" + eventId);

        PageWalker door = new PageWalker(port).devSignIn(Roles.CHECKIN_STAFF, null, eventId);
        walk(findings, door, 200, "/events/" + eventId + "/check-in");

        assertThat(findings).isEmpty();
    }

    private ForumEvent event(String eventId) {
        return events.find(UUID.fromString(eventId)).orElseThrow();
    }

    private List<String> allowed = DATA;

    private void walk(List<String> findings, PageWalker walker, int status, String... paths) {
        for (String path : paths) {
            for (String lang : List.of("ko", "en")) {
                PageWalker.Page page = walker.get(path, lang);
                if (page.status() != status) {
                    findings.add(path + " [" + lang + "]: status " + page.status() + ", expected " + status);
                }
                // the events list holds other tests' events too, some with only a Korean venue like this one's
                List<String> data = lang.equals("en") && !path.equals("/events")
                        ? allowed.stream().filter(v -> !HAS_ENGLISH.contains(v)).toList() : allowed;
                PageWalker.findings(page, lang, data, false).stream()
                        // the access log shows each export's reason as staff typed it, in whatever language: data
                        .filter(f -> !(path.startsWith("/access-log") && f.contains(" page \"")))
                        .forEach(findings::add);
            }
        }
    }
}
