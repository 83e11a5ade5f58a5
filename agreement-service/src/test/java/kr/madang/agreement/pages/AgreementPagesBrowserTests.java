package kr.madang.agreement.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import kr.madang.agreement.AgreementIntegrationTest;
import kr.madang.agreement.AgreementTopic;
import kr.madang.agreement.Api;
import kr.madang.agreement.Flows;
import kr.madang.agreement.Mous;
import kr.madang.events.agreement.SigningReminderDue;
import kr.madang.platform.security.Roles;
import kr.madang.testing.browser.Browser;
import kr.madang.testing.browser.BrowserPerClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/** HQ's agreement pages and a party's signing page, in headless Chromium against the module's shared context. */
@AgreementIntegrationTest
class AgreementPagesBrowserTests {

    @RegisterExtension
    static final BrowserPerClass browsers = new BrowserPerClass();
    private Browser browser;

    @LocalServerPort
    int port;
    Flows flows;

    @BeforeEach
    void setUp() {
        flows = new Flows(new Api(port));
        browser = browsers.at(port);
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
    void theDemoLikeMouPageShowsRepresentativesStepsKoreanHistoryAndHqResendsALinkAndDownloadsTheDocument() {
        // nine institutions, each with its representative's name and title, as the local stack's demo MOU
        String id = flows.create(Mous.jeju());
        assertThat(flows.circulate(id).status()).isEqualTo(200);
        Map<String, String> links = flows.linksFromKafka(id, 1, 1);
        String firstParty = links.keySet().iterator().next();
        assertThat(flows.signByLink(links.get(firstParty), "김서명").status()).isEqualTo(200);

        browser.devSignIn(Roles.HQ_ADMIN, null, null);
        browser.go("/agreements/" + id + "?lang=ko");
        String page = browser.waitForText("변경 기록");
        assertThat(page).contains("대표 1 · 원장", "대표 9 · 원장").doesNotContain("null");
        assertThat(cells("참여 기관", 1)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(browser.axeViolations()).isEmpty();

        // HQ emails the second party its link again, from the page
        int remindersBefore = AgreementTopic.eventsOf(id, SigningReminderDue.class).size();
        browser.click(By.xpath("(//button[contains(@class, 'resend')])[1]"));
        page = browser.waitForText("서명 링크를 이메일로 다시 보냈습니다");
        assertThat(browser.axeViolations()).isEmpty();
        SigningReminderDue resent = await().atMost(Duration.ofSeconds(20)).until(
                () -> AgreementTopic.eventsOf(id, SigningReminderDue.class),
                list -> list.size() > remindersBefore).getLast();
        assertThat(resent.getRecipients()).singleElement().satisfies(p -> {
            assertThat(p.getPartyId()).isNotEqualTo(firstParty);
            assertThat(p.getSigningUrl()).contains("/sign/");
        });

        // the history in Korean words: events, states and institutions, never raw names or ids
        assertThat(cells("변경 기록", 4)).contains("초안 작성 (v1)", "서명 회람 (v1)", "서명 (v1)", "서명 링크 재발송 (v1)");
        assertThat(cells("변경 기록", 5)).contains("초안", "서명 회람 중");
        assertThat(cells("변경 기록", 3)).contains("본부", party(id, firstParty).path("institution").asString());
        assertThat(page).doesNotContain("party:", "Drafted", "Circulated", "DRAFT", "CIRCULATING", "SigningReminderDue");

        // "협약서 내려받기" is a file download, through the page's sign-in
        String disposition = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(document.querySelector('a.download').href).then(r => done(r.headers.get('content-disposition')));
                """);
        // named after the title (RFC 5987), with an ASCII name for older clients
        assertThat(disposition).startsWith("attachment").contains("filename=\"agreement-v1.txt\"")
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("디지털 혁신", java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .endsWith("%20v1.txt");

        browser.go("/agreements/" + id + "?lang=en");
        page = browser.waitForText("History");
        assertThat(page).contains("Signing link sent again (v1)", "Email it again", "대표 1 · 원장")
                .doesNotContain("서명 회람 중", "재발송", "null");
        assertThat(browser.axeViolations()).isEmpty();

        // the party's page names its representative; its document is a download too
        String second = links.get(resent.getRecipients().getFirst().getPartyId());
        browser.driver().manage().deleteAllCookies();
        browser.go("/sign/" + second + "?lang=ko");
        String representative = party(id, resent.getRecipients().getFirst().getPartyId()).path("representativeName")
                .asString() + " · 원장";
        assertThat(browser.waitForText("이 버전에 서명")).contains("대표자", representative);
        assertThat(browser.axeViolations()).isEmpty();
        browser.go("/sign/" + second + "?lang=en");
        assertThat(browser.waitForText("Representative")).contains(representative);
        assertThat(browser.axeViolations()).isEmpty();
        assertThat(new Api(port).get("/api/signing/" + second + "/document", null).header("Content-Disposition"))
                .startsWith("attachment");
    }

    @Test
    void anInvalidLinkIsExplainedInThePagesLanguage() {
        browser.driver().manage().deleteAllCookies();
        browser.go("/sign/not-a-token?lang=ko");
        assertThat(browser.waitForText("이 서명 링크는 유효하지 않습니다")).doesNotContain("this signing link is not valid");
        assertThat(browser.axeViolations()).isEmpty();
        browser.go("/sign/not-a-token?lang=en");
        assertThat(browser.waitForText("This signing link is not valid")).doesNotContain("유효하지");
        assertThat(browser.axeViolations()).isEmpty();
    }

    private tools.jackson.databind.JsonNode party(String id, String partyId) {
        for (tools.jackson.databind.JsonNode p : flows.get(id).path("parties")) {
            if (p.path("id").asString().equals(partyId)) {
                return p;
            }
        }
        throw new AssertionError("no party " + partyId);
    }

    /** The texts of one column of the table that follows a heading. */
    private java.util.List<String> cells(String heading, int column) {
        return browser.driver().findElements(By.xpath("//h2[contains(., '" + heading + "')]/following::table[1]/tbody/tr/td["
                + column + "]")).stream().map(org.openqa.selenium.WebElement::getText).toList();
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
