package kr.madang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import kr.madang.notification.template.TemplateCatalog;
import kr.madang.notification.template.TemplateRules;
import kr.madang.notification.template.TemplateSpec;
import kr.madang.notification.template.Channel;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

class TemplateApiIntegrationTests extends NotificationIntegrationTest {

    @Test
    void everyCodeHasASeededValidTemplateForEachOfItsChannelsInKoreanAndEnglish() {
        JsonNode list = get("/api/templates", TestTokens.ops());
        Set<String> present = new HashSet<>();
        for (JsonNode t : list) {
            present.add(t.get("code").asString() + "/" + t.get("channel").asString() + "/" + t.get("language").asString());
            TemplateSpec spec = TemplateCatalog.get(t.get("code").asString());
            assertThat(TemplateRules.check(spec, Channel.valueOf(t.get("channel").asString()),
                    t.hasNonNull("subject") ? t.get("subject").asString() : null, t.get("body").asString()))
                    .as(t.get("code").asString()).isEmpty();
        }
        for (TemplateSpec spec : TemplateCatalog.all()) {
            for (Channel channel : spec.channels()) {
                assertThat(present).contains(spec.code() + "/" + channel + "/ko", spec.code() + "/" + channel + "/en");
            }
        }
    }

    @Test
    void savingAddsAVersionAndBadTemplatesAreRefusedNamingTheField() {
        String uri = "/api/templates/agreement-renewed/EMAIL/en";
        JsonNode before = get(uri, TestTokens.ops());
        int version = before.get("current").get("version").asInt();
        String subject = before.get("current").get("subject").asString();
        String body = before.get("current").get("body").asString();

        JsonNode saved = put(uri, Map.of("subject", subject, "body", body + "\n\nWith thanks."), 200);
        assertThat(saved.get("version").asInt()).isEqualTo(version + 1);
        assertThat(get(uri, TestTokens.hqAdmin()).get("versions")).hasSizeGreaterThanOrEqualTo(2);

        JsonNode unknown = put(uri, Map.of("subject", subject, "body", "Dear {{name}}, your seat is {{seatNumber}}"), 422);
        assertThat(unknown.get("field").asString()).isEqualTo("body");
        assertThat(unknown.get("detail").asString()).contains("{{seatNumber}}");
        assertThat(put(uri, Map.of("body", "no subject"), 422).get("field").asString()).isEqualTo("subject");
        assertThat(put(uri, Map.of("subject", "x"), 400).toString()).contains("body");

        JsonNode tooLong = put("/api/templates/registration-confirmed/SMS/ko", Map.of("body", "가".repeat(1000) + "a"), 422);
        assertThat(tooLong.get("field").asString()).isEqualTo("body");
        assertThat(tooLong.get("detail").asString()).contains("2001 EUC-KR bytes");
        assertThat(get(uri, TestTokens.ops()).get("current").get("version").asInt()).as("nothing saved").isEqualTo(version + 1);

        put(uri, Map.of("subject", subject, "body", body), 200);
        http.put().uri(uri).header("Authorization", "Bearer " + TestTokens.regionalOffice("JEJU"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("subject", "s", "body", "b")).exchange().expectStatus().isForbidden();
    }

    @Test
    void aPreviewEscapesHtmlAndCountsSmsBytes() {
        String html = http.post().uri("/api/templates/registration-confirmed/EMAIL/ko/preview")
                .header("Authorization", "Bearer " + TestTokens.ops()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("values", Map.of("name", "<script>alert(1)</script>")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode preview = JSON.readTree(html);
        assertThat(preview.get("html").asString()).contains("&lt;script&gt;alert(1)&lt;/script&gt;님").doesNotContain("<script>");
        assertThat(preview.get("subject").asString()).isEqualTo("[디지털지역혁신포럼] 참가 등록이 확정되었습니다");

        JsonNode sms = JSON.readTree(http.post().uri("/api/templates/registration-confirmed/SMS/ko/preview")
                .header("Authorization", "Bearer " + TestTokens.ops()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", "가".repeat(45) + "1"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(sms.get("smsType").asString()).isEqualTo("LMS");
        assertThat(sms.get("smsBytes").asInt()).isEqualTo(91);

        http.get().uri("/api/templates/no-such-code/EMAIL/ko").header("Authorization", "Bearer " + TestTokens.ops())
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/templates/registration-confirmed/EMAIL/fr").header("Authorization", "Bearer " + TestTokens.ops())
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void editorsSavingOneTemplateAtOnceEachGetAVersionAndARepeatedSaveAddsNone() throws Exception {
        String uri = "/api/templates/agreement-expired/EMAIL/en";
        JsonNode live = get(uri, TestTokens.ops()).get("current");
        String subject = live.get("subject").asString();
        String body = live.get("body").asString();
        int before = live.get("version").asInt();
        int editors = 6;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> saves = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(editors)) {
            for (int i = 0; i < editors; i++) {
                String edited = body + "\n\nEdit " + i;
                saves.add(pool.submit(() -> {
                    start.await();
                    return put(uri, Map.of("subject", subject, "body", edited), 200).get("version").asInt();
                }));
            }
            start.countDown();
            java.util.Set<Integer> versions = new java.util.TreeSet<>();
            for (var save : saves) {
                versions.add(save.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(versions).as("each editor got a version of their own")
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(before + 1, before + editors).boxed().toList());
        } finally {
            int restored = put(uri, Map.of("subject", subject, "body", body), 200).get("version").asInt();
            assertThat(put(uri, Map.of("subject", subject, "body", body), 200).get("version").asInt())
                    .as("saving what is live already adds no version").isEqualTo(restored);
        }
    }

    private JsonNode put(String uri, Map<String, String> body, int status) {
        String response = http.put().uri(uri).header("Authorization", "Bearer " + TestTokens.ops())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(response);
    }
}
