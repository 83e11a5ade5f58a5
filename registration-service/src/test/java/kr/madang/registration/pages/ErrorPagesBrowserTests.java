package kr.madang.registration.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import kr.madang.platform.security.Roles;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import kr.madang.testing.browser.Browser;
import kr.madang.testing.browser.BrowserPerClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every error a browser can reach is a page in the user's language, while the API keeps answering problems. */
class ErrorPagesBrowserTests extends IntegrationTestBase {

    @RegisterExtension
    static final BrowserPerClass browsers = new BrowserPerClass();
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = browsers.at(port);
    }


    @Test
    void aFormAddressOpenedByGetAndAnUnknownAddressArePagesInKoreanAndEnglish() {
        String eventId = openEvent("JEJU", 50, true, false);
        browser.devSignIn(Roles.HQ_ADMIN, null, null);

        browser.go("/events/" + eventId + "/import/confirm");
        assertThat(browser.waitForText("이 주소는 이렇게 열 수 없습니다")).contains("상태 코드 405", "처음으로 돌아가기")
                .doesNotContain("\"status\"", "Method", "null");
        assertThat(browser.axeViolations()).isEmpty();

        browser.go("/events/" + eventId + "/import/confirm?lang=en");
        assertThat(browser.waitForText("This address cannot be opened this way")).contains("Status 405");

        browser.go("/no-such-page?lang=ko");
        assertThat(browser.waitForText("찾는 페이지가 없습니다")).contains("상태 코드 404").doesNotContain("\"status\"");
        assertThat(browser.axeViolations()).isEmpty();
    }

    @Test
    void theApiStillAnswersAProblemForAWrongMethodEvenToAClientThatAcceptsHtml() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/events"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + TestTokens.hqAdmin())
                .header("Accept", "text/html,application/problem+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(response.body()).contains("\"status\":405");
    }
}
