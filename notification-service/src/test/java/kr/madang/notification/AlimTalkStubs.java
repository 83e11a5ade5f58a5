package kr.madang.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** WireMock answers of NHN Cloud's AlimTalk API v2.3 ({@code POST /alimtalk/v2.3/appkeys/{appKey}/raw-messages}). */
final class AlimTalkStubs {

    static final String PATH = "/alimtalk/v2.3/appkeys/dev-app-key/raw-messages";

    private AlimTalkStubs() {
    }

    static synchronized WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    static void accepting(WireMockServer vendor) {
        vendor.resetAll();
        vendor.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(answer(0, "SUCCESS"))));
    }

    /** The vendor takes the request but cannot deliver to this recipient (Kakao result 3018: not a KakaoTalk user). */
    static void notAKakaoTalkUser(WireMockServer vendor) {
        vendor.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(answer(3018, "카카오톡 미사용자 01055550001"))));
    }

    static void down(WireMockServer vendor) {
        vendor.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"header\":{\"isSuccessful\":false}}")));
    }

    private static String answer(int recipientResult, String recipientMessage) {
        return """
                {"header":{"resultCode":0,"resultMessage":"SUCCESS","isSuccessful":true},
                 "message":{"requestId":"20261128-nhn-req-1","senderGroupingKey":"g",
                  "sendResults":[{"recipientSeq":1,"recipientNo":"01055550001","resultCode":%d,"resultMessage":"%s",
                                  "recipientGroupingKey":"r"}]}}
                """.formatted(recipientResult, recipientMessage);
    }
}
