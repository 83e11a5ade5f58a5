package kr.madang.registration.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kr.madang.platform.security.Roles;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.browser.Browser;
import kr.madang.testing.browser.BrowserPerClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** A first-time office imports its list: it learns the columns, downloads the template, sees the rows as read. */
class ImportPagesBrowserTests extends IntegrationTestBase {

    @RegisterExtension
    static final BrowserPerClass browsers = new BrowserPerClass();
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = browsers.at(port);
    }


    @Test
    void theTemplateDownloadsInThePagesLanguageAndItsExampleRowImportsWithTheRowsShownAsRead() throws Exception {
        String eventId = openEvent("JEJU", 50, false, false);
        browser.devSignIn(Roles.REGIONAL_OFFICE, "JEJU", null);
        browser.go("/events/" + eventId + "/import?lang=ko");
        assertThat(browser.waitForText("필수 열")).contains("이름, 이메일, 개인정보동의", "양식 CSV 내려받기");
        assertThat(browser.axeViolations()).isEmpty();

        String template = download("/events/" + eventId + "/import/template.csv");
        assertThat(template).startsWith("\uFEFF이름,이메일,휴대전화,소속,직위,구분,언어,휠체어,개인정보동의")
                .contains("김민지,minji@example.kr");

        // the template's own example, twice: the second row is a duplicate of row 2, named by its row number
        String[] lines = template.substring(1).split("\r?\n");
        Path csv = Files.createTempFile("template-", ".csv");
        String suffix = eventId.substring(0, 8);
        Files.writeString(csv, lines[0] + "\r\n" + lines[1].replace("minji@", "minji." + suffix + "@") + "\r\n"
                + lines[1].replace("minji@", "minji." + suffix + "@") + "\r\n", StandardCharsets.UTF_8);
        browser.find(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.click(By.cssSelector("main form button[type=submit]"));
        String report = browser.waitForText("행별 결과");
        assertThat(report).contains("전체 2행 중 등록 가능 1행", "읽은 이름 · 소속");
        assertThat(browser.find(By.xpath("//tbody/tr[td[1]='2']")).getText()).contains("김민지 · 제주특별자치도", "등록 가능");
        assertThat(browser.find(By.xpath("//tbody/tr[td[1]='3']")).getText()).contains("이 파일의 2행과 같은 이메일입니다")
                .doesNotContain("-");
        assertThat(browser.axeViolations()).isEmpty();
        Files.deleteIfExists(csv);

        browser.go("/events/" + eventId + "/import?lang=en");
        assertThat(browser.waitForText("Required columns")).contains("name, email, consent", "Download a template CSV");
        assertThat(download("/events/" + eventId + "/import/template.csv")).startsWith("\uFEFFname,email,phone,");
    }

    /** The file as the browser gets it with the signed-in session (the download link's target). */
    private String download(String path) {
        Object text = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer())
                  .then(b => done(new TextDecoder('utf-8', {ignoreBOM: true}).decode(b))).catch(e => done('failed: ' + e));
                """, path);
        return (String) text;
    }
}
