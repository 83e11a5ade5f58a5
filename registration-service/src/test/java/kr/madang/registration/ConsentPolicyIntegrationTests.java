package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import kr.madang.registration.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 13, item 7 (PIPA Art. 15(2)): consent texts are versioned records, a registration points at one that exists,
 * and the public form shows purpose, items, retention, the right to refuse and what refusing means from that record.
 */
class ConsentPolicyIntegrationTests extends IntegrationTestBase {

    @Test
    void aSelfRegistrationUnderAPolicyNeverPublishedIsRefusedNamingTheFieldAndWritesNothing() {
        String eventId = openEvent("JEJU", 10, true, false);
        String json = attendeeJson("김민지", uniqueEmail("policy"), "ko").replace("\"2023-01\"", "\"2099-01\"");
        Response refused = register(eventId, null, json);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("field")).isEqualTo("consent.policyVersion");
        assertThat(jdbc.sql("select count(*) from registration where event_id = ?::uuid").param(eventId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void thePublicFormTellsWhatPipaArticle15AsksFromThePublishedRecordInThePageLanguage() {
        String eventId = openEvent("JEJU", 10, true, false);
        for (String language : List.of("ko", "en")) {
            List<String> texts = jdbc.sql("""
                    select purpose_%1$s, items_%1$s, retention_%1$s, right_to_refuse_%1$s, refusal_consequence_%1$s
                    from consent_policy where version = '2023-01'
                    """.formatted(language)).query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getString(5))).single();
            Response page = get("/e/" + eventId + "?lang=" + language, null);
            assertThat(page.status()).isEqualTo(200);
            String html = HtmlUtils.htmlUnescape(page.body());
            assertThat(texts).allSatisfy(text -> assertThat(html).as(language).contains(text));
        }
    }
}
