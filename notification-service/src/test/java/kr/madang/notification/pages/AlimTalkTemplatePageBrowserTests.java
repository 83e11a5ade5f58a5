package kr.madang.notification.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import kr.madang.notification.NotificationIntegrationTest;
import kr.madang.platform.security.Roles;
import kr.madang.testing.TestTokens;
import kr.madang.testing.browser.Browser;
import kr.madang.testing.browser.BrowserPerClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.http.MediaType;

/** The template page of an AlimTalk template: its approved code and buttons, and the 1,000-character rule at save. */
class AlimTalkTemplatePageBrowserTests extends NotificationIntegrationTest {

    private static final String API = "/api/templates/registration-waitlisted/ALIMTALK/ko";
    private static final String PAGE = "/ops/templates/registration-waitlisted/ALIMTALK/ko";
    private static final String BODY = "{{name}}님, {{forumTitle}} 대기 {{waitlistPosition}}번으로 등록되었습니다.";

    @RegisterExtension
    static final BrowserPerClass browsers = new BrowserPerClass();
    private Browser browser;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @BeforeEach
    void openBrowserWithAnApprovedTemplate() {
        browser = browsers.at(port);
        save(true);
    }

    @AfterEach
    void withdraw() {
        save(false);
    }

    @Test
    void showsTheApprovedCodeAndButtonsAndRefusesABodyOverAThousandCharactersNextToTheField() {
        browser.devSignIn(Roles.OPS, null, null);
        browser.go(PAGE + "?lang=ko");
        String page = browser.waitForText("카카오 알림톡");
        assertThat(page).contains("승인된 템플릿 코드", "MDG_WAIT_01", "대기 취소", "{{cancellationUrl}}", "사용 중");
        assertThat(browser.axeViolations()).isEmpty();

        tooLongBodySaved();
        assertThat(browser.find(By.id("body")).getAttribute("aria-describedby")).isEqualTo("body-error");
        assertThat(browser.find(By.id("body-error")).getText()).contains("1000");
        assertThat(browser.axeViolations()).isEmpty();

        browser.go(PAGE + "?lang=en");
        assertThat(browser.waitForText("KakaoTalk AlimTalk")).contains("Approved template code", "MDG_WAIT_01", "In use");
        assertThat(browser.axeViolations()).isEmpty();
        tooLongBodySaved();
        assertThat(browser.find(By.id("body-error")).getText()).contains("1000");
        assertThat(browser.axeViolations()).isEmpty();

        // nothing was saved: the live version is still the approved one
        assertThat(get(API, TestTokens.ops()).get("current").get("body").asString()).isEqualTo(BODY);
    }

    private void tooLongBodySaved() {
        String longBody = "가".repeat(850) + "{{forumTitle}}"; // 850 + the title at its maximum of 200
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find(By.id("body")), longBody);
        browser.click(By.cssSelector("button[value=save]"));
        browser.waitForText("1000");
    }

    private void save(boolean active) {
        http.put().uri(API).header("Authorization", "Bearer " + TestTokens.ops()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", BODY, "alimtalkTemplateCode", "MDG_WAIT_01",
                        "buttons", List.of(Map.of("name", "대기 취소", "link", "{{cancellationUrl}}")), "alimtalkActive", active))
                .exchange().expectStatus().isOk();
    }
}
