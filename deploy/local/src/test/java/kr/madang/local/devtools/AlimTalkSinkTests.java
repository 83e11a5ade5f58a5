package kr.madang.local.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import kr.madang.local.devtools.alimtalk.AlimTalkSink;
import kr.madang.local.devtools.sms.SmsSink;
import kr.madang.local.devtools.web.Http;
import kr.madang.testing.browser.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.junit.jupiter.api.io.TempDir;

/** The AlimTalk sink on the SMS sink's port: NHN's v2.3 answer, the page, its two report buttons, bounded memory. */
class AlimTalkSinkTests {

    private static final String PATH = "/alimtalk/v2.3/appkeys/local-app/raw-messages";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path store;

    private static String request(String groupingKey, String phone) {
        return """
                {"senderKey":"dev-sender-key","templateCode":"MDG_CONFIRMED_01","senderGroupingKey":"%1$s",
                 "recipientList":[{"recipientNo":"%2$s","content":"김민지님, 제1회 디지털지역혁신포럼 참가 등록이 확정되었습니다.",
                   "buttons":[{"ordering":1,"type":"WL","name":"티켓 보기","linkMo":"https://madang.example.kr/t/1","linkPc":"https://madang.example.kr/t/1"}],
                   "resendParameter":{"isResend":false},"recipientGroupingKey":"%1$s"}]}""".formatted(groupingKey, phone);
    }

    @Test
    void answersAsNhnDoesListsWhatWasSentAndSendsTheReportOfEachButton() throws Exception {
        var reports = new CopyOnWriteArrayList<String>();
        HttpServer notification = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        notification.createContext("/api/alimtalk/callbacks/nhn", exchange -> {
            reports.add(exchange.getRequestHeaders().getFirst("X-Callback-Token") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        notification.start();
        int port = FreePorts.next();
        try (SmsSink sms = new SmsSink(port, store)) {
            AlimTalkSink sink = new AlimTalkSink(10, "http://localhost:" + notification.getAddress().getPort()
                    + "/api/alimtalk/callbacks/nhn", "local-token");
            sms.mount("/alimtalk", sink::handle);

            JsonNode answer = Http.JSON.readTree(post(port, PATH, "application/json", request("m-1", "01055550001")).body());
            post(port, PATH, "application/json", request("m-2", "01055550002"));

            assertThat(answer.path("header").path("isSuccessful").asBoolean()).isTrue();
            assertThat(answer.path("message").path("sendResults").get(0).path("resultCode").asInt()).isZero();
            assertThat(answer.path("message").path("sendResults").get(0).path("recipientGroupingKey").asText()).isEqualTo("m-1");
            String page = get(port, "/alimtalk/").body();
            assertThat(page).contains("<html lang=\"ko\"", "MDG_CONFIRMED_01", "01055550002", "티켓 보기", "전달됨 보고",
                    "실패 보고: 카카오톡 사용자 아님");
            assertThat(get(port, "/alimtalk/?lang=en").body()).contains("<html lang=\"en\"", "Report delivered",
                    "Report failed: not a KakaoTalk user");

            long first = sink.messages().getFirst().id();
            long second = sink.messages().getLast().id();
            assertThat(post(port, "/alimtalk/reports/" + first, "application/x-www-form-urlencoded", "status=DELIVERED")
                    .statusCode()).isEqualTo(303);
            post(port, "/alimtalk/reports/" + second, "application/x-www-form-urlencoded", "status=NOT_KAKAOTALK_USER");

            assertThat(reports).containsExactly(
                    "local-token {\"messageId\":\"m-1\",\"status\":\"DELIVERED\"}",
                    "local-token {\"messageId\":\"m-2\",\"status\":\"FAILED\",\"reason\":\"3018\"}");
            assertThat(sink.messages()).extracting(AlimTalkSink.CapturedAlimTalk::status)
                    .containsExactly("DELIVERED (reported)", "FAILED 3018 (not a KakaoTalk user) (reported)");
            assertThat(post(port, "/alimtalk/reports/" + first, "application/x-www-form-urlencoded", "status=LOST")
                    .statusCode()).isEqualTo(400);
            // the SMS providers still answer beside it
            assertThat(post(port, "/alpha/v1/messages", "application/json",
                    "{\"messageId\":\"s-1\",\"to\":\"+821055550003\",\"text\":\"문자\"}").statusCode()).isEqualTo(200);
        } finally {
            notification.stop(0);
        }
    }

    /** Both sinks' pages in Korean (the default) and English, axe-clean, a report button keeping the language. */
    @Test
    void pagesSpeakKoreanAndEnglishAndPassAxe() throws Exception {
        int port = FreePorts.next();
        try (SmsSink sms = new SmsSink(port, store); Browser browser = Browser.open(port)) {
            AlimTalkSink sink = new AlimTalkSink(10, null, null);
            sms.mount("/alimtalk", sink::handle);
            post(port, PATH, "application/json", request("m-1", "01055550001"));
            post(port, "/alpha/v1/messages", "application/json",
                    "{\"messageId\":\"s-1\",\"to\":\"+821055550003\",\"text\":\"문자\"}");

            browser.go("/alimtalk/");
            assertThat(browser.title()).isEqualTo("마당 알림톡 싱크");
            assertThat(browser.text()).contains("템플릿 코드", "전달됨 보고", "실패 보고: 카카오톡 사용자 아님")
                    .doesNotContain("Report delivered");
            assertThat(browser.axeViolations()).isEmpty();

            browser.go("/alimtalk/?lang=en");
            assertThat(browser.title()).isEqualTo("Madang AlimTalk sink");
            assertThat(browser.text()).contains("template code", "Report delivered", "Report failed: not a KakaoTalk user");
            assertThat(browser.axeViolations()).isEmpty();
            browser.click(By.cssSelector("button[aria-label='Report message " + sink.messages().getFirst().id()
                    + " delivered']"));
            assertThat(browser.waitForText("DELIVERED")).isNotNull();
            assertThat(browser.currentPath()).isEqualTo("/alimtalk/?lang=en");
            assertThat(browser.title()).isEqualTo("Madang AlimTalk sink");
            assertThat(browser.axeViolations()).isEmpty();

            browser.go("/");
            assertThat(browser.title()).isEqualTo("마당 SMS 싱크");
            assertThat(browser.text()).contains("받는 번호", "alpha: 정상 — 장애 흉내 내기");
            assertThat(browser.axeViolations()).isEmpty();

            browser.go("/?lang=en");
            assertThat(browser.title()).isEqualTo("Madang SMS sink");
            assertThat(browser.text()).contains("received (UTC)", "alpha: UP — simulate outage");
            assertThat(browser.axeViolations()).isEmpty();
        }
    }

    @Test
    void keepsOnlyTheNewestInMemory() throws Exception {
        int port = FreePorts.next();
        try (SmsSink sms = new SmsSink(port, store)) {
            AlimTalkSink sink = new AlimTalkSink(2, null, null);
            sms.mount("/alimtalk", sink::handle);
            for (int i = 1; i <= 3; i++) {
                post(port, PATH, "application/json", request("m-" + i, "0105555000" + i));
            }
            assertThat(sink.messages()).extracting(AlimTalkSink.CapturedAlimTalk::groupingKey).containsExactly("m-2", "m-3");
        }
    }

    private HttpResponse<String> post(int port, String path, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
