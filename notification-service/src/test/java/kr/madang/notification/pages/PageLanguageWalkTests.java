package kr.madang.notification.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kr.madang.events.Language;
import kr.madang.notification.NotificationIntegrationTest;
import kr.madang.notification.TestEvents;
import kr.madang.platform.security.Roles;
import kr.madang.schemas.Topics;
import kr.madang.testing.SharedKafka;
import kr.madang.testing.TestTokens;
import kr.madang.testing.pages.PageWalker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 item 5: the ops pages in Korean and English, as ops, HQ and a regional office, with a Korean and an
 * English attendee's messages and a dead letter: no "null", raw statuses, missing keys, and no words of the other
 * language outside the messages' own text (subjects and bodies as sent, templates as written).
 */
class PageLanguageWalkTests extends NotificationIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void everyOpsPageReadsInItsOwnLanguage() {
        String minji = UUID.randomUUID().toString();
        String jane = UUID.randomUUID().toString();
        publish(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(UUID.randomUUID().toString(), minji,
                TestEvents.contact("김민지", TestEvents.uniqueEmail("minji"), null, Language.KO)));
        publish(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(UUID.randomUUID().toString(), jane,
                TestEvents.contact("Jane Doe", TestEvents.uniqueEmail("jane"), null, Language.EN)));
        String poison = "poison-" + UUID.randomUUID();
        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, poison, "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        JsonNode minjiMessage = awaitOne("registrationId=" + minji);
        JsonNode janeMessage = awaitOne("registrationId=" + jane);
        long letter = await().atMost(Duration.ofSeconds(30)).until(() -> letterId(poison), id -> id > 0);

        // the messages' own text, as sent: data in either language
        List<String> allowed = new ArrayList<>(List.of("Madang", "마당", "English", "한국어", "김민지", "Jane Doe"));
        allowed.addAll(jdbc.sql("select distinct subject from message where subject is not null").query(String.class).list());
        allowed.addAll(jdbc.sql("select distinct subject from template where subject is not null").query(String.class).list());
        // bodies as written and as sent, line by line (the page keeps their lines)
        for (String body : jdbc.sql("select body from template union select body_text from message where body_text is not null")
                .query(String.class).list()) {
            body.lines().map(String::strip).forEach(allowed::add);
        }

        List<String> findings = new ArrayList<>();
        PageWalker ops = new PageWalker(port).devSignIn(Roles.OPS, null, null);
        walk(findings, allowed, ops, 200, "/ops/messages", "/ops/messages?registrationId=" + minji,
                "/ops/messages?status=SENT&channel=EMAIL", "/ops/messages?status=NOPE",
                "/ops/messages/" + minjiMessage.path("id").asString(), "/ops/messages/" + janeMessage.path("id").asString(),
                "/ops/templates", "/ops/templates/registration-confirmed/EMAIL/ko",
                "/ops/templates/registration-confirmed/EMAIL/en", "/ops/templates/registration-confirmed/SMS/ko",
                "/ops/dead-letters", "/ops/dead-letters?status=PENDING", "/ops/dead-letters/" + letter);
        walk(findings, allowed, ops, 404, "/ops/messages/" + UUID.randomUUID(), "/ops/dead-letters/999999999",
                "/ops/templates/no-such-template/EMAIL/ko", "/no-such-page");
        PageWalker hq = new PageWalker(port).devSignIn(Roles.HQ_ADMIN, null, null);
        walk(findings, allowed, hq, 200, "/ops/messages", "/ops/dead-letters");
        PageWalker office = new PageWalker(port).devSignIn(Roles.REGIONAL_OFFICE, "JEJU", null);
        walk(findings, allowed, office, 403, "/ops/messages", "/ops/templates", "/ops/dead-letters");
        walk(findings, allowed, new PageWalker(port), 200, "/sign-in");

        assertThat(findings).isEmpty();
    }

    private JsonNode awaitOne(String query) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(query),
                items -> items.size() == 1 && !items.get(0).path("status").asString().equals("QUEUED")).get(0);
    }

    private long letterId(String key) {
        for (JsonNode item : get("/api/dead-letters?size=500", TestTokens.ops()).get("items")) {
            if (item.has("key") && key.equals(item.get("key").asString())) {
                return item.get("id").asLong();
            }
        }
        return -1;
    }

    private static void walk(List<String> findings, List<String> allowed, PageWalker walker, int status, String... paths) {
        for (String path : paths) {
            for (String lang : List.of("ko", "en")) {
                PageWalker.Page page = walker.get(path, lang);
                if (page.status() != status) {
                    findings.add(path + " [" + lang + "]: status " + page.status() + ", expected " + status);
                }
                // ops act on ids (a registration's, a source event's) through the API: shown, deliberately
                findings.addAll(PageWalker.findings(page, lang, allowed, true));
            }
        }
    }
}
