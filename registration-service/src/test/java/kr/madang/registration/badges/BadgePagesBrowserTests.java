package kr.madang.registration.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import kr.madang.platform.security.Roles;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import kr.madang.testing.browser.Browser;
import kr.madang.testing.browser.BrowserPerClass;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The badge form of the event page and the reprint on the check-in page, in headless Chromium, Korean and English. */
class BadgePagesBrowserTests extends IntegrationTestBase {

    static final Instant FIRST_DAY_MORNING = Instant.parse("2023-02-06T00:30:00Z"); // 09:30 in Seoul

    @RegisterExtension
    static final BrowserPerClass browsers = new BrowserPerClass();
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = browsers.at(port);
    }


    private String registerSpeaker(String eventId, String name) {
        Response r = register(eventId, TestTokens.regionalOffice("JEJU"), """
                {"name":"%s","email":"%s","phone":"010-1234-5678","organisation":"제주대학교","jobTitle":"교수",
                 "attendeeType":"SPEAKER","language":"ko","consent":{"accepted":true,"policyVersion":"2023-01"}}
                """.formatted(name, uniqueEmail("badge-page")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("checkInCode");
    }

    /** Downloads what the page links to with the browser's own session (headless Chromium saves files silently). */
    private Response download(String path) {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return send("GET", path, null, null, null, Map.of("Cookie", cookies));
    }

    private String formUrl() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                const form = document.getElementById('badges-form');
                return new URL(form.action).pathname + '?' + new URLSearchParams(new FormData(form));""");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aRegionalOfficeChoosesSpeakersOnLabelsFromTheEventPageInKoreanAndEnglish() throws IOException {
        String eventId = openEvent("JEJU", 50, false, false);
        registerSpeaker(eventId, "정하은");
        register(eventId, TestTokens.regionalOffice("JEJU"), attendeeJson("김민지", uniqueEmail("badge-page"), "ko"));

        browser.devSignIn(Roles.REGIONAL_OFFICE, "JEJU", null);
        browser.go("/events/" + eventId);
        browser.clickText("명찰 인쇄");
        assertThat(browser.waitForText("용지")).contains("명찰 인쇄", "A4 명찰 라벨지 10칸", "소속순", "연사",
                "개인정보 접근 기록");
        assertThat(browser.axeViolations()).as("axe-core on the Korean badge form").isEmpty();
        browser.screenshot("registration-badges-form");
        browser.click(By.cssSelector("input[name=format][value=LABEL_99X57]"));
        browser.click(By.cssSelector("input[name=attendeeType][value=SPEAKER]"));
        browser.select("sort", "ORGANISATION");
        String url = formUrl();
        assertThat(url).isEqualTo("/events/" + eventId + "/badges.pdf?format=LABEL_99X57&sort=ORGANISATION&attendeeType=SPEAKER");
        Response pdf = download(url);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(text(pdf.bytes())).contains("정하은", "연사 · SPEAKER").doesNotContain("김민지");

        browser.go("/events/" + eventId + "/badges?lang=en");
        assertThat(browser.waitForText("Paper")).contains("Name badges", "name-badge label sheet", "By organisation",
                "Speaker", "Choose none to print every type.");
        assertThat(browser.axeViolations()).as("axe-core on the English badge form").isEmpty();
    }

    @Test
    void aTamperedFilterComesBackAsAFieldErrorOnTheFormInBothLanguages() {
        String eventId = openEvent("JEJU", 50, false, false);
        browser.devSignIn(Roles.REGIONAL_OFFICE, "JEJU", null);
        browser.go("/events/" + eventId + "/badges.pdf?attendeeType=KEYNOTE&lang=ko");
        assertThat(browser.waitForText("입력 내용을 확인해 주세요")).contains("참가 유형을 목록에서 고르세요.");
        assertThat(browser.find(By.id("attendeeType-error")).getText()).isEqualTo("참가 유형을 목록에서 고르세요.");
        assertThat(browser.axeViolations()).as("axe-core on the Korean form with an error").isEmpty();
        browser.go("/events/" + eventId + "/badges.pdf?sort=AGE&lang=en");
        assertThat(browser.waitForText("Choose an order from the list.")).contains("Name badges");
        assertThat(browser.axeViolations()).as("axe-core on the English form with an error").isEmpty();
        assertThat(download("/events/" + eventId + "/badges.pdf?format=A3").status()).isEqualTo(400);

        // door staff have no badge form
        browser.devSignIn(Roles.CHECKIN_STAFF, null, eventId);
        browser.go("/events/" + eventId + "/badges");
        assertThat(browser.text()).doesNotContain("용지");
    }

    @Test
    void doorStaffReprintTheBadgeOfThePersonJustCheckedIn() throws IOException {
        String eventId = openEvent("JEJU", 50, false, false);
        String code = registerSpeaker(eventId, "박서준");
        clock.set(FIRST_DAY_MORNING);

        browser.devSignIn(Roles.CHECKIN_STAFF, null, eventId);
        browser.waitForText("지금까지 입장 0명");
        assertThat(browser.findAll(By.id("reprint-badge"))).as("nobody checked in yet").isEmpty();
        browser.type("code", code);
        browser.click(By.cssSelector("#check-in-form button[type=submit]"));
        assertThat(browser.waitForText("명찰 다시 인쇄 (PDF)")).contains("입장 완료", "박서준");
        assertThat(browser.axeViolations()).as("axe-core on the Korean check-in result").isEmpty();
        browser.screenshot("registration-check-in-reprint");
        String href = browser.find(By.id("reprint-badge")).getAttribute("href");
        Response badge = download(java.net.URI.create(href).getPath());
        assertThat(badge.status()).isEqualTo(200);
        assertThat(text(badge.bytes())).contains("박서준", "제주대학교", "연사 · SPEAKER");

        browser.go("/events/" + eventId + "/check-in?lang=en");
        browser.type("code", code);
        browser.click(By.cssSelector("#check-in-form button[type=submit]"));
        assertThat(browser.waitForText("Reprint badge (PDF)")).contains("박서준");
        assertThat(browser.axeViolations()).as("axe-core on the English check-in result").isEmpty();
    }
}
