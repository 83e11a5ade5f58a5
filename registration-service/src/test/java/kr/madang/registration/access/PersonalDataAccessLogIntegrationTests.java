package kr.madang.registration.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * 개인정보의 안전성 확보조치 기준 Art. 8: a regional office lists, searches, opens and exports attendees, then one is
 * erased; each action is in the access log once, with the right account and people, and the entries outlive the
 * erasure without the person's name. The chain of entries shows an edit.
 */
class PersonalDataAccessLogIntegrationTests extends IntegrationTestBase {

    final String jeju = TestTokens.regionalOffice("JEJU");

    @Test
    void everyAccessOfARegionalOfficeIsRecordedOnceWithItsAccountAndPeopleAndOutlivesTheErasure() {
        String eventId = openEvent("JEJU", 10, true, false);
        String scope = "event:" + eventId;
        String minjiEmail = uniqueEmail("minji");
        String minji = register(eventId, jeju, attendeeJson("김민지", minjiEmail, "ko")).text("id");
        String seojun = register(eventId, jeju, attendeeJson("박서준", uniqueEmail("seojun"), "ko")).text("id");
        String maria = register(eventId, jeju, attendeeJson("Maria Lopez", uniqueEmail("maria"), "en")).text("id");

        assertThat(get("/api/events/" + eventId + "/registrations", jeju).status()).isEqualTo(200);
        assertThat(get("/api/events/" + eventId + "/registrations?q=" + URLEncoder.encode("김민지", StandardCharsets.UTF_8), jeju)
                .status()).isEqualTo(200);
        assertThat(get("/api/registrations/" + seojun, jeju).status()).isEqualTo(200);
        Response withoutReason = get("/api/events/" + eventId + "/registrations/export", jeju);
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.text("field") + withoutReason.body()).contains("reason");
        assertThat(get("/api/events/" + eventId + "/registrations/export?reason="
                + URLEncoder.encode("행사 전 명단 확인", StandardCharsets.UTF_8), jeju).status()).isEqualTo(200);
        assertThat(post("/api/registrations/" + minji + "/erasure", jeju, "").status()).isEqualTo(200);

        List<Map<String, Object>> entries = jdbc.sql("""
                select account, role, source_address, action, subject_ids, query, reason from personal_data_access
                where scope = ? order by id""").param(scope).query().listOfRows();
        assertThat(entries).extracting(e -> e.get("action"))
                .containsExactly("LIST", "SEARCH", "VIEW", "EXPORT", "ERASE");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("account")).isEqualTo("office-jeju");
            assertThat(e.get("role")).isEqualTo("REGIONAL_OFFICE@JEJU");
            assertThat(e.get("source_address")).isEqualTo("127.0.0.1");
        });
        assertThat(ids(entries.get(0))).containsExactlyInAnyOrder(minji, seojun, maria);
        assertThat(ids(entries.get(1))).containsExactly(minji);
        assertThat(entries.get(1).get("query")).as("the search text is masked").isEqualTo("q=김**&page=0");
        assertThat(ids(entries.get(2))).containsExactly(seojun);
        assertThat(ids(entries.get(3))).containsExactlyInAnyOrder(minji, seojun, maria);
        assertThat(entries.get(3).get("reason")).isEqualTo("행사 전 명단 확인");
        assertThat(ids(entries.get(4))).containsExactly(minji);

        // the person is gone from the registration, not from the log, and the log never held their name or email
        assertThat(jdbc.sql("select count(*) from registration where id = ?::uuid and email is not null").param(minji)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from personal_data_access t where strpos(t::text, ?) > 0 or strpos(t::text, ?) > 0")
                .params("김민지", minjiEmail).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from personal_data_access where strpos(subject_ids, ?) > 0").param(minji)
                .query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void hqReviewsTheMonthWithItsSummaryAndOthersMayNot() {
        String eventId = openEvent("JEJU", 10, true, false);
        register(eventId, jeju, attendeeJson("김민지", uniqueEmail("minji"), "ko"));
        register(eventId, jeju, attendeeJson("박서준", uniqueEmail("seojun"), "ko"));
        Response export = get("/api/events/" + eventId + "/registrations/export?reason=audit-sample", TestTokens.hqAdmin());
        assertThat(export.status()).isEqualTo(200);

        Response month = get("/api/access-log?action=EXPORT&account=hq-admin", TestTokens.hqAdmin());
        assertThat(month.status()).as(month.body()).isEqualTo(200);
        assertThat(month.json().path("chainIntact").asBoolean()).isTrue();
        assertThat(month.json().path("entries").valueStream().map(e -> e.path("scope").asString()))
                .contains("event:" + eventId);
        assertThat(month.json().path("summary").valueStream()
                .filter(s -> s.path("account").asString().equals("hq-admin") && s.path("action").asString().equals("EXPORT"))
                .mapToLong(s -> s.path("records").asLong()).sum()).isGreaterThanOrEqualTo(2);

        assertThat(get("/api/access-log", jeju).status()).isEqualTo(403);
        assertThat(get("/api/access-log", null).status()).isEqualTo(401);
        Response badMonth = get("/api/access-log?month=2026-13", TestTokens.hqAdmin());
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.body()).contains("month");
    }

    @Test
    void anEditedEntryBreaksTheChainAtThatEntry() {
        String eventId = openEvent("JEJU", 10, true, false);
        register(eventId, jeju, attendeeJson("김민지", uniqueEmail("minji"), "ko"));
        assertThat(get("/api/events/" + eventId + "/registrations", jeju).status()).isEqualTo(200);
        long id = jdbc.sql("select max(id) from personal_data_access where scope = ?").param("event:" + eventId)
                .query(Long.class).single();
        String account = jdbc.sql("select account from personal_data_access where id = ?").param(id).query(String.class).single();
        try {
            jdbc.sql("update personal_data_access set account = 'someone-else' where id = ?").param(id).update();
            Response month = get("/api/access-log", TestTokens.hqAdmin());
            assertThat(month.json().path("chainIntact").asBoolean()).isFalse();
            assertThat(month.json().path("firstBrokenEntry").asLong()).isLessThanOrEqualTo(id);
        } finally {
            jdbc.sql("update personal_data_access set account = ? where id = ?").params(account, id).update();
        }
        assertThat(get("/api/access-log", TestTokens.hqAdmin()).json().path("chainIntact").asBoolean()).isTrue();
    }

    private static List<String> ids(Map<String, Object> entry) {
        String ids = (String) entry.get("subject_ids");
        return ids.isEmpty() ? List.of() : List.of(ids.split(","));
    }
}
