package kr.madang.registration.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Badges of a Jeju forum over HTTP: the confirmed attendees each once (Hangul names and an English delegate exactly
 * as registered, from the embedded font), the cancelled one absent, order and type filter, who may print, bad
 * filters named, every print in the access log, and the door's reprint after check-in.
 */
class BadgesIntegrationTests extends IntegrationTestBase {

    static final Instant FIRST_DAY_MORNING = Instant.parse("2023-02-06T00:30:00Z"); // 09:30 in Seoul

    final String jeju = TestTokens.regionalOffice("JEJU");

    record Forum(String eventId, Map<String, String> ids) {
    }

    /** Six registrations, one of them cancelled; ids by name. */
    Forum jejuForum() {
        String eventId = openEvent("JEJU", 50, false, false);
        String[][] people = {
                {"김민지", "제주특별자치도", "주무관", "GENERAL", "ko"},
                {"박서준", "한국지방행정연구원", "연구위원", "SPEAKER", "ko"},
                {"이서연", "행정안전부", "차관", "VIP", "ko"},
                {"최도윤", "전자신문", "기자", "PRESS", "ko"},
                {"Maria Lopez", "Ministry of Interior, El Salvador", "Director", "INTERNATIONAL_DELEGATE", "en"},
                {"정하은", "제주대학교", "교수", "SPEAKER", "ko"},
        };
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String[] p : people) {
            Response r = register(eventId, jeju, """
                    {"name":"%s","email":"%s","phone":"010-1234-5678","organisation":"%s","jobTitle":"%s",
                     "attendeeType":"%s","language":"%s","consent":{"accepted":true,"policyVersion":"2023-01"}}
                    """.formatted(p[0], uniqueEmail("badge"), p[1], p[2], p[3], p[4]));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            ids.put(p[0], r.text("id"));
        }
        Response cancelled = post("/api/registrations/" + ids.get("정하은") + "/cancel", jeju, "{\"reason\":\"일정 변경\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        return new Forum(eventId, ids);
    }

    @Test
    void theRegionalOfficePrintsEveryConfirmedAttendeeOnceInTheEmbeddedFontAndTheAccessLogKeepsWho() throws IOException {
        Forum forum = jejuForum();
        long printsBefore = exports(forum.eventId());

        Response pdf = get("/api/events/" + forum.eventId() + "/badges", jeju);
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains("attachment", "badges-" + forum.eventId() + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String text = text(document);
            for (String name : List.of("김민지", "박서준", "이서연", "최도윤", "Maria Lopez")) {
                assertThat(BadgeSheetUnitTests.occurrences(text, name)).as(name).isEqualTo(1);
            }
            assertThat(text).doesNotContain("정하은", "제주대학교").contains("한국지방행정연구원", "연구위원");
            String minjiCode = jdbc.sql("select code from ticket_code where registration_id = ?::uuid")
                    .param(forum.ids().get("김민지")).query(String.class).single();
            assertThat(text).as("the ticket's short code under the QR, as door staff type it")
                    .contains(minjiCode.substring(0, 4) + "-" + minjiCode.substring(4));
            assertThat(text).as("no character was missing from the font (it would print as ?)").doesNotContain("?");
            assertThat(BadgeSheetUnitTests.fonts(document)).isNotEmpty()
                    .allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            // by name (the default): 가나다 order
            assertThat(order(text, "김민지", "박서준", "이서연", "최도윤")).isSorted();
        }

        List<Map<String, Object>> prints = jdbc.sql("""
                select account, action, subject_ids, query, reason from personal_data_access
                where scope = ? and action = 'EXPORT' order by id""").param("event:" + forum.eventId()).query().listOfRows();
        assertThat(prints).hasSize((int) printsBefore + 1);
        Map<String, Object> entry = prints.getLast();
        assertThat(entry.get("account")).isEqualTo("office-jeju");
        assertThat(entry.get("reason")).isEqualTo("name badges");
        assertThat(entry.get("query")).isEqualTo("format=A4_2X4&sort=NAME");
        assertThat(Arrays.asList(entry.get("subject_ids").toString().split(","))).containsExactlyInAnyOrder(
                forum.ids().get("김민지"), forum.ids().get("박서준"), forum.ids().get("이서연"), forum.ids().get("최도윤"),
                forum.ids().get("Maria Lopez"));
    }

    @Test
    void hqSortsByOrganisationAndPrintsOnlyTheTypesAskedOnLabels() throws IOException {
        Forum forum = jejuForum();
        Response byOrganisation = get("/api/events/" + forum.eventId() + "/badges?sort=ORGANISATION&format=LABEL_99X57",
                TestTokens.hqAdmin());
        assertThat(byOrganisation.status()).as(byOrganisation.body()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(byOrganisation.bytes())) {
            // 전자신문, 제주특별자치도, 한국지방행정연구원, 행정안전부
            assertThat(order(text(document), "최도윤", "김민지", "박서준", "이서연")).isSorted();
        }

        Response speakersAndVips = get("/api/events/" + forum.eventId() + "/badges?attendeeType=SPEAKER&attendeeType=VIP",
                TestTokens.hqAdmin());
        assertThat(speakersAndVips.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(speakersAndVips.bytes())) {
            String text = text(document);
            assertThat(text).contains("박서준", "이서연", "연사 · SPEAKER", "귀빈 · VIP / OFFICIAL")
                    .doesNotContain("김민지", "최도윤", "Maria Lopez", "정하은");
        }
        Response delegates = get("/api/events/" + forum.eventId() + "/badges?attendeeType=INTERNATIONAL_DELEGATE",
                TestTokens.hqAdmin());
        try (PDDocument document = Loader.loadPDF(delegates.bytes())) {
            assertThat(text(document)).contains("Maria Lopez", "Ministry of Interior, El Salvador")
                    .doesNotContain("김민지");
        }
    }

    @Test
    void anotherRegionsOfficeDoorStaffAndStrangersGetNoBadgesAndNothingIsLogged() {
        Forum forum = jejuForum();
        String path = "/api/events/" + forum.eventId() + "/badges";
        long before = exports(forum.eventId());
        // Another region's office is answered as for an event that does not exist (the module's rule: ids of other
        // regions cannot be probed), so 404 rather than 403.
        Response foreign = get(path, TestTokens.regionalOffice("BUSAN_GYEONGNAM"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("김민지");
        assertThat(get(path, TestTokens.checkinStaff(forum.eventId())).status()).isEqualTo(403);
        assertThat(get(path, null).status()).isEqualTo(401);
        assertThat(get("/api/events/" + UUID.randomUUID() + "/badges", TestTokens.hqAdmin()).status()).isEqualTo(404);
        assertThat(exports(forum.eventId())).isEqualTo(before);
    }

    @Test
    void aFilterOutsideTheChoicesIsAProblemNamingItsFieldAndPrintsNothing() {
        Forum forum = jejuForum();
        long before = exports(forum.eventId());
        for (String[] bad : new String[][]{{"attendeeType=KEYNOTE", "attendeeType"}, {"attendeeType=SPEAKER,nope", "attendeeType"},
                {"sort=AGE", "sort"}, {"format=A3", "format"}}) {
            Response refused = get("/api/events/" + forum.eventId() + "/badges?" + bad[0], jeju);
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.text("field")).as(bad[0]).isEqualTo(bad[1]);
        }
        assertThat(exports(forum.eventId())).isEqualTo(before);
    }

    @Test
    void doorStaffReprintTheBadgeOfSomeoneCheckedInAndOfNobodyElse() throws IOException {
        Forum forum = jejuForum();
        String maria = forum.ids().get("Maria Lopez");
        String door = TestTokens.checkinStaff(forum.eventId());
        String reprint = "/api/events/" + forum.eventId() + "/registrations/" + maria + "/badge";
        assertThat(get(reprint, door).status()).as("not checked in yet").isEqualTo(403);

        String code = get("/api/registrations/" + maria, jeju).text("checkInCode");
        clock.set(FIRST_DAY_MORNING);
        assertThat(post("/api/check-ins", door, "{\"token\":\"" + code + "\"}").status()).isEqualTo(201);
        long before = exports(forum.eventId());

        Response badge = get(reprint, door);
        assertThat(badge.status()).as(badge.body()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(badge.bytes())) {
            String text = text(document);
            assertThat(BadgeSheetUnitTests.occurrences(text, "Maria Lopez")).isEqualTo(1);
            assertThat(text).contains("해외 대표단 · INTERNATIONAL DELEGATE").doesNotContain("김민지", "박서준");
        }
        Map<String, Object> entry = jdbc.sql("""
                select account, subject_ids, reason from personal_data_access
                where scope = ? and action = 'EXPORT' order by id desc limit 1""")
                .param("event:" + forum.eventId()).query().singleRow();
        assertThat(exports(forum.eventId())).isEqualTo(before + 1);
        assertThat(entry.get("subject_ids")).isEqualTo(maria);
        assertThat(entry.get("reason")).isEqualTo("badge reprint at the door");

        // door staff of another event, a cancelled registration, a registration of another event
        String other = openEvent("JEJU", 10, false, false);
        assertThat(get(reprint, TestTokens.checkinStaff(other)).status()).isEqualTo(403);
        assertThat(get("/api/events/" + other + "/registrations/" + maria + "/badge", TestTokens.hqAdmin()).status())
                .isEqualTo(404);
        Response cancelled = get("/api/events/" + forum.eventId() + "/registrations/" + forum.ids().get("정하은") + "/badge",
                TestTokens.hqAdmin());
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.body()).doesNotContain("정하은");
        assertThat(get(reprint, TestTokens.regionalOffice("BUSAN_GYEONGNAM")).status()).isEqualTo(404);
        assertThat(exports(forum.eventId())).isEqualTo(before + 1);
    }

    private long exports(String eventId) {
        return jdbc.sql("select count(*) from personal_data_access where scope = ? and action = 'EXPORT'")
                .param("event:" + eventId).query(Long.class).single();
    }

    /** The text in the order the badges were laid out (content-stream order, not position). */
    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }

    private static List<Integer> order(String text, String... names) {
        return Arrays.stream(names).map(text::indexOf).peek(i -> assertThat(i).isNotNegative()).toList();
    }
}
