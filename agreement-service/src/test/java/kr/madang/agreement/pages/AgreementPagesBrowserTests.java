package kr.madang.agreement.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import kr.madang.agreement.AgreementIntegrationTest;
import kr.madang.agreement.Api;
import kr.madang.agreement.Flows;
import kr.madang.agreement.Mous;
import kr.madang.platform.security.Roles;
import kr.madang.testing.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/** HQ's agreement pages and a party's signing page, in headless Chromium against the module's shared context. */
@AgreementIntegrationTest
class AgreementPagesBrowserTests {

    private static Browser browser;

    @LocalServerPort
    int port;
    Flows flows;

    @BeforeEach
    void setUp() {
        flows = new Flows(new Api(port));
        if (browser == null) {
            browser = Browser.open(port);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void aPartySignsFromItsLinkAndAnotherDeclinesAndHqSeesTheProgress() {
        // the first institution has no representative's name on file, only a title
        String id = flows.create(Mous.jeju().replaceFirst("\"representativeName\":\"대표 1\",", ""));
        browser.devSignIn(Roles.HQ_ADMIN, null, null);
        browser.go("/agreements/" + id);
        assertThat(browser.waitForText("서명 회람 시작")).contains("초안", "한국지방행정연구원");
        browser.click(By.xpath("//button[contains(., '서명 회람 시작')]"));
        assertThat(browser.waitForText("서명 회람을 시작했습니다")).contains("서명 회람 중");
        // HQ can copy each party's signing link from the page; rows are numbered, not all "1"
        assertThat(browser.driver().findElements(By.cssSelector("input.link")))
                .hasSize(9).allSatisfy(input -> assertThat(input.getAttribute("value")).contains("/sign/"));
        assertThat(browser.driver().findElements(By.xpath("//h2[contains(., '참여 기관')]/following::table[1]/tbody/tr/td[1]"))
                .stream().map(org.openqa.selenium.WebElement::getText).toList())
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        browser.click(By.cssSelector("button.copy"));
        assertThat(browser.waitForText("복사했습니다")).isNotEmpty();

        Map<String, String> links = flows.linksFromKafka(id, 1, 1);
        var tokens = links.values().iterator();
        String first = tokens.next();
        String second = tokens.next();

        // A party, no account: the link alone opens its page.
        browser.driver().manage().deleteAllCookies();
        browser.go("/sign/" + first);
        assertThat(browser.waitForText("이 버전에 서명")).contains("협력 사항", "서명 대기");
        // The browser's own check bypassed: the server refuses an empty name next to the field.
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('signerName').removeAttribute('required')");
        browser.click(By.xpath("//button[contains(., '이 버전에 서명')]"));
        assertThat(browser.waitForText("서명자 성명을 입력하세요.")).contains("입력 내용을 확인해 주세요");
        assertThat(browser.find(By.id("signerName")).getAttribute("aria-describedby")).isEqualTo("signerName-error");
        assertThat(browser.find(By.id("signerName")).getAttribute("aria-invalid")).isEqualTo("true");

        browser.type("signerName", "김원장").type("signerTitle", "원장");
        browser.click(By.xpath("//button[contains(., '이 버전에 서명')]"));
        assertThat(browser.waitForText("서명했습니다")).contains("서명 완료");
        browser.screenshot("agreement-signed-by-link");

        browser.go("/sign/" + second + "?lang=en");
        browser.waitForText("Decline to sign");
        browser.click(By.xpath("//button[normalize-space(.)='Decline']"));
        assertThat(browser.waitForText("Enter a reason.")).isNotEmpty();
        browser.type("reason", "제3조 문구 수정 필요");
        browser.click(By.xpath("//button[normalize-space(.)='Decline']"));
        assertThat(browser.waitForText("You declined")).isNotEmpty();

        browser.devSignIn(Roles.HQ_ADMIN, null, null);
        browser.go("/agreements?lang=ko");
        String list = browser.waitForText("서명 진행");
        assertThat(list).contains("협약");
        browser.go("/agreements/" + id);
        String page = browser.waitForText("변경 기록");
        assertThat(page).contains("서명함", "거절함", "제3조 문구 수정 필요", "재협의", "해시 체인이 온전합니다");
        // the history in Korean: no raw event names, states or party ids; no "null" for a missing name
        assertThat(page).contains("초안 작성 (v1)", "서명 회람 (v1)", "서명 거절 (v1)", "본부", "원장")
                .doesNotContain("party:", "Drafted", "CIRCULATING", "NEGOTIATION", "null");
        browser.screenshot("agreement-hq-page");
    }

    @Test
    void anAlteredLinkShowsAClearErrorAndOtherRolesAreRefused() {
        browser.driver().manage().deleteAllCookies();
        browser.go("/sign/not-a-token");
        assertThat(browser.waitForText("찾는 항목이 없습니다")).contains("404").doesNotContain("not valid", "does not exist");
        browser.devSignIn(Roles.OPS, null, null);
        browser.go("/agreements");
        assertThat(browser.waitForText("권한이 없습니다")).isNotEmpty();
    }
}
