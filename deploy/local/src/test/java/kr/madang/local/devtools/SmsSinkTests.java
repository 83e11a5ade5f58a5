package kr.madang.local.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import kr.madang.local.devtools.sms.SmsSink;
import kr.madang.local.devtools.web.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsSinkTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path store;

    @Test
    void speaksTheJsonProviderApiAndKeepsOneSmsPerIdempotencyKey() throws Exception {
        int port = FreePorts.next();
        try (SmsSink sink = new SmsSink(port, store)) {
            String body = """
                    {"messageId":"n-1","to":"+821012345678","from":"0215880000","type":"SMS",
                     "text":"[디지털지역혁신포럼] 김민지님, 참가 등록이 확정되었습니다."}""";
            var first = post(port, "/primary/v1/messages", "application/json", body, "n-1");
            var again = post(port, "/primary/v1/messages", "application/json", body, "n-1");

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(Http.JSON.readTree(first.body()).get("id").asText()).isEqualTo("primary-1");
            assertThat(Http.JSON.readTree(again.body()).get("id").asText()).as("a resend is the same SMS")
                    .isEqualTo("primary-1");
            JsonNode found = json(port, "/api/messages?to=010-1234-5678");
            assertThat(found.get("total").asInt()).isEqualTo(1);
            assertThat(found.get("items").get(0).get("text").asText()).contains("김민지님");
            assertThat(found.get("items").get(0).get("provider").asText()).isEqualTo("primary");
        }
    }

    @Test
    void holdsOnlyTheNewestSmsInMemoryAndStillRecognisesARecentResend() throws Exception {
        int port = FreePorts.next();
        int keep = 5;
        try (SmsSink sink = new SmsSink(port, store, null, Map.of(), keep)) {
            for (int i = 1; i <= 12; i++) {
                post(port, "/alpha/v1/messages", "application/json",
                        "{\"to\":\"010-0000-00%02d\",\"text\":\"sms %d\"}".formatted(i, i), "key-" + i);
            }
            var resend = post(port, "/alpha/v1/messages", "application/json",
                    "{\"to\":\"010-0000-0012\",\"text\":\"sms 12\"}", "key-12");

            assertThat(Http.JSON.readTree(resend.body()).get("id").asText()).isEqualTo("alpha-12");
            assertThat(sink.messages()).hasSize(keep);
            assertThat(sink.messages().getLast().text()).isEqualTo("sms 12");
            assertThat(sink.stored()).isEqualTo(12);
            JsonNode all = json(port, "/api/messages");
            assertThat(all.get("items").get(0).get("text").asText()).isEqualTo("sms 12");
            assertThat(all.get("stored").asLong()).isEqualTo(12);
        }
        try (SmsSink restarted = new SmsSink(port, store, null, Map.of(), keep)) {
            assertThat(restarted.messages()).hasSize(keep);
            assertThat(restarted.messages().getFirst().text()).isEqualTo("sms 8");
            assertThat(restarted.stored()).isEqualTo(12);
        }
    }

    @Test
    void speaksTheFormProviderApi() throws Exception {
        int port = FreePorts.next();
        try (SmsSink sink = new SmsSink(port, store)) {
            var answer = post(port, "/secondary/send", "application/x-www-form-urlencoded",
                    "key=k&ref=n-2&sender=0215880000&receiver=01098765432&msg_type=LMS&title=%EC%95%88%EB%82%B4"
                            + "&msg=%ED%8F%AC%ED%95%AD%20%ED%8F%AC%EB%9F%BC", null);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(Http.JSON.readTree(answer.body()).get("result_code").asInt()).isEqualTo(1);
            JsonNode sms = json(port, "/api/messages?provider=secondary").get("items").get(0);
            assertThat(sms.get("to").asText()).isEqualTo("01098765432");
            assertThat(sms.get("text").asText()).isEqualTo("포항 포럼");
            assertThat(sms.get("reference").asText()).isEqualTo("n-2");
        }
    }

    @Test
    void aProviderInOutageAnswers503AndTheOtherStillAccepts() throws Exception {
        int port = FreePorts.next();
        try (SmsSink sink = new SmsSink(port, store)) {
            var outage = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/providers/primary"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"outage\":true}")).build(), HttpResponse.BodyHandlers.ofString());
            var refused = post(port, "/primary/v1/messages", "application/json", "{\"to\":\"01011112222\",\"text\":\"x\"}", "a");
            var accepted = post(port, "/secondary/send", "application/x-www-form-urlencoded", "receiver=01011112222&msg=x", null);

            assertThat(outage.statusCode()).isEqualTo(200);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(json(port, "/api/providers").get("primary").asText()).isEqualTo("OUTAGE");
            assertThat(json(port, "/api/messages").get("total").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aProviderCanAnswer500sThenTimeOutWithoutKeepingWhatItRefusedAndComeBack() throws Exception {
        int port = FreePorts.next();
        try (SmsSink sink = new SmsSink(port, store)) {
            String sms = "{\"to\":\"01055556666\",\"text\":\"x\"}";
            assertThat(put(port, "/api/providers/alpha", "{\"fault\":\"error\"}").statusCode()).isEqualTo(200);
            assertThat(post(port, "/alpha/v1/messages", "application/json", sms, "e-1").statusCode()).isEqualTo(500);
            assertThat(json(port, "/api/providers").get("alpha").asText()).isEqualTo("ERROR");

            assertThat(put(port, "/api/providers/alpha", "{\"fault\":\"timeout\",\"holdSeconds\":3}").statusCode())
                    .isEqualTo(200);
            var impatient = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/alpha/v1/messages"))
                    .timeout(Duration.ofMillis(500)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(sms)).build();
            assertThatThrownBy(() -> http.send(impatient, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.net.http.HttpTimeoutException.class);
            // a held request does not hold up the other provider
            long started = System.nanoTime();
            assertThat(post(port, "/beta/send", "application/x-www-form-urlencoded", "receiver=01055556666&msg=x", null)
                    .statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            var patient = post(port, "/alpha/v1/messages", "application/json", sms, "t-2");
            assertThat(patient.statusCode()).as("answered once the hold is over").isEqualTo(504);

            assertThat(put(port, "/api/providers/alpha", "{\"fault\":\"up\"}").statusCode()).isEqualTo(200);
            assertThat(post(port, "/alpha/v1/messages", "application/json", sms, "u-3").statusCode()).isEqualTo(200);
            assertThat(json(port, "/api/messages?provider=alpha").get("total").asInt())
                    .as("only the SMS sent while it was up").isEqualTo(1);
            assertThat(put(port, "/api/providers/alpha", "{\"fault\":\"slow\"}").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void refusesAnSmsWithoutRecipientOrText() throws Exception {
        int port = FreePorts.next();
        try (SmsSink sink = new SmsSink(port, store)) {
            assertThat(post(port, "/primary/v1/messages", "application/json", "{\"text\":\"x\"}", null).statusCode())
                    .isEqualTo(400);
            assertThat(post(port, "/primary/v1/messages", "application/json", "{\"to\":\"01011112222\"}", null).statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void reportsDeliveryToTheProvidersCallbackWithItsTokenAndKeepsMessagesAcrossRestarts() throws Exception {
        var reports = new CopyOnWriteArrayList<String>();
        HttpServer callback = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        callback.createContext("/api/sms/callbacks/", exchange -> {
            reports.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("X-Callback-Token")
                    + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            // the first report overtakes the sender's own bookkeeping: 409, to be retried
            exchange.sendResponseHeaders(reports.size() == 1 ? 409 : 204, -1);
            exchange.close();
        });
        callback.start();
        int port = FreePorts.next();
        String template = "http://localhost:" + callback.getAddress().getPort() + "/api/sms/callbacks/{provider}";
        try (SmsSink sink = new SmsSink(port, store, template, Map.of("alpha", "alpha-token"))) {
            post(port, "/alpha/v1/messages", "application/json",
                    "{\"messageId\":\"0b8e5a5e-4d6c-4f0e-9a57-1d7c1c1b2a01\",\"to\":\"01033334444\",\"text\":\"hi\"}", null);
            await().atMost(Duration.ofSeconds(15)).until(() -> reports.size() >= 2);
            assertThat(reports.get(1)).isEqualTo("/api/sms/callbacks/alpha alpha-token "
                    + "{\"messageId\":\"0b8e5a5e-4d6c-4f0e-9a57-1d7c1c1b2a01\",\"status\":\"DELIVERED\"}");
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    json(port, "/api/messages").get("items").get(0).get("status").asText().equals("DELIVERED (reported)"));
        } finally {
            callback.stop(0);
        }
        try (SmsSink restarted = new SmsSink(port, store)) {
            assertThat(json(port, "/api/messages?to=+82 10 3333 4444").get("total").asInt()).isEqualTo(1);
        }
    }

    private HttpResponse<String> post(int port, String path, String type, String body, String idempotencyKey)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> put(int port, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(int port, String path) throws Exception {
        return Http.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + path.replace(" ", "%20").replace("+", "%2B"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
    }
}
