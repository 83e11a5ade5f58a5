package kr.madang.notification.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import kr.madang.events.Language;
import kr.madang.notification.NotificationIntegrationTest;
import kr.madang.notification.TestEvents;
import kr.madang.platform.security.Roles;
import kr.madang.schemas.Topics;
import kr.madang.testing.SharedKafka;
import kr.madang.testing.browser.Browser;
import kr.madang.testing.browser.BrowserPerClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** Ops pages in headless Chromium against this module's shared test context. */
class OpsPagesBrowserTests extends NotificationIntegrationTest {

    @RegisterExtension
    static final BrowserPerClass browsers = new BrowserPerClass();
    private Browser browser;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @BeforeEach
    void openBrowser() {
        browser = browsers.at(port);
    }


    @Test
    void anOpsPageListsAMessageAndShowsItsAttempts() {
        String email = TestEvents.uniqueEmail("minji");
        String registrationId = UUID.randomUUID().toString();
        publish(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(UUID.randomUUID().toString(), registrationId,
                TestEvents.contact("김민지", email, null, Language.KO)));
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf("registrationId=" + registrationId).size() == 1
                && notificationsOf("registrationId=" + registrationId).get(0).get("status").asString().equals("SENT"));

        browser.devSignIn(Roles.OPS, null, null);
        browser.go("/ops/messages?registrationId=" + registrationId);
        String list = browser.waitForText("RegistrationConfirmed");
        assertThat(list).contains("발송 메시지", email.substring(0, 2) + "***@example.kr", "발송됨", "전체 1건");
        assertThat(list).as("addresses stay masked").doesNotContain(email);
        browser.screenshot("notification-messages");

        browser.click(By.cssSelector("tbody a"));
        String detail = browser.waitForText("발송 시도");
        assertThat(detail).contains("[디지털지역혁신포럼] 참가 등록이 확정되었습니다", registrationId, "접수됨", "이메일", "smtp");
        browser.screenshot("notification-message");

        browser.go("/ops/messages?registrationId=" + registrationId + "&lang=en");
        assertThat(browser.waitForText("Messages")).contains("Sent", "1 in all");
        browser.go("/ops/messages?lang=ko");
        assertThat(browser.waitForText("발송 메시지")).isNotEmpty();
    }

    @Test
    void aTemplatePreviewsAndAnEmptyBodyIsRefusedByTheServerNextToTheField() {
        browser.devSignIn(Roles.OPS, null, null);
        browser.go("/ops/templates");
        browser.waitForText("알림 템플릿");
        browser.go("/ops/templates/registration-confirmed/EMAIL/ko");
        assertThat(browser.waitForText("현재 버전 미리보기")).contains("registration-confirmed");

        WebElement body = browser.find(By.id("body"));
        // Bypass the browser's own check: the server must refuse on its own.
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].removeAttribute('required'); arguments[0].value='';", body);
        browser.click(By.cssSelector("button[value=save]"));
        String page = browser.waitForText("본문을 입력하세요.");
        assertThat(page).contains("입력 내용을 확인해 주세요");
        assertThat(browser.find(By.id("body")).getAttribute("aria-describedby")).isEqualTo("body-error");
        assertThat(browser.find(By.id("body-error")).getText()).isEqualTo("본문을 입력하세요.");
        browser.screenshot("notification-template-refused");

        browser.type("body", "{{unknownPlaceholder}} 안녕하세요");
        browser.click(By.cssSelector("button[value=preview]"));
        assertThat(browser.waitForText("입력 내용을 확인해 주세요")).contains("unknownPlaceholder");
    }

    @Test
    void aDeadLetterReplayShowsItsOutcomeInWordsInKoreanAndEnglish() {
        String key = "page-replay-" + UUID.randomUUID();
        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, key, "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        long id = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select id from dead_letter where record_key = :key order by id limit 1").param("key", key)
                .query(Long.class).optional(), java.util.Optional::isPresent).get();
        try {
            browser.devSignIn(Roles.OPS, null, null);
            browser.go("/ops/dead-letters/" + id + "?lang=ko");
            browser.waitForText("재처리 기록");
            browser.click(By.cssSelector("button.primary"));
            String replayed = browser.waitForText("원래 토픽에 다시 발행함");
            assertThat(replayed).contains("재처리 기록", "원래 토픽에 다시 발행").doesNotContain("REPUBLISH");
            assertThat(browser.axeViolations()).isEmpty();

            browser.go("/ops/dead-letters/" + id + "?lang=en");
            browser.waitForText("Replays");
            browser.click(By.cssSelector("button.primary"));
            String again = browser.waitForText("Republished to its topic");
            assertThat(again).contains("Republish to its topic").doesNotContain("REPUBLISHED", "원래 토픽");
            assertThat(browser.axeViolations()).isEmpty();
        } finally {
            browser.go("/ops/messages?lang=ko");
        }
    }

    @Test
    void aTemplatePreviewNamesTheRegionInTheTemplatesLanguage() {
        browser.devSignIn(Roles.OPS, null, null);
        try {
            browser.go("/ops/templates/registration-confirmed/EMAIL/ko?lang=ko");
            browser.waitForText("현재 버전 미리보기");
            browser.type("body", "{{region}} 지역 포럼 안내");
            browser.click(By.cssSelector("button[value=preview]"));
            assertThat(browser.waitForText("제주 지역 포럼 안내")).doesNotContain("JEJU");
            assertThat(browser.axeViolations()).isEmpty();

            browser.go("/ops/templates/registration-confirmed/EMAIL/en?lang=en");
            browser.type("body", "The forum in {{region}}");
            browser.click(By.cssSelector("button[value=preview]"));
            assertThat(browser.waitForText("The forum in Jeju")).doesNotContain("JEJU");
            assertThat(browser.axeViolations()).isEmpty();
        } finally {
            browser.go("/ops/messages?lang=ko");
        }
    }

    @Test
    void otherRolesAreRefusedAndAnonymousUsersAreSentToSignIn() {
        browser.driver().manage().deleteAllCookies();
        browser.go("/ops/dead-letters");
        assertThat(browser.waitForText("개발용 로그인")).contains("로그인");
        browser.devSignIn(Roles.REGIONAL_OFFICE, "JEJU", null);
        browser.go("/ops/dead-letters");
        assertThat(browser.waitForText("권한이 없습니다")).isNotEmpty();
        browser.devSignIn(Roles.HQ_ADMIN, null, null);
        browser.go("/ops/dead-letters");
        assertThat(browser.waitForText("데드 레터")).isNotEmpty();
        browser.screenshot("notification-dead-letters");
    }
}
