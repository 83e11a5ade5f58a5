package kr.madang.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import kr.madang.platform.security.Roles;
import kr.madang.testing.SharedMailServer;
import kr.madang.testing.browser.Browser;
import kr.madang.testing.browser.BrowserPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Issue 16's first acceptance, end to end and in a browser only: HQ creates a two-day forum with three sessions and
 * opens it, a regional office of the region registers an attendee into a session, HQ moves the forum by a week, and
 * the attendee's email (sent by notification-service, received by the SMTP server) says so. No API call.
 */
class RescheduleJourneyEndToEndTests {

    @RegisterExtension
    static final BrowserPerClass browsers = new BrowserPerClass();

    @Test
    void hqCreatesAndOpensAForumAnOfficeRegistersIntoASessionHqReschedulesAndTheAttendeesEmailSaysSo() throws Exception {
        MadangSystem madang = MadangSystem.start();
        Browser browser = browsers.at(Integer.parseInt(madang.registration.substring(madang.registration.lastIndexOf(':') + 1)));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String title = "제3회 디지털지역혁신포럼 " + tag;

        browser.devSignIn(Roles.HQ_ADMIN, null, null);
        browser.go("/events/new?lang=ko");
        browser.waitForText("행사명(한국어)");
        browser.type("title", title).type("titleEn", "3rd Digital Regional Innovation Forum " + tag)
                .select("region", "DAEGU_GYEONGBUK").type("venue", "포스코국제관").type("venueEn", "POSCO International Hall")
                .type("capacity", "100").type("hosts", "경상북도\n포항시");
        browser.setValue("startsAt", "2027-04-20T09:30").setValue("endsAt", "2027-04-21T18:00");
        session(browser, 0, "KEYNOTE", "기조연설", "2027-04-20T10:00", "2027-04-20T11:00");
        browser.submit(By.xpath("//button[contains(., '세션 추가')]"));
        browser.waitForText("세션 2");
        session(browser, 1, "ROUNDTABLE", "지역 데이터 전략 라운드테이블", "2027-04-21T10:00", "2027-04-21T12:00");
        browser.submit(By.xpath("//button[contains(., '세션 추가')]"));
        browser.waitForText("세션 3");
        session(browser, 2, "SITE_VISIT", "포스코 체인지업 그라운드 현장 방문", "2027-04-21T14:00", "2027-04-21T16:00");
        browser.submit(By.id("create-event"));
        assertThat(browser.waitForText("행사를 만들었습니다")).contains(title, "기조연설", "지역 데이터 전략 라운드테이블",
                "포스코 체인지업 그라운드 현장 방문");
        String eventId = browser.currentPath().replaceAll("^/events/([0-9a-f-]{36}).*$", "$1");
        browser.clickText("등록 열기");
        browser.waitForText("등록을 엽니다");
        browser.submit(By.id("confirm-action"));
        browser.waitForText("접수 중");

        // the regional office of the region registers an attendee into the roundtable
        String email = "seojun-" + tag + "@pohang.go.kr";
        browser.devSignIn(Roles.REGIONAL_OFFICE, "DAEGU_GYEONGBUK", null);
        browser.go("/events/" + eventId + "/register?lang=ko");
        browser.waitForText("참가할 세션");
        browser.type("name", "박서준").type("email", email).type("organisation", "포항시").type("jobTitle", "주무관");
        browser.click(By.id("session-1"));
        browser.click(By.id("consent"));
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.waitForText("박서준님을 등록했습니다")).contains(email);

        // HQ moves the forum by a week
        browser.devSignIn(Roles.HQ_ADMIN, null, null);
        browser.go("/events/" + eventId + "?lang=ko");
        browser.clickText("일정 변경");
        browser.waitForText("새 시작 일시");
        browser.setValue("startsAt", "2027-04-27T09:30").setValue("endsAt", "2027-04-28T18:00");
        browser.submit(By.id("confirm-action"));
        assertThat(browser.waitForText("일정을 바꿨습니다")).contains("2027-04-27 09:30 ~ 2027-04-28 18:00");
        assertThat(browser.axeViolations()).as("axe-core on the rescheduled event (ko)").isEmpty();

        // the attendee hears of it: the confirmation first, then the change, in Korean, with the new dates
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(60)).until(
                () -> Arrays.asList(SharedMailServer.greenMail().getReceivedMessagesForDomain(email)),
                received -> received.stream().anyMatch(m -> subject(m).contains("변경")));
        MimeMessage changed = mails.stream().filter(m -> subject(m).contains("변경")).findFirst().orElseThrow();
        assertThat(subject(changed)).isEqualTo("[디지털지역혁신포럼] 행사 일정 또는 장소가 변경되었습니다");
        String body = kr.madang.testing.MailText.of(changed);
        assertThat(body).contains("박서준님", title, "변경 전: 2027년 4월 20일 (화) 09:30",
                "변경 후: 2027년 4월 27일 (화) 09:30 ~ 2027년 4월 28일 (수) 18:00, 포스코국제관");
        assertThat(mails).as("the confirmation came before the change").hasSizeGreaterThanOrEqualTo(2);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void session(Browser browser, int row, String kind, String title, String startsAt, String endsAt) {
        String p = "sessions-" + row + "-";
        browser.select(p + "kind", kind).type(p + "title", title);
        browser.setValue(p + "startsAt", startsAt).setValue(p + "endsAt", endsAt);
    }
}
