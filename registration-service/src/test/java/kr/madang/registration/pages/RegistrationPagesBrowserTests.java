package kr.madang.registration.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import kr.madang.platform.security.Roles;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import kr.madang.testing.browser.Browser;
import kr.madang.testing.browser.BrowserPerClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** Staff and public registration pages in headless Chromium, against the module's one shared test context. */
class RegistrationPagesBrowserTests extends IntegrationTestBase {

    static final Instant FIRST_DAY_MORNING = Instant.parse("2023-02-06T00:30:00Z"); // 09:30 in Seoul
    static final Instant WEEKS_BEFORE = Instant.parse("2023-01-16T01:00:00Z"); // links of the 2023 forum still valid

    @RegisterExtension
    static final BrowserPerClass browsers = new BrowserPerClass();
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = browsers.at(port);
    }


    private void bypassBrowserChecks() {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))");
    }

    @Test
    void hqReviewsTheAccessLogOfTheMonthInKoreanAndEnglishAndARegionalOfficeCannotOpenIt() {
        String eventId = openEvent("JEJU", 50, true, false);
        register(eventId, TestTokens.regionalOffice("JEJU"), attendeeJson("김민지", uniqueEmail("log"), "ko"));
        assertThat(get("/api/events/" + eventId + "/registrations/export?reason=browser-check",
                TestTokens.regionalOffice("JEJU")).status()).isEqualTo(200);
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Seoul")).toString();

        browser.devSignIn(Roles.HQ_ADMIN, null, null);
        browser.go("/events");
        browser.clickText("접근 기록");
        assertThat(browser.waitForText("월간 요약")).contains("개인정보 접근 기록", "기록 사슬이 온전합니다", "내려받기",
                "office-jeju", "browser-check");
        browser.go("/access-log?month=" + month + "&action=EXPORT&lang=en");
        assertThat(browser.waitForText("Monthly summary")).contains("Personal-data access log", "Download", "office-jeju",
                "The chain of entries is intact");
        assertThat(browser.axeViolations()).as("axe-core on the English access log").isEmpty();
        // the check itself can fail: a page with an unlabelled image is one violation
        browser.driver().get("data:text/html,<html lang=en><head><title>t</title></head><body><main><img src=x></main></body></html>");
        assertThat(browser.axeViolations()).anySatisfy(v -> assertThat(v).startsWith("image-alt"));
        browser.go("/access-log?month=2026-13&lang=ko");
        assertThat(browser.waitForText("월간 요약")).contains("월을 2026-11 형식으로 입력해 주세요.");
        assertThat(browser.axeViolations()).as("axe-core on the Korean access log with a field error").isEmpty();

        browser.devSignIn(Roles.REGIONAL_OFFICE, "JEJU", null);
        browser.go("/access-log");
        assertThat(browser.text()).doesNotContain("월간 요약");
        // the header names the role and region in the page's language, not as constants
        browser.go("/events");
        assertThat(browser.waitForText("지역 사무소 · 제주")).doesNotContain("REGIONAL_OFFICE");
        browser.go("/events?lang=en");
        assertThat(browser.waitForText("Regional office")).doesNotContain("REGIONAL_OFFICE");
    }

    @Test
    void aRegionalOfficeRegistersAnAttendeeThroughTheFormAndFindsThemInTheList() {
        String eventId = openEvent("JEJU", 50, true, false);
        browser.devSignIn(Roles.REGIONAL_OFFICE, "JEJU", null);
        // other test classes add events to the same database: the new one is found by its link, on whichever page
        assertThat(eventCardInTheList(eventId)).contains("제1회 디지털지역혁신포럼", "확정 0 / 정원 50");
        browser.go("/events/" + eventId);
        assertThat(browser.waitForText("세션")).contains("제주특별자치도", "전자신문");
        browser.clickText("참가자 등록");

        // Bypass the browser's checks: the server answers with the API's messages next to each field.
        browser.waitForText("안내 언어");
        bypassBrowserChecks();
        browser.type("email", "not-an-email");
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitForText("입력 내용을 확인해 주세요");
        assertThat(browser.find(By.id("name")).getAttribute("aria-describedby")).isEqualTo("name-error");
        assertThat(browser.find(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("email-error")).getText()).isNotBlank();
        assertThat(browser.find(By.id("consent-error")).getText()).isNotBlank();
        browser.screenshot("registration-register-refused");

        String email = uniqueEmail("minji");
        browser.type("name", "김민지").type("email", email).type("phone", "010-1234-5678")
                .type("organisation", "제주특별자치도").type("jobTitle", "주무관");
        browser.click(By.id("consent"));
        browser.click(By.cssSelector("main form button[type=submit]"));
        String list = browser.waitForText("김민지님을 등록했습니다");
        assertThat(list).contains(email, "확정");

        browser.go("/events/" + eventId + "/attendees?q=" + "김민지");
        assertThat(browser.waitForText("모두 1명")).contains(email);
        browser.screenshot("registration-attendees");

        // Cancelling is never one click: a page names the attendee and asks for the reason (issue 16, item 6).
        browser.clickText("취소");
        assertThat(browser.waitForText("취소 사유")).contains("참가 등록 취소", "김민지", "되돌릴 수 없습니다");
        assertThat(status(email)).isEqualTo("CONFIRMED");
        assertThat(browser.axeViolations()).as("axe-core on the cancel confirmation").isEmpty();
        bypassBrowserChecks();
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.waitForText("취소 사유를 적어 주세요")).contains("입력 내용을 확인해 주세요");
        assertThat(browser.title()).startsWith("오류");
        assertThat(focusedId()).isEqualTo("error-summary");
        assertThat(status(email)).as("nothing cancelled without a reason").isEqualTo("CONFIRMED");
        assertThat(browser.axeViolations()).as("axe-core on the refused cancel confirmation").isEmpty();
        String confirmation = browser.currentPath();
        browser.go(confirmation.replaceFirst("\\?.*$", "") + "?lang=en");
        assertThat(browser.waitForText("Reason for cancelling")).contains("Cancel a registration", "cannot be undone");
        assertThat(browser.axeViolations()).as("axe-core on the English cancel confirmation").isEmpty();
        browser.type("reason", "본인 요청으로 취소");
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.go("/events/" + eventId + "/attendees?q=김민지&lang=ko");
        assertThat(browser.waitForText("모두 1명")).contains("취소됨");
        assertThat(status(email)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select cancel_reason from registration where email = :e").param("e", email)
                .query(String.class).single()).isEqualTo("본인 요청으로 취소");

        // Filters: the cancelled attendee is under "취소됨" and no longer under "확정".
        browser.go("/events/" + eventId + "/attendees");
        browser.select("status", "CANCELLED");
        browser.click(By.cssSelector("form[role=search] button[type=submit]"));
        assertThat(browser.waitForText("모두 1명")).contains(email);
        browser.select("status", "CONFIRMED");
        browser.click(By.cssSelector("form[role=search] button[type=submit]"));
        assertThat(browser.waitForText("조건에 맞는 참가자가 없습니다")).contains("모두 0명");
    }

    @Test
    void aCsvWithABadRowIsReportedRowByRowThenTheRestIsImported() throws Exception {
        String eventId = openEvent("JEJU", 50, false, false);
        String suffix = eventId.substring(0, 8);
        Path csv = Files.createTempFile("attendees-", ".csv");
        Files.writeString(csv, String.join("\r\n",
                "name,email,phone,organisation,jobTitle,attendeeType,language,consent",
                "김민지,minji." + suffix + "@jeju.go.kr,010-1234-5678,제주특별자치도,주무관,GENERAL,ko,Y",
                "이서연,not-an-email,010-3456-7890,제주대학교,교수,GENERAL,ko,Y",
                "박서준,seojun." + suffix + "@jeju.go.kr,010-2345-6789,제주연구원,연구위원,SPEAKER,ko,Y", ""),
                StandardCharsets.UTF_8);

        browser.devSignIn(Roles.REGIONAL_OFFICE, "JEJU", null);
        browser.go("/events/" + eventId + "/import");
        browser.waitForText("CSV 파일");
        bypassBrowserChecks();
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.waitForText("입력 내용을 확인해 주세요")).contains("CSV 파일을 고르세요");
        assertThat(browser.find(By.id("file")).getAttribute("aria-describedby")).startsWith("file-error");
        browser.find(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.click(By.cssSelector("main form button[type=submit]"));
        String report = browser.waitForText("행별 결과");
        assertThat(report).contains("전체 3행 중 등록 가능 2행, 오류 1행");
        assertThat(browser.find(By.xpath("//tbody/tr[td[1]='3']")).getText()).contains("오류", "이메일", "올바른 이메일 주소가 아닙니다");
        browser.screenshot("registration-import-dry-run");

        browser.clickText("2행 등록 확정");
        assertThat(browser.waitForText("2명을 등록했습니다")).contains("등록하지 않은 행: 1");
        assertThat(rowsOf(eventId)).isEqualTo(2);
        Files.deleteIfExists(csv);
    }

    @Test
    void doorStaffCheckSomeoneInTwiceAndAForgedCodeIsRefusedWithItsReason() {
        String eventId = openEvent("JEJU", 50, false, false);
        Response registered = register(eventId, TestTokens.regionalOffice("JEJU"),
                attendeeJson("박서준", uniqueEmail("seojun"), "ko"));
        String code = registered.text("checkInCode");
        clock.set(FIRST_DAY_MORNING);

        browser.devSignIn(Roles.CHECKIN_STAFF, null, eventId);
        assertThat(browser.waitForText("지금까지 입장 0명")).contains("현장 접수", "QR 코드");
        assertThat(browser.currentPath()).isEqualTo("/events/" + eventId + "/check-in");
        String title = jdbc.sql("select title from forum_event where id = ?::uuid").param(eventId).query(String.class).single();
        assertThat(browser.find(By.cssSelector(".door-event")).getText()).as("the door says which event it checks in for")
                .contains("이 문에서 접수하는 행사", title);
        browser.type("code", code);
        browser.click(By.cssSelector("#check-in-form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".result")).getText()).contains("입장 완료", "박서준");
        assertThat(browser.text()).contains("지금까지 입장 1명");
        browser.screenshot("registration-check-in-first");

        browser.type("code", code);
        browser.click(By.cssSelector("#check-in-form button[type=submit]"));
        // The page reloads with the answer: wait for it rather than read the previous page's result.
        assertThat(browser.waitForText("이미 입장함 (09:30)")).contains("박서준", "지금까지 입장 1명");
        browser.screenshot("registration-check-in-again");

        browser.type("code", code.substring(0, code.length() - 3) + "xyz");
        browser.click(By.cssSelector("#check-in-form button[type=submit]"));
        assertThat(browser.waitForText("입장할 수 없는 코드")).contains("다시 읽어 주세요", "지금까지 입장 1명");
        browser.screenshot("registration-check-in-refused");

        // A code of another event is refused at this door, and nobody is checked in to the other event either.
        String otherEvent = openEvent("JEJU", 50, false, false);
        String otherCode = register(otherEvent, TestTokens.regionalOffice("JEJU"),
                attendeeJson("이서연", uniqueEmail("seoyeon"), "ko")).text("checkInCode");
        browser.type("code", otherCode);
        browser.click(By.cssSelector("#check-in-form button[type=submit]"));
        assertThat(browser.waitForText("다른 행사의 코드입니다")).contains("입장할 수 없는 코드");
        assertThat(jdbc.sql("select count(*) from check_in c join registration r on r.id = c.registration_id "
                + "where r.event_id = :e").param("e", java.util.UUID.fromString(otherEvent)).query(Long.class).single())
                .isZero();

        // An empty code with the browser's check bypassed: the server says so next to the field.
        bypassBrowserChecks();
        browser.click(By.cssSelector("#check-in-form button[type=submit]"));
        assertThat(browser.waitForText("코드를 입력하세요")).contains("지금까지 입장 1명");
        assertThat(browser.find(By.id("code")).getAttribute("aria-describedby")).startsWith("code-error");
    }

    @Test
    void anAttendeeSelfRegistersSeesTheirQrCodeAndCancelsFromTheLink() {
        clock.set(WEEKS_BEFORE);
        String eventId = openEvent("JEJU", 50, true, false);
        browser.driver().manage().deleteAllCookies();
        browser.go("/e/" + eventId + "?lang=en");
        browser.waitForText("Language for messages");
        String email = uniqueEmail("maria");
        browser.type("name", "Maria Lopez").type("email", email).type("phone", "+503 7012 3456")
                .type("organisation", "MITIC El Salvador");
        browser.select("attendeeType", "INTERNATIONAL_DELEGATE");
        browser.click(By.cssSelector("input[name=language][value=en]"));
        browser.click(By.id("consent"));
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.waitForText("Your place is confirmed")).contains("Your check-in QR code", "Short code");
        assertThat(browser.currentPath()).startsWith("/ticket/");
        assertThat(browser.find(By.cssSelector("svg.qr")).isDisplayed()).isTrue();
        browser.screenshot("registration-self-registered");

        // The email's link is the API's address: a browser opening it lands on the cancellation page, in the
        // attendee's language even without the language cookie.
        String href = browser.find(By.id("cancel-link")).getAttribute("href");
        String token = href.substring(href.lastIndexOf('/') + 1);
        browser.driver().manage().deleteAllCookies();
        browser.go("/api/cancellations/" + token);
        browser.waitForText("Cancel your registration");
        assertThat(browser.currentPath()).isEqualTo("/cancel/" + token + "?lang=en");
        assertThat(browser.text()).contains("Maria Lopez", "1st Digital Regional Innovation Forum");
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.waitForText("Your registration is cancelled")).contains("Cancelled");
        browser.screenshot("registration-cancelled");
        assertThat(jdbc.sql("select status from registration where email = :e").param("e", email)
                .query(String.class).single()).isEqualTo("CANCELLED");
    }

    /**
     * Issue 16, items 2 and 14: a refused submit puts the focus on the error summary and says "오류" in the title; the
     * accepted one redirects to the ticket, which a reload shows again (no second POST, no 409) and which fits a
     * 390 px phone; door staff check the attendee in with the ticket's short code, and a second try says when.
     */
    @Test
    void anAttendeeSelfRegistersReloadsTheirTicketAndDoorStaffCheckThemInWithTheShortCode() {
        clock.set(WEEKS_BEFORE);
        String eventId = openEvent("JEJU", 50, true, false);
        browser.driver().manage().deleteAllCookies();
        browser.go("/e/" + eventId + "?lang=ko");
        browser.waitForText("안내 언어");
        bypassBrowserChecks();
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitForText("입력 내용을 확인해 주세요");
        assertThat(browser.title()).startsWith("오류");
        assertThat(focusedId()).isEqualTo("error-summary");
        assertThat(browser.axeViolations()).as("axe-core on the refused public form (ko)").isEmpty();
        browser.go("/e/" + eventId + "?lang=en");
        browser.waitForText("Language for messages");
        bypassBrowserChecks();
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitForText("Please check");
        assertThat(browser.title()).startsWith("Error");
        assertThat(focusedId()).isEqualTo("error-summary");
        assertThat(browser.axeViolations()).as("axe-core on the refused public form (en)").isEmpty();

        browser.go("/e/" + eventId + "?lang=ko");
        browser.waitForText("안내 언어");
        String email = uniqueEmail("jiho");
        browser.type("name", "최지호").type("email", email).type("phone", "010-2222-3333").type("organisation", "제주대학교");
        browser.click(By.id("consent"));
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.waitForText("참가가 확정되었습니다")).contains("참가 티켓", "입장 QR 코드", "짧은 코드",
                "메종글래드 제주 크리스탈홀", "2023-02-06 13:00");
        String ticketPath = browser.currentPath();
        assertThat(ticketPath).startsWith("/ticket/");
        String shortCode = browser.find(By.id("short-code")).getText();
        assertThat(shortCode).matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}");
        assertThat(shortCode.replace("-", "")).isEqualTo(jdbc.sql("""
                select t.code from ticket_code t join registration r on r.id = t.registration_id where r.email = :e
                """).param("e", email).query(String.class).single());
        // issue 17: the calendar file of the emails, served by notification-service, in the attendee's language
        org.openqa.selenium.WebElement calendar = browser.find(By.id("calendar-link"));
        assertThat(calendar.isDisplayed()).isTrue();
        assertThat(calendar.getText()).isEqualTo("일정 파일(.ics) 내려받기");
        String registrationId = jdbc.sql("select id::text from registration where email = :e").param("e", email)
                .query(String.class).single();
        assertThat(calendar.getAttribute("href")).startsWith("http://localhost:8083/api/calendar/k1." + registrationId
                + "." + eventId + ".ko.").doesNotContain("jiho").doesNotContain("최지호");
        assertThat(browser.text()).contains("내 캘린더에 추가");
        assertThat(browser.axeViolations()).as("axe-core on the ticket (ko)").isEmpty();

        browser.driver().navigate().refresh();
        assertThat(browser.waitForText("참가가 확정되었습니다")).contains(shortCode).doesNotContain("이미");
        assertThat(browser.currentPath()).isEqualTo(ticketPath);
        assertThat(jdbc.sql("select count(*) from registration where email = :e").param("e", email)
                .query(Long.class).single()).isEqualTo(1);

        browser.go(ticketPath.replaceFirst("\\?.*$", "") + "?lang=en");
        assertThat(browser.waitForText("Your place is confirmed")).contains("Your ticket", "Short code", shortCode,
                "1st Digital Regional Innovation Forum");
        assertThat(browser.find(By.id("calendar-link")).getText()).isEqualTo("Download the calendar file (.ics)");
        assertThat(browser.text()).contains("Add to your calendar", "same calendar file");
        assertThat(browser.axeViolations()).as("axe-core on the ticket (en)").isEmpty();

        org.openqa.selenium.Dimension before = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.driver().navigate().refresh();
            browser.waitForText("Your place is confirmed");
            Number viewport = (Number) js("return window.innerWidth");
            Number page = (Number) js("return document.documentElement.scrollWidth");
            assertThat(viewport.intValue()).isLessThanOrEqualTo(390);
            assertThat(page.intValue()).as("the ticket fits a 390 px phone").isLessThanOrEqualTo(viewport.intValue());
            browser.screenshot("registration-ticket-390");
        } finally {
            browser.driver().manage().window().setSize(before);
        }

        clock.set(FIRST_DAY_MORNING);
        browser.devSignIn(Roles.CHECKIN_STAFF, null, eventId);
        assertThat(browser.waitForText("지금까지 입장")).contains("QR 코드 또는 짧은 코드");
        browser.type("code", " " + shortCode.toLowerCase().replace("-", " ") + " ");
        browser.click(By.cssSelector("#check-in-form button[type=submit]"));
        assertThat(browser.find(By.cssSelector(".result")).getText()).contains("입장 완료", "최지호");
        assertThat(browser.axeViolations()).as("axe-core on the check-in by short code").isEmpty();
        browser.type("code", shortCode);
        browser.click(By.cssSelector("#check-in-form button[type=submit]"));
        assertThat(browser.waitForText("이미 입장함 (09:30)")).contains("최지호");
        assertThat(browser.axeViolations()).as("axe-core on the second try").isEmpty();
        browser.go("/events/" + eventId + "/check-in?lang=en");
        browser.type("code", shortCode);
        browser.click(By.cssSelector("#check-in-form button[type=submit]"));
        assertThat(browser.waitForText("09:30")).contains("최지호");
        assertThat(browser.axeViolations()).as("axe-core on the English check-in").isEmpty();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    private String focusedId() {
        return String.valueOf(js("return document.activeElement && document.activeElement.id"));
    }

    private String status(String email) {
        return jdbc.sql("select status from registration where email = :e").param("e", email).query(String.class).single();
    }

    @Test
    void anEventShowsItsSeatsAndTheListPagesFiltersAndExportsAsCsv() throws Exception {
        String eventId = openEvent("JEJU", 2, false, false);
        for (int i = 0; i < 28; i++) {
            String name = "김" + (char) ('가' + i * 28) + "준";
            Response r = register(eventId, TestTokens.regionalOffice("JEJU"), attendeeJson(name, uniqueEmail("p" + i), "ko"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        browser.devSignIn(Roles.REGIONAL_OFFICE, "JEJU", null);
        browser.go("/events/" + eventId);
        assertThat(browser.waitForText("확정 2 / 정원 2 · 대기 26")).contains("메종글래드 제주 크리스탈홀",
                "제주특별자치도, 한국IT서비스학회", "한국지방행정연구원", "전자신문");
        browser.screenshot("registration-event");

        browser.clickText("참가자 명단");
        assertThat(browser.waitForText("1 / 2 페이지 (전체 28건)")).contains("모두 28명");
        assertThat(browser.findAll(By.cssSelector("tbody tr"))).hasSize(25);
        browser.click(By.cssSelector("a[rel=next]"));
        browser.waitForText("2 / 2 페이지");
        assertThat(browser.findAll(By.cssSelector("tbody tr"))).hasSize(3);

        browser.select("status", "WAITLISTED");
        browser.click(By.cssSelector("form[role=search] button[type=submit]"));
        assertThat(browser.waitForText("모두 26명")).contains("#1");
        // The export is the filtered list, fetched with the page's own session as the browser would download it.
        // A download of personal data asks for its reason: the form carries the filter and the reason.
        String action = browser.find(By.cssSelector("form.export")).getAttribute("action");
        assertThat(browser.find(By.cssSelector("form.export input[name=status]")).getAttribute("value")).isEqualTo("WAITLISTED");
        String session = browser.driver().manage().getCookieNamed("registration-service-session").getValue();
        java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(action + "?status=WAITLISTED"))
                        .header("Cookie", "registration-service-session=" + session).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("내려받는 이유를 5자 이상");
        String href = action + "?status=WAITLISTED&reason="
                + java.net.URLEncoder.encode("명단 사전 확인", StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> csv = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(href)).header("Cookie", "registration-service-session=" + session).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().toList()).hasSize(27).allSatisfy(line -> assertThat(line).doesNotContain("확정"));
        assertThat(csv.body()).contains("이메일", "대기");

        // Pages never show up in the API's documentation.
        assertThat(get("/v3/api-docs", null).json().path("paths").propertyNames())
                .allSatisfy(path -> assertThat(path).startsWith("/api/"));
    }

    private long rowsOf(String eventId) {
        return jdbc.sql("select count(*) from registration where event_id = :id")
                .param("id", java.util.UUID.fromString(eventId)).query(Long.class).single();
    }

    /** The text of the event's card in the events list, paging through it (25 a page) until the card is there. */
    private String eventCardInTheList(String eventId) {
        By card = By.cssSelector("article.card:has(a[href$='/events/" + eventId + "'])");
        for (int page = 0; page < 40; page++) {
            browser.go("/events?page=" + page);
            browser.waitForText("제주 권역의 행사");
            var found = browser.driver().findElements(card);
            if (!found.isEmpty()) {
                return found.getFirst().getText();
            }
        }
        throw new AssertionError("Event " + eventId + " is on none of the first 40 pages of the events list");
    }
}
