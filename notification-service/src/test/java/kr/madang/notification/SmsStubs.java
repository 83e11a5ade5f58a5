package kr.madang.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/** WireMock answers of the two SMS provider APIs. */
final class SmsStubs {

    static final String ALPHA_PATH = "/v1/messages";
    static final String BETA_PATH = "/send";

    private SmsStubs() {
    }

    static void accepting(WireMockServer alpha, WireMockServer beta) {
        alpha.stubFor(post(urlPathEqualTo(ALPHA_PATH)).willReturn(okJson("{\"id\":\"alpha-1\"}")));
        beta.stubFor(post(urlPathEqualTo(BETA_PATH)).willReturn(okJson("{\"result_code\":1,\"msg_id\":\"beta-1\"}")));
    }

    static void alphaAnswers(WireMockServer alpha, int status) {
        alpha.stubFor(post(urlPathEqualTo(ALPHA_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"x\"}")));
    }

    static void betaAnswers(WireMockServer beta, int status) {
        beta.stubFor(post(urlPathEqualTo(BETA_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"x\"}")));
    }

    static void alphaSlow(WireMockServer alpha) {
        alpha.stubFor(post(urlPathEqualTo(ALPHA_PATH)).willReturn(okJson("{\"id\":\"late\"}").withFixedDelay(4_000)));
    }
}
