package kr.madang.registration.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

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
import org.openqa.selenium.chrome.ChromeDriver;

/** The door page with the venue's network cut (Chrome's network emulation), then restored. */
class OfflineDoorBrowserTests extends IntegrationTestBase {

    static final Instant FIRST_DAY_MORNING = Instant.parse("2023-02-06T00:30:00Z"); // 09:30 in Seoul

    @RegisterExtension
    static final BrowserPerClass browsers = new BrowserPerClass();
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = browsers.at(port);
    }


    private void network(boolean offline) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private void checkIn(String code) {
        browser.type("code", code);
        browser.click(By.cssSelector("#check-in-form button[type=submit]"));
    }

    @Test
    void threePeopleCheckedInOfflineAreUploadedWhenTheNetworkReturnsAndTheDoubleCheckInIsReported() {
        String eventId = openEvent("JEJU", 50, false, false);
        String office = TestTokens.regionalOffice("JEJU");
        String seojun = register(eventId, office, attendeeJson("박서준", uniqueEmail("seojun"), "ko")).text("checkInCode");
        String seoyeon = register(eventId, office, attendeeJson("이서연", uniqueEmail("seoyeon"), "ko")).text("checkInCode");
        String john = register(eventId, office, attendeeJson("John Smith", uniqueEmail("john"), "en")).text("checkInCode");
        clock.set(FIRST_DAY_MORNING);
        long listReads = jdbc.sql("select count(*) from personal_data_access where scope = ?").param("event:" + eventId)
                .query(Long.class).single();

        browser.devSignIn(Roles.CHECKIN_STAFF, null, eventId);
        assertThat(browser.waitForText("오프라인용 참가자 명단 저장됨: 3명")).contains("전송 대기 0건", "이 기기 이름");
        ((JavascriptExecutor) browser.driver()).executeScript("var i = document.getElementById('device-name');"
                + "i.value = 'door 1'; i.dispatchEvent(new Event('change'));");
        assertThat(jdbc.sql("select count(*) from personal_data_access where scope = ? and action = 'LIST'")
                .param("event:" + eventId).query(Long.class).single()).isGreaterThan(listReads);
        assertThat(browser.axeViolations()).as("axe-core on the door page online").isEmpty();

        try {
            network(true);
            browser.waitForText("오프라인: 입장 기록은 이 기기에 보관되고");
            checkIn(seojun);
            browser.waitForText("입장 완료 (전송 대기): 박서준");
            checkIn(seoyeon);
            browser.waitForText("입장 완료 (전송 대기): 이서연");
            checkIn(john);
            assertThat(browser.waitForText("입장 완료 (전송 대기): John Smith")).contains("전송 대기 3건");
            // the same person again, offline: the device knows
            checkIn(seojun);
            assertThat(browser.waitForText("이미 입장함 (")).contains("door 1", "박서준", "전송 대기 3건");
            assertThat(browser.axeViolations()).as("axe-core on the door page offline with a queue").isEmpty();
            browser.screenshot("door-offline-queue");

            // meanwhile, a second door still online checks 이서연 in at 09:32
            Response door2 = post("/api/events/" + eventId + "/check-ins/batch", TestTokens.checkinStaff(eventId), """
                    {"deviceId":"dev-2","deviceName":"door 2","checkIns":[{"id":"%s","code":"%s","deviceTime":"2023-02-06T09:32:00+09:00"}]}"""
                    .formatted(UUID.randomUUID(), seoyeon));
            assertThat(door2.json().path("results").get(0).path("result").asString()).as(door2.body()).isEqualTo("CHECKED_IN");
            clock.set(FIRST_DAY_MORNING.plusSeconds(600));
        } finally {
            network(false);
        }

        assertThat(browser.waitForText("전송 대기 0건")).contains("전송 결과 확인 필요");
        assertThat(browser.find(By.id("door-conflicts")).getText()).isEqualTo("이서연: 이미 09:32에 door 2에서 입장함");
        assertThat(jdbc.sql("select count(*) from check_in c join registration r on r.id = c.registration_id where r.event_id = ?")
                .param(UUID.fromString(eventId)).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select result from offline_check_in where event_id = ? order by result")
                .param(UUID.fromString(eventId)).query(String.class).list())
                .containsExactly("ALREADY_CHECKED_IN", "CHECKED_IN", "CHECKED_IN", "CHECKED_IN");
        assertThat(browser.axeViolations()).as("axe-core on the door page with a reported conflict").isEmpty();
        browser.screenshot("door-drained-conflict");

        browser.go("/events/" + eventId + "/check-in?lang=en");
        assertThat(browser.waitForText("Attendee list saved for offline use: 3 people")).contains("0 waiting to upload",
                "This device's name");
        assertThat(browser.axeViolations()).as("axe-core on the English door page").isEmpty();

        // signing out takes the attendee list off the device
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        String listKey = "madang.door.list." + eventId;
        assertThat(js.executeScript("return localStorage.getItem(arguments[0])", listKey)).isNotNull();
        browser.click(By.cssSelector("form[action$='/sign-out'] button"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().contains("/sign-in"));
        assertThat(js.executeScript("return localStorage.getItem(arguments[0])", listKey)).isNull();
    }
}
