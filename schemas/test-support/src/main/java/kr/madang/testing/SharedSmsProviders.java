package kr.madang.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two SMS providers of notification-service as real HTTP servers, one pair per test JVM, exactly as
 * {@link SharedMailServer} is its SMTP server: "alpha" speaks the JSON API ({@code POST /v1/messages}), "beta" the
 * form API ({@code POST /send}). Both accept every message unless a test changes their answers; such a test calls
 * {@link #acceptEverything()} when it is done, so no other test class sees what it changed.
 */
public final class SharedSmsProviders {

    public static final String ALPHA_PATH = "/v1/messages";
    public static final String BETA_PATH = "/send";

    private static WireMockServer alpha;
    private static WireMockServer beta;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SharedSmsProviders() {
    }

    public static synchronized WireMockServer alpha() {
        start();
        return alpha;
    }

    public static synchronized WireMockServer beta() {
        start();
        return beta;
    }

    /** Both providers take every SMS again, with no request remembered and no fault left behind. */
    public static synchronized void acceptEverything() {
        start();
        alpha.resetAll();
        beta.resetAll();
        alpha.stubFor(post(urlPathEqualTo(ALPHA_PATH)).willReturn(okJson("{\"id\":\"alpha-1\"}")));
        beta.stubFor(post(urlPathEqualTo(BETA_PATH)).willReturn(okJson("{\"result_code\":1,\"msg_id\":\"beta-1\"}")));
    }

    /** What both providers were sent, in either wire format, as recipient, sender and text. */
    public static synchronized List<ReceivedSms> received() {
        start();
        List<ReceivedSms> received = new java.util.ArrayList<>();
        for (LoggedRequest request : alpha.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlPathEqualTo(ALPHA_PATH)))) {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            received.add(new ReceivedSms("alpha", body.path("to").asString(), body.path("from").asString(),
                    body.path("text").asString()));
        }
        for (LoggedRequest request : beta.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlPathEqualTo(BETA_PATH)))) {
            Map<String, String> form = form(request.getBodyAsString());
            received.add(new ReceivedSms("beta", form.get("receiver"), form.get("sender"), form.get("msg")));
        }
        return received;
    }

    public record ReceivedSms(String provider, String to, String from, String text) {
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Arrays.stream(body.split("&")).filter(pair -> !pair.isEmpty()).forEach(pair -> {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        });
        return fields;
    }

    private static void start() {
        if (alpha == null) {
            alpha = started();
            beta = started();
            acceptEverything();
        }
    }

    private static WireMockServer started() {
        // a bounded journal: a long test JVM sends thousands of SMS and only the newest matter to a test
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1").maxRequestJournalEntries(5_000));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "sms-provider-shutdown"));
        return server;
    }
}
