package kr.madang.notification.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import kr.madang.events.Language;
import kr.madang.notification.NotificationIntegrationTest;
import kr.madang.notification.TestEvents;
import kr.madang.platform.security.Roles;
import kr.madang.schemas.Topics;
import kr.madang.testing.browser.Browser;
import kr.madang.testing.browser.BrowserPerClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The per-forum-event text channel page (issue 17, item 4), in Korean and English. */
class EventChannelPagesBrowserTests extends NotificationIntegrationTest {

    @RegisterExtension
    static final BrowserPerClass browsers = new BrowserPerClass();
    private Browser browser;
    private String forumEventId;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @BeforeEach
    void aKnownForumEvent() {
        browser = browsers.at(port);
        forumEventId = UUID.randomUUID().toString();
        publish(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(forumEventId, UUID.randomUUID().toString(),
                TestEvents.contact("김민지", TestEvents.uniqueEmail("channel"), null, Language.KO)));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from forum_event where forum_event_id = :id")
                .param("id", forumEventId).query(Integer.class).single() == 1);
    }

    @Test
    void opsChooseSmsOnlyForOneEventInKorean() {
        browser.devSignIn(Roles.OPS, null, null);
        browser.go("/ops/messages");
        browser.click(By.linkText("행사별 문자 채널"));
        String list = browser.waitForText("행사별 문자 채널");
        assertThat(list).contains("제1회 디지털지역혁신포럼", "제주");
        assertThat(browser.axeViolations()).isEmpty();

        browser.go("/ops/forum-events/" + forumEventId);
        assertThat(browser.waitForText("문자 채널")).contains("기본값 (변경한 적 없음)", "카카오 알림톡 (실패 시 문자로 대체발송)");
        assertThat(browser.find(By.cssSelector("input[value=ALIMTALK]")).isSelected()).isTrue();
        assertThat(browser.axeViolations()).isEmpty();

        browser.click(By.cssSelector("input[value=SMS]"));
        browser.click(By.cssSelector("button[type=submit].primary"));
        assertThat(browser.waitForText("저장했습니다.")).doesNotContain("기본값 (변경한 적 없음)");
        assertThat(browser.find(By.cssSelector("input[value=SMS]")).isSelected()).isTrue();
        assertThat(browser.axeViolations()).isEmpty();
        assertThat(jdbc.sql("select channel from forum_event_text_channel where forum_event_id = :id")
                .param("id", forumEventId).query(String.class).single()).isEqualTo("SMS");
        browser.screenshot("notification-forum-event-channel");
    }

    @Test
    void aSubmissionWithoutAChoiceIsRefusedNextToTheFieldInEnglish() {
        browser.devSignIn(Roles.HQ_ADMIN, null, null);
        browser.go("/ops/forum-events?lang=en");
        assertThat(browser.waitForText("Text channel per event")).contains("1st Digital Regional Innovation Forum", "Jeju");
        assertThat(browser.axeViolations()).isEmpty();

        browser.go("/ops/forum-events/" + forumEventId + "?lang=en");
        assertThat(browser.waitForText("SMS/LMS only")).contains("KakaoTalk AlimTalk (SMS/LMS fallback)", "Default (never changed)");
        assertThat(browser.axeViolations()).isEmpty();

        // no radio checked, and a value the server must refuse on its own
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll('input[name=channel]').forEach(r => { r.checked = false; });"
                        + "const f = document.querySelector('form[method=post]'); const h = document.createElement('input');"
                        + "h.type = 'hidden'; h.name = 'channel'; h.value = 'FAX'; f.appendChild(h);");
        browser.click(By.cssSelector("button[type=submit].primary"));
        String page = browser.waitForText("Choose a text channel.");
        assertThat(browser.title()).startsWith("Error");
        assertThat(page).doesNotContain("Saved.");
        assertThat(browser.find(By.id("channel-error")).getText()).isEqualTo("Choose a text channel.");
        assertThat(browser.axeViolations()).isEmpty();
        assertThat(jdbc.sql("select count(*) from forum_event_text_channel where forum_event_id = :id")
                .param("id", forumEventId).query(Integer.class).single()).isZero();
    }

    @Test
    void otherRolesAreRefused() {
        browser.devSignIn(Roles.REGIONAL_OFFICE, "JEJU", null);
        browser.go("/ops/forum-events/" + forumEventId);
        assertThat(browser.waitForText("권한이 없습니다")).doesNotContain("카카오 알림톡");
    }
}
