package kr.madang.registration.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kr.madang.events.registration.ForumEventRescheduled;
import kr.madang.platform.security.Roles;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.browser.Browser;
import kr.madang.testing.browser.BrowserPerClass;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 16 items 1 and 12: HQ creates and runs a forum event from the pages only, a regional office registers an
 * attendee into a session, and the event's rules answer beside each field, in Korean and English.
 */
class EventPagesBrowserTests extends IntegrationTestBase {

    @RegisterExtension
    static final BrowserPerClass browsers = new BrowserPerClass();
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = browsers.at(port);
    }


    @Test
    void hqCreatesATwoDayEventWithThreeSessionsARegionalOfficeRegistersIntoASessionAndHqReschedulesIt() {
        String title = "제2회 디지털지역혁신포럼 " + UUID.randomUUID().toString().substring(0, 6);
        browser.devSignIn(Roles.HQ_ADMIN, null, null);
        browser.go("/events?lang=ko");
        browser.clickText("새 행사 만들기");
        browser.waitForText("행사명(한국어)");
        assertThat(browser.axeViolations()).as("axe-core on the empty event form (ko)").isEmpty();

        browser.type("title", title).type("titleEn", "2nd Digital Regional Innovation Forum")
                .select("region", "DAEGU_GYEONGBUK").type("venue", "포스코국제관").type("venueEn", "POSCO International Hall")
                .type("description", "경북 포항시 남구 청암로 77").type("capacity", "100")
                .type("hosts", "경상북도\n포항시").type("sponsors", "전자신문");
        dateTime("startsAt", "2027-04-20T09:30");
        dateTime("endsAt", "2027-04-21T18:00");
        session(0, "KEYNOTE", "기조연설", "Keynote", "2027-04-20T10:00", "2027-04-20T11:00", "");
        submit(By.xpath("//button[contains(., '세션 추가')]"));
        browser.waitForText("세션 2");
        session(1, "ROUNDTABLE", "지역 데이터 전략 라운드테이블", "Roundtable on regional data strategy",
                "2027-04-21T10:00", "2027-04-21T12:00", "30");
        submit(By.xpath("//button[contains(., '세션 추가')]"));
        browser.waitForText("세션 3");
        session(2, "SITE_VISIT", "포스코 체인지업 그라운드 현장 방문", "Site visit", "2027-04-21T14:00",
                "2027-04-21T16:00", "1");
        // a row added by mistake is removed again, and the rows typed before survive both round trips
        submit(By.xpath("//button[contains(., '세션 추가')]"));
        browser.waitForText("세션 4");
        submit(By.xpath("//button[contains(., '세션 4 빼기')]"));
        assertThat(browser.waitForText("세션 3")).doesNotContain("세션 4");
        assertThat(browser.find(By.id("sessions-0-title")).getAttribute("value")).isEqualTo("기조연설");
        assertThat(browser.find(By.id("sessions-2-capacity")).getAttribute("value")).isEqualTo("1");
        assertThat(browser.axeViolations()).as("axe-core on the filled event form (ko)").isEmpty();

        submit(By.id("create-event"));
        assertThat(browser.waitForText("행사를 만들었습니다")).contains(title, "준비 중", "포스코국제관", "대구·경북",
                "경상북도, 포항시", "전자신문", "기조연설", "지역 데이터 전략 라운드테이블", "0 / 1");
        String eventId = browser.currentPath().replaceAll("^/events/([0-9a-f-]{36}).*$", "$1");
        assertThat(jdbc.sql("select count(*) from forum_session where event_id = ?::uuid").param(eventId)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(browser.axeViolations()).as("axe-core on the new event's page (ko)").isEmpty();

        browser.clickText("등록 열기");
        browser.waitForText("등록을 엽니다");
        assertThat(browser.axeViolations()).as("axe-core on the open confirmation (ko)").isEmpty();
        browser.go("/events/" + eventId + "/manage/open?lang=en");
        browser.waitForText("Registration for this event will open");
        assertThat(browser.axeViolations()).as("axe-core on the open confirmation (en)").isEmpty();
        submit(By.xpath("//button[contains(., 'Confirm: open registration')]"));
        assertThat(browser.waitForText("Registration is open.")).contains("2nd Digital Regional Innovation Forum",
                "POSCO International Hall", "Keynote");
        assertThat(browser.axeViolations()).as("axe-core on the opened event's page (en)").isEmpty();
        browser.go("/events/" + eventId + "?lang=ko");
        assertThat(browser.waitForText("접수 중")).contains("일정 변경", "행사 취소", "등록 마감");

        // A regional office of the region sees the event, but not the buttons; the pages refuse it anyway.
        browser.devSignIn(Roles.REGIONAL_OFFICE, "DAEGU_GYEONGBUK", null);
        browser.go("/events/" + eventId + "?lang=ko");
        assertThat(browser.waitForText(title)).doesNotContain("일정 변경", "행사 취소");
        browser.go("/events/" + eventId + "/manage/reschedule");
        assertThat(browser.waitForText("권한이 없습니다")).doesNotContain("새 시작 일시");
        browser.go("/events/new");
        assertThat(browser.waitForText("권한이 없습니다")).doesNotContain("행사명(한국어)");

        browser.go("/events/" + eventId + "/register");
        browser.waitForText("참가할 세션");
        // a post made by hand (the form's own token, the office's own session) is refused by the server too
        Object refused = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const body = new URLSearchParams();
                const token = document.querySelector('input[name=_csrf]');
                if (token) body.append('_csrf', token.value);
                body.append('reason', 'not mine to cancel');
                fetch('/events/' + arguments[0] + '/manage/cancel', {method: 'POST', body: body, redirect: 'manual'})
                  .then(r => done(r.status)).catch(e => done(String(e)));
                """, eventId);
        assertThat(refused).isEqualTo(403L);
        assertThat(jdbc.sql("select status from forum_event where id = ?::uuid").param(eventId).query(String.class)
                .single()).isEqualTo("OPEN");
        assertThat(browser.text()).contains("남은 좌석 1석", "남은 좌석 30석", "좌석 제한 없음");
        assertThat(browser.axeViolations()).as("axe-core on the staff form with sessions (ko)").isEmpty();
        String email = uniqueEmail("seojun");
        browser.type("name", "박서준").type("email", email).type("organisation", "포항시").type("jobTitle", "주무관");
        browser.click(By.id("session-2"));
        browser.click(By.id("consent"));
        submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.waitForText("박서준님을 등록했습니다")).contains(email);
        assertThat(jdbc.sql("""
                select s.title from registration_session rs join registration r on r.id = rs.registration_id
                join forum_session s on s.id = rs.session_id where r.email = :e and rs.seated""").param("e", email)
                .query(String.class).list()).containsExactly("포스코 체인지업 그라운드 현장 방문");

        // the site visit is now full: offered no more, and the form says why
        browser.go("/events/" + eventId + "/register?lang=en");
        assertThat(browser.waitForText("Sessions to attend")).contains("Full: no seats left", "Roundtable on regional data strategy");
        assertThat(browser.find(By.id("session-2")).isEnabled()).isFalse();
        assertThat(browser.find(By.id("session-1")).isEnabled()).isTrue();
        assertThat(browser.axeViolations()).as("axe-core on the staff form with a full session (en)").isEmpty();

        // HQ moves the forum by a week from the page; a date typo is refused beside its field first.
        browser.devSignIn(Roles.HQ_ADMIN, null, null);
        browser.go("/events/" + eventId + "?lang=ko");
        browser.clickText("일정 변경");
        browser.waitForText("새 시작 일시");
        assertThat(browser.find(By.id("startsAt")).getAttribute("value")).startsWith("2027-04-20T09:30");
        assertThat(browser.axeViolations()).as("axe-core on the reschedule form (ko)").isEmpty();
        dateTime("startsAt", "2027-04-27T09:30");
        dateTime("endsAt", "2027-04-26T18:00");
        submit(By.id("confirm-action"));
        assertThat(browser.waitForText("입력 내용을 확인해 주세요")).contains("끝나는 일시는 시작 일시보다 뒤여야 합니다.");
        assertThat(browser.find(By.id("endsAt")).getAttribute("aria-describedby")).startsWith("endsAt-error");
        assertThat(browser.axeViolations()).as("axe-core on the refused reschedule (ko)").isEmpty();
        dateTime("endsAt", "2027-04-28T18:00");
        submit(By.id("confirm-action"));
        assertThat(browser.waitForText("일정을 바꿨습니다")).contains("2027-04-27 09:30 ~ 2027-04-28 18:00");
        assertThat(browser.axeViolations()).as("axe-core on the rescheduled event (ko)").isEmpty();

        List<SpecificRecord> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> publishedFor(eventId, Duration.ofMillis(300)),
                        l -> l.stream().anyMatch(e -> e instanceof ForumEventRescheduled));
        ForumEventRescheduled rescheduled = published.stream().filter(ForumEventRescheduled.class::isInstance)
                .map(ForumEventRescheduled.class::cast).findFirst().orElseThrow();
        assertThat(rescheduled.getPreviousStartsAt()).isEqualTo(Instant.parse("2027-04-20T00:30:00Z"));
        assertThat(rescheduled.getForumEvent().getStartsAt()).isEqualTo(Instant.parse("2027-04-27T00:30:00Z"));
    }

    @Test
    void badDatesCapacityAndASessionOutsideTheEventAreRefusedBesideTheirFieldsAndNothingIsSaved() {
        String title = "잘못 입력한 포럼 " + UUID.randomUUID().toString().substring(0, 6);
        browser.devSignIn(Roles.HQ_ADMIN, null, null);
        browser.go("/events/new?lang=ko");
        browser.waitForText("행사명(한국어)");
        bypassBrowserChecks();
        browser.type("title", title).select("region", "JEJU").type("venue", "제주대학교").type("capacity", "0");
        dateTime("startsAt", "2027-02-06T13:00");
        dateTime("endsAt", "2027-02-07T18:00");
        session(0, "KEYNOTE", "기조연설", "", "2027-02-06T14:00", "2027-02-06T15:00", "");
        submit(By.id("create-event"));
        assertThat(browser.waitForText("입력 내용을 확인해 주세요")).contains("1 이상 100,000 이하의 수로 입력하세요.");
        assertThat(browser.find(By.id("capacity")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("capacity-error")).getText()).contains("1 이상");
        assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo(title);
        assertThat(browser.axeViolations()).as("axe-core on the refused event form (ko)").isEmpty();

        bypassBrowserChecks();
        browser.type("capacity", "-5");
        submit(By.id("create-event"));
        assertThat(browser.waitForText("입력 내용을 확인해 주세요")).contains("1 이상 100,000 이하의 수로 입력하세요.");
        assertThat(browser.find(By.id("capacity")).getAttribute("value")).isEqualTo("-5");

        bypassBrowserChecks();
        browser.type("capacity", "50");
        dateTime("endsAt", "2027-02-05T18:00");
        submit(By.id("create-event"));
        assertThat(browser.waitForText("입력 내용을 확인해 주세요")).contains("끝나는 일시는 시작 일시보다 뒤여야 합니다.");
        assertThat(browser.find(By.id("endsAt-error")).getText()).contains("끝나는 일시");

        // the same in English: a session outside the event's dates is named on its own row
        browser.go("/events/new?lang=en");
        browser.waitForText("Title (Korean)");
        bypassBrowserChecks();
        browser.type("title", title).select("region", "JEJU").type("venue", "제주대학교").type("capacity", "50");
        dateTime("startsAt", "2027-02-06T13:00");
        dateTime("endsAt", "2027-02-07T18:00");
        session(0, "SITE_VISIT", "현장 방문", "Site visit", "2027-02-08T10:00", "2027-02-08T12:00", "");
        submit(By.id("create-event"));
        assertThat(browser.waitForText("The session must lie within the event's dates."))
                .doesNotContain("must lie within the event's startsAt");
        assertThat(browser.find(By.id("sessions-0-startsAt")).getAttribute("aria-describedby"))
                .startsWith("sessions-0-startsAt-error");
        assertThat(browser.axeViolations()).as("axe-core on the refused event form (en)").isEmpty();

        assertThat(jdbc.sql("select count(*) from forum_event where title = :t").param("t", title).query(Long.class)
                .single()).as("nothing saved").isZero();
    }

    @Test
    void cancellingAsksForAReasonFirst() {
        String eventId = openEvent("JEJU", 50, true, false);
        browser.devSignIn(Roles.HQ_ADMIN, null, null);
        browser.go("/events/" + eventId + "?lang=ko");
        browser.clickText("행사 취소");
        browser.waitForText("되돌릴 수 없으며");
        bypassBrowserChecks();
        submit(By.id("confirm-action"));
        assertThat(browser.waitForText("입력 내용을 확인해 주세요")).contains("취소 사유를 입력하세요.");
        assertThat(browser.axeViolations()).as("axe-core on the refused cancellation (ko)").isEmpty();
        assertThat(status(eventId)).isEqualTo("OPEN");
        browser.go("/events/" + eventId + "/manage/cancel?lang=en");
        browser.waitForText("Reason for cancelling");
        assertThat(browser.axeViolations()).as("axe-core on the cancel confirmation (en)").isEmpty();
        browser.type("reason", "Venue unavailable after the typhoon");
        submit(By.id("confirm-action"));
        assertThat(browser.waitForText("The event is cancelled.")).contains("Venue unavailable after the typhoon");
        assertThat(status(eventId)).isEqualTo("CANCELLED");
    }

    @Test
    void theSelfRegistrationFormOffersTheSessionsAndRegistersIntoTheChosenOne() {
        String eventId = created("""
                {"title":"세션 선택 포럼","titleEn":"Sessions forum","region":"JEJU","venue":"제주대학교",
                 "startsAt":"2027-02-06T13:00:00+09:00","endsAt":"2027-02-07T18:00:00+09:00","capacity":50,
                 "selfRegistration":true,"sessions":[
                  {"kind":"KEYNOTE","title":"기조연설","titleEn":"Keynote","startsAt":"2027-02-06T14:00:00+09:00","endsAt":"2027-02-06T15:00:00+09:00"},
                  {"kind":"SITE_VISIT","title":"현장 방문","titleEn":"Site visit","startsAt":"2027-02-07T10:00:00+09:00","endsAt":"2027-02-07T12:00:00+09:00","capacity":40}]}
                """);
        browser.driver().manage().deleteAllCookies();
        browser.go("/e/" + eventId + "?lang=en");
        assertThat(browser.waitForText("Sessions to attend")).contains("Keynote", "Site visit", "40 seats left", "No seat limit");
        assertThat(browser.axeViolations()).as("axe-core on the public form with sessions (en)").isEmpty();
        String email = uniqueEmail("maria");
        browser.type("name", "Maria Lopez").type("email", email);
        browser.click(By.id("session-1"));
        browser.click(By.id("consent"));
        submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.waitForText("Your place is confirmed")).contains("Short code");
        assertThat(browser.currentPath()).as("post/redirect/get to the ticket").startsWith("/ticket/");
        assertThat(jdbc.sql("""
                select s.title from registration_session rs join registration r on r.id = rs.registration_id
                join forum_session s on s.id = rs.session_id where r.email = :e""").param("e", email)
                .query(String.class).list()).containsExactly("현장 방문");
        browser.go("/e/" + eventId + "?lang=ko");
        assertThat(browser.waitForText("참가할 세션")).contains("남은 좌석 39석");
        assertThat(browser.axeViolations()).as("axe-core on the public form with sessions (ko)").isEmpty();
    }

    private String created(String json) {
        Response created = post("/api/events", kr.madang.testing.TestTokens.hqAdmin(), json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(post("/api/events/" + id + "/open", kr.madang.testing.TestTokens.hqAdmin(), "{}").status()).isEqualTo(200);
        return id;
    }

    private String status(String eventId) {
        return jdbc.sql("select status from forum_event where id = ?::uuid").param(eventId).query(String.class).single();
    }

    private void session(int row, String kind, String title, String titleEn, String startsAt, String endsAt,
                         String capacity) {
        String p = "sessions-" + row + "-";
        browser.select(p + "kind", kind);
        browser.type(p + "title", title);
        if (!titleEn.isEmpty()) {
            browser.type(p + "titleEn", titleEn);
        }
        dateTime(p + "startsAt", startsAt);
        dateTime(p + "endsAt", endsAt);
        if (!capacity.isEmpty()) {
            browser.type(p + "capacity", capacity);
        }
    }

    private void dateTime(String id, String value) {
        browser.setValue(id, value);
    }

    private void submit(By button) {
        browser.submit(button);
    }

    private void bypassBrowserChecks() {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))");
    }
}
