package kr.madang.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kr.madang.events.Language;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.schemas.Topics;
import kr.madang.testing.SharedSmsProviders;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/**
 * AlimTalk (NHN Cloud v2.3 shape, WireMock) with its SMS/LMS fallback: delivered, not a KakaoTalk user (answered at
 * once or reported later), the vendor down until its circuit opens, the recipient's preference, and the vendor's
 * rules at template save. The AlimTalk version of registration-confirmed/ko exists only during each test.
 */
class AlimTalkIntegrationTests extends NotificationIntegrationTest {

    private static final String TEMPLATE = "/api/templates/registration-confirmed/ALIMTALK/ko";
    private static final String BODY = "{{name}}님, {{forumTitle}} 참가 등록이 확정되었습니다. 입장 코드: {{ticketCode}}";

    @BeforeEach
    void approvedAlimTalkTemplate() {
        saveTemplate(template(BODY, "MDG_CONFIRMED_01", List.of(Map.of("name", "티켓 보기", "link", "{{ticketUrl}}")), true))
                .expectStatus().isOk();
    }

    @AfterEach
    void withdrawAlimTalkTemplate() {
        // a new, inactive version: the other test classes see SMS for this event again
        saveTemplate(template(BODY, "MDG_CONFIRMED_01", List.of(), false)).expectStatus().isOk();
    }

    @Test
    void anAlimTalkTheVendorTakesIsSentWithTheApprovedTemplateAndDeliveredOnItsReport() {
        String phone = uniquePhone();
        UUID id = phoneMessageOf(confirmedWithPhone(phone));

        awaitStatus(id, "SENT");
        ALIMTALK.verify(1, postRequestedFor(urlPathEqualTo(AlimTalkStubs.PATH))
                .withHeader("X-Secret-Key", equalTo("dev-secret-key"))
                .withRequestBody(matchingJsonPath("$.senderKey", equalTo("dev-sender-key")))
                .withRequestBody(matchingJsonPath("$.templateCode", equalTo("MDG_CONFIRMED_01")))
                .withRequestBody(matchingJsonPath("$.recipientList[0].recipientNo", equalTo("0" + phone.substring(3))))
                .withRequestBody(matchingJsonPath("$.recipientList[0].recipientGroupingKey", equalTo(id.toString())))
                .withRequestBody(matchingJsonPath("$.recipientList[0].resendParameter.isResend", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.recipientList[0].buttons[0].type", equalTo("WL")))
                .withRequestBody(matchingJsonPath("$.recipientList[0].buttons[0].linkMo", matching("https?://\\S+")))
                .withRequestBody(matchingJsonPath("$.recipientList[0].content", equalTo(sentText(id)))));
        assertThat(smsTo(phone)).isEmpty();

        http.post().uri("/api/alimtalk/callbacks/nhn").header("X-Callback-Token", "wrong")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("messageId", id.toString(), "status", "DELIVERED"))
                .exchange().expectStatus().isUnauthorized();
        report(id, "DELIVERED", null);

        awaitStatus(id, "DELIVERED");
        JsonNode detail = get("/api/notifications/" + id, TestTokens.ops());
        assertThat(detail.get("notification").get("channel").asString()).isEqualTo("ALIMTALK");
        assertThat(detail.get("notification").get("provider").asString()).isEqualTo("alimtalk-nhn");
        assertThat(attemptsOf(detail)).containsExactly("ALIMTALK alimtalk-nhn ACCEPTED");
    }

    @Test
    void notAKakaoTalkUserAnsweredAtOnceIsTheSameTextBySmsOrLmsAsOneMessageWithBothAttempts() {
        AlimTalkStubs.notAKakaoTalkUser(ALIMTALK);
        String phone = uniquePhone();
        RegistrationConfirmed event = confirmedWithPhone(phone);
        UUID id = phoneMessageOf(event);

        awaitStatus(id, "SENT");
        assertThat(messagesOfSource(event.getHeader().getEventId())).as("one message, not one per channel").hasSize(1);
        JsonNode detail = get("/api/notifications/" + id, TestTokens.ops());
        assertThat(detail.get("notification").get("provider").asString()).isEqualTo("alpha");
        assertThat(attemptsOf(detail)).containsExactly("ALIMTALK alimtalk-nhn REFUSED", "SMS alpha ACCEPTED");
        assertThat(detail.get("attempts").get(0).get("detail").asString()).contains("3018").doesNotContain("5555");
        assertThat(smsTo(phone)).singleElement().satisfies(sms -> assertThat(sms.text()).isEqualTo(sentText(id)));
        String smsType = jdbc.sql("select sms_type from message where id = :id").param("id", id).query(String.class).single();
        ALPHA.verify(1, postRequestedFor(urlPathEqualTo(SmsStubs.ALPHA_PATH)).withHeader("Idempotency-Key", equalTo(id.toString()))
                .withRequestBody(matchingJsonPath("$.type", equalTo(smsType))));
    }

    @Test
    void notAKakaoTalkUserReportedLaterSendsTheSameTextBySmsAsASecondAttempt() {
        String phone = uniquePhone();
        UUID id = phoneMessageOf(confirmedWithPhone(phone));
        awaitStatus(id, "SENT");
        assertThat(smsTo(phone)).isEmpty();

        report(id, "FAILED", "3018");

        await().atMost(Duration.ofSeconds(20)).until(() -> smsTo(phone).size() == 1 && "SENT".equals(statusOf(id))
                && "alpha".equals(providerOf(id)));
        JsonNode detail = get("/api/notifications/" + id, TestTokens.ops());
        assertThat(detail.get("notification").get("attempts").asInt()).isEqualTo(2);
        assertThat(attemptsOf(detail)).containsExactly("ALIMTALK alimtalk-nhn ACCEPTED", "ALIMTALK alimtalk-nhn REPORTED_FAILED",
                "SMS alpha ACCEPTED");
        assertThat(smsTo(phone).getFirst().text()).isEqualTo(sentText(id));
        ALIMTALK.verify(1, postRequestedFor(urlPathEqualTo(AlimTalkStubs.PATH)));

        // the SMS provider's own report then completes the message
        http.post().uri("/api/sms/callbacks/alpha").header("X-Callback-Token", "dev-alpha-callback")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("messageId", id.toString(), "status", "DELIVERED"))
                .exchange().expectStatus().isNoContent();
        awaitStatus(id, "DELIVERED");
    }

    @Test
    void whenTheVendorIsDownEachMessageFallsBackAndOnceTheCircuitOpensTheVendorIsNotAskedAtAll() {
        AlimTalkStubs.down(ALIMTALK);
        List<UUID> ids = new ArrayList<>();
        // the breaker judges after its minimum of 4 calls (madang.alimtalk.breaker.minimum-calls)
        for (int i = 0; i < 4; i++) {
            UUID id = phoneMessageOf(confirmedWithPhone(uniquePhone()));
            awaitStatus(id, "SENT");
            ids.add(id);
        }
        assertThat(alimTalkGateway.circuitState()).isEqualTo("OPEN");
        assertThat(attemptsOf(get("/api/notifications/" + ids.getFirst(), TestTokens.ops())))
                .containsExactly("ALIMTALK alimtalk-nhn UNAVAILABLE", "SMS alpha ACCEPTED");

        UUID afterOpen = phoneMessageOf(confirmedWithPhone(uniquePhone()));
        awaitStatus(afterOpen, "SENT");

        assertThat(attemptsOf(get("/api/notifications/" + afterOpen, TestTokens.ops())))
                .containsExactly("ALIMTALK alimtalk-nhn SKIPPED", "SMS alpha ACCEPTED");
        ALIMTALK.verify(4, postRequestedFor(urlPathEqualTo(AlimTalkStubs.PATH)));
    }

    @Test
    void aRecipientWhoAskedForSmsInsteadGetsAnSms() {
        String phone = uniquePhone();
        http.put().uri("/api/opt-outs").header("Authorization", "Bearer " + TestTokens.ops())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("channel", "ALIMTALK", "address", phone))
                .exchange().expectStatus().is2xxSuccessful();

        UUID id = phoneMessageOf(confirmedWithPhone(phone));

        awaitStatus(id, "SENT");
        assertThat(jdbc.sql("select channel from message where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("SMS");
        ALIMTALK.verify(0, postRequestedFor(urlPathEqualTo(AlimTalkStubs.PATH)));
    }

    @Test
    void theVendorsRulesAreEnforcedAtSaveNamingTheField() {
        JsonNode noCode = refused(template(BODY, " ", List.of(), true));
        assertThat(noCode.get("field").asString()).isEqualTo("alimtalkTemplateCode");

        // 750 characters of text plus the name and the title at their declared maxima (100 and 200) is over 1,000,
        // though it is far under with the sample values
        JsonNode tooLong = refused(template("가".repeat(750) + "{{name}}{{forumTitle}}", "MDG_LONG", List.of(), true));
        assertThat(tooLong.get("field").asString()).isEqualTo("body");
        assertThat(tooLong.get("detail").asString()).contains("1000");

        List<Map<String, String>> six = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            six.add(Map.of("name", "버튼 " + i, "link", "https://madang.example.kr/" + i));
        }
        JsonNode tooManyButtons = refused(template(BODY, "MDG_BUTTONS", six, true));
        assertThat(tooManyButtons.get("field").asString()).isEqualTo("buttons");

        JsonNode badLink = refused(template(BODY, "MDG_LINK", List.of(Map.of("name", "열기", "link", "{{unknownUrl}}")), true));
        assertThat(badLink.get("field").asString()).isEqualTo("buttons[0].link");

        // nothing half-written: the live version is still the one approved before this test
        JsonNode live = get(TEMPLATE, TestTokens.ops()).get("current");
        assertThat(live.get("alimTalk").get("vendorTemplateCode").asString()).isEqualTo("MDG_CONFIRMED_01");
        assertThat(live.get("alimTalk").get("active").asBoolean()).isTrue();
    }

    @Test
    void aForumEventSwitchedToSmsOnlySendsItsTextsBySmsWithoutAskingTheVendorAndSwitchedBackByAlimTalk() {
        String forumEventId = UUID.randomUUID().toString();
        String firstPhone = uniquePhone();
        UUID first = phoneMessageOf(confirmedWithPhone(forumEventId, firstPhone));
        awaitStatus(first, "SENT");
        assertThat(channelOf(first)).as("no choice yet: AlimTalk").isEqualTo("ALIMTALK");

        JsonNode chosen = chooseTextChannel(forumEventId, "SMS");
        assertThat(chosen.get("channel").asString()).isEqualTo("SMS");
        String phone = uniquePhone();
        UUID smsOnly = phoneMessageOf(confirmedWithPhone(forumEventId, phone));
        awaitStatus(smsOnly, "SENT");
        assertThat(channelOf(smsOnly)).isEqualTo("SMS");
        assertThat(smsTo(phone)).hasSize(1);
        ALIMTALK.verify(0, postRequestedFor(urlPathEqualTo(AlimTalkStubs.PATH))
                .withRequestBody(matchingJsonPath("$.recipientList[0].recipientNo", equalTo("0" + phone.substring(3)))));

        chooseTextChannel(forumEventId, "ALIMTALK");
        String again = uniquePhone();
        UUID alimTalk = phoneMessageOf(confirmedWithPhone(forumEventId, again));
        awaitStatus(alimTalk, "SENT");
        assertThat(channelOf(alimTalk)).isEqualTo("ALIMTALK");
        assertThat(smsTo(again)).isEmpty();
        ALIMTALK.verify(1, postRequestedFor(urlPathEqualTo(AlimTalkStubs.PATH))
                .withRequestBody(matchingJsonPath("$.recipientList[0].recipientNo", equalTo("0" + again.substring(3)))));
    }

    @Test
    void anAlimTalkQueuedBeforeItsEventWasSwitchedToSmsOnlyGoesBySmsWhenSent() {
        String forumEventId = UUID.randomUUID().toString();
        UUID known = phoneMessageOf(confirmedWithPhone(forumEventId, uniquePhone()));
        awaitStatus(known, "SENT");
        String phone = uniquePhone();
        UUID queued = phoneMessageOf(confirmedWithPhone(forumEventId, phone));
        awaitStatus(queued, "SENT");
        // as if it had been waiting in the queue (e.g. for a retry) when ops switched the event
        chooseTextChannel(forumEventId, "SMS");
        jdbc.sql("update message set status = 'QUEUED', next_attempt_at = :at, status_version = status_version + 1 where id = :id")
                .param("id", queued).param("at", java.sql.Timestamp.from(clock.instant())).update();
        dispatchSignal.wake();

        await().atMost(Duration.ofSeconds(20)).until(() -> smsTo(phone).size() == 1 && "alpha".equals(providerOf(queued)));
        assertThat(channelOf(queued)).as("still one AlimTalk message, sent by its fallback").isEqualTo("ALIMTALK");
        ALIMTALK.verify(1, postRequestedFor(urlPathEqualTo(AlimTalkStubs.PATH))
                .withRequestBody(matchingJsonPath("$.recipientList[0].recipientNo", equalTo("0" + phone.substring(3)))));
    }

    @Test
    void aRecipientsOwnPreferenceForSmsWinsOverAnEventOnAlimTalk() {
        String forumEventId = UUID.randomUUID().toString();
        awaitStatus(phoneMessageOf(confirmedWithPhone(forumEventId, uniquePhone())), "SENT");
        chooseTextChannel(forumEventId, "ALIMTALK");
        String phone = uniquePhone();
        http.put().uri("/api/opt-outs").header("Authorization", "Bearer " + TestTokens.ops())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("channel", "ALIMTALK", "address", phone))
                .exchange().expectStatus().is2xxSuccessful();

        UUID id = phoneMessageOf(confirmedWithPhone(forumEventId, phone));
        awaitStatus(id, "SENT");
        assertThat(channelOf(id)).isEqualTo("SMS");
    }

    @Test
    void aBadTextChannelChoiceIsAProblemNamingTheFieldAndChangesNothing() {
        String forumEventId = UUID.randomUUID().toString();
        awaitStatus(phoneMessageOf(confirmedWithPhone(forumEventId, uniquePhone())), "SENT");
        String uri = "/api/forum-events/" + forumEventId + "/text-channel";
        for (Object body : List.of(Map.of("channel", "FAX"), Map.of("channel", " "), Map.of())) {
            String problem = http.put().uri(uri).header("Authorization", "Bearer " + TestTokens.ops())
                    .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(JSON.readTree(problem).get("field").asString()).isEqualTo("channel");
        }
        assertThat(jdbc.sql("select count(*) from forum_event_text_channel where forum_event_id = :id")
                .param("id", forumEventId).query(Integer.class).single()).isZero();
        http.put().uri("/api/forum-events/" + UUID.randomUUID() + "/text-channel")
                .header("Authorization", "Bearer " + TestTokens.ops()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("channel", "SMS")).exchange().expectStatus().isNotFound();
        http.put().uri(uri).header("Authorization", "Bearer " + TestTokens.regionalOffice("JEJU"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("channel", "SMS")).exchange().expectStatus().isForbidden();
        assertThat(get(uri, TestTokens.hqAdmin()).get("channel").asString()).isEqualTo("ALIMTALK");
    }

    // ---

    private static String uniquePhone() {
        return "+8210" + (20_000_000 + (int) (Math.random() * 79_999_999));
    }

    private static RegistrationConfirmed confirmedWithPhone(String phone) {
        return TestEvents.confirmed(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                TestEvents.contact("김민지", null, phone, Language.KO));
    }

    private static RegistrationConfirmed confirmedWithPhone(String forumEventId, String phone) {
        return TestEvents.confirmed(forumEventId, UUID.randomUUID().toString(),
                TestEvents.contact("김민지", null, phone, Language.KO));
    }

    private JsonNode chooseTextChannel(String forumEventId, String channel) {
        String body = http.put().uri("/api/forum-events/" + forumEventId + "/text-channel")
                .header("Authorization", "Bearer " + TestTokens.ops()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("channel", channel)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private String channelOf(UUID id) {
        return jdbc.sql("select channel from message where id = :id").param("id", id).query(String.class).single();
    }

    private UUID phoneMessageOf(RegistrationConfirmed event) {
        publish(Topics.REGISTRATION_EVENTS, event);
        return (UUID) awaitMessagesOfSource(event.getHeader().getEventId(), 1).getFirst().get("id");
    }

    private String sentText(UUID id) {
        return jdbc.sql("select body_text from message where id = :id").param("id", id).query(String.class).single();
    }

    private String providerOf(UUID id) {
        return jdbc.sql("select provider from message where id = :id").param("id", id).query(String.class).optional().orElse(null);
    }

    private static List<SharedSmsProviders.ReceivedSms> smsTo(String phone) {
        return SharedSmsProviders.received().stream().filter(sms -> phone.equals(sms.to())).toList();
    }

    private static List<String> attemptsOf(JsonNode detail) {
        List<String> attempts = new ArrayList<>();
        detail.get("attempts").forEach(a -> attempts.add(a.get("channel").asString() + " " + a.get("provider").asString()
                + " " + a.get("outcome").asString()));
        return attempts;
    }

    private void report(UUID id, String status, String reason) {
        Map<String, String> body = new HashMap<>(Map.of("messageId", id.toString(), "status", status));
        if (reason != null) {
            body.put("reason", reason);
        }
        http.post().uri("/api/alimtalk/callbacks/nhn").header("X-Callback-Token", "dev-alimtalk-callback")
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isNoContent();
    }

    private static Map<String, Object> template(String body, String code, List<Map<String, String>> buttons, boolean active) {
        return Map.of("body", body, "alimtalkTemplateCode", code, "buttons", buttons, "alimtalkActive", active);
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec saveTemplate(Map<String, Object> body) {
        return http.put().uri(TEMPLATE).header("Authorization", "Bearer " + TestTokens.ops())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private JsonNode refused(Map<String, Object> body) {
        String problem = saveTemplate(body).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(problem);
    }
}
