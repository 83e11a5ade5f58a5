package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Self-registration is limited per client, over the API and the public form alike: 5 a minute here. The trusted
 * reverse proxy is 127.0.0.2 (this test connects from it to play the proxy); a connection from 127.0.0.1 is an
 * untrusted peer whose X-Forwarded-For is ignored. The module's second Spring context: every other test runs with the
 * limit off.
 */
@TestPropertySource(properties = {"madang.registration.public-rate-limit.per-minute=5",
        "madang.registration.trusted-proxies=127.0.0.2/32"})
class PublicRateLimitIntegrationTests extends IntegrationTestBase {

    private static final HttpClient VIA_PROXY = HttpClient.newBuilder().localAddress(proxyAddress())
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theSixthSelfRegistrationOfAMinuteFromOneClientIsRefusedWithRetryAfterAndWritesNothing() {
        String eventId = openEvent("JEJU", 50, true, false);
        String client = "203.0.113.7";
        List<Response> allowed = IntStream.range(0, 5).mapToObj(i -> selfRegister(eventId, client, "rate-" + i)).toList();
        assertThat(allowed).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));

        Response refused = selfRegister(eventId, client, "rate-5");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("title")).isEqualTo("Too many requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 12L);
        assertThat(registrations(eventId)).isEqualTo(5);

        // Another client, and staff registering for the public, are not held up.
        assertThat(selfRegister(eventId, "198.51.100.20", "other").status()).isEqualTo(201);
        assertThat(viaProxy("POST", "/api/events/" + eventId + "/registrations", client, "application/json",
                attendeeJson("김민지", uniqueEmail("staff"), "ko"),
                Map.of("Authorization", "Bearer " + TestTokens.regionalOffice("JEJU"))).status()).isEqualTo(201);
        // A client cannot pick a new identity by putting addresses of its own in front of the proxy's entry.
        assertThat(viaProxy("POST", "/api/events/" + eventId + "/registrations", "10.9.8.7, " + client,
                "application/json", attendeeJson("김민지", uniqueEmail("forged"), "ko"), Map.of()).status())
                .isEqualTo(429);

        // Retry-After is honest: after that long, one more goes through.
        clock.advance(Duration.ofSeconds(Long.parseLong(refused.header("Retry-After"))));
        assertThat(selfRegister(eventId, client, "rate-later").status()).isEqualTo(201);
        assertThat(selfRegister(eventId, client, "rate-too-soon").status()).isEqualTo(429);
    }

    @Test
    void aRetriedRequestWithAnIdempotencyKeyIsNotAnsweredWith429ForGood() {
        String eventId = openEvent("JEJU", 50, true, false);
        String client = "203.0.113.99";
        IntStream.range(0, 5).forEach(i -> assertThat(selfRegister(eventId, client, "idem-" + i).status()).isEqualTo(201));
        String body = attendeeJson("김민지", uniqueEmail("idem-late"), "ko");
        Map<String, String> key = Map.of("Idempotency-Key", "late-" + eventId);
        String path = "/api/events/" + eventId + "/registrations";
        assertThat(viaProxy("POST", path, client, "application/json", body, key).status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(1));
        Response retried = viaProxy("POST", path, client, "application/json", body, key);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
    }

    @Test
    void anUntrustedPeerCannotEscapeTheLimitWithAForgedForwardedFor() {
        String eventId = openEvent("JEJU", 50, true, false);
        // Straight from 127.0.0.1, which is no trusted proxy: a new X-Forwarded-For on every request changes nothing.
        List<Integer> statuses = IntStream.range(0, 7).mapToObj(i -> post("/api/events/" + eventId + "/registrations",
                null, attendeeJson("김민지", uniqueEmail("spoof-" + i), "ko"),
                Map.of("X-Forwarded-For", "198.18.0." + (i + 1))).status()).toList();
        assertThat(statuses.stream().filter(s -> s == 201).count()).isLessThanOrEqualTo(5);
        assertThat(statuses.subList(5, 7)).containsOnly(429);
        assertThat(registrations(eventId)).isEqualTo(statuses.stream().filter(s -> s == 201).count());
    }

    @Test
    void theSelfRegistrationFormIsLimitedPerClientToo() {
        String eventId = openEvent("JEJU", 50, true, false);
        String client = "203.0.113.150";
        for (int i = 0; i < 5; i++) {
            Response done = postForm(eventId, client, uniqueEmail("form-" + i));
            assertThat(done.status()).as(done.body()).isEqualTo(302); // post/redirect/get to the ticket
            assertThat(done.header("Location")).contains("/ticket/");
        }
        Response refused = postForm(eventId, client, uniqueEmail("form-5"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 12L);
        assertThat(registrations(eventId)).isEqualTo(5);
        // The API shares the allowance: the same client gains nothing by switching.
        assertThat(selfRegister(eventId, client, "form-then-api").status()).isEqualTo(429);
        assertThat(postForm(eventId, "198.51.100.150", uniqueEmail("form-other")).status()).isEqualTo(302);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Response selfRegister(String eventId, String client, String prefix) {
        return viaProxy("POST", "/api/events/" + eventId + "/registrations", client, "application/json",
                attendeeJson("김민지", uniqueEmail(prefix), "ko"), Map.of());
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** The public form as a browser behind the proxy sends it: the page first (session and CSRF token), then POST. */
    private Response postForm(String eventId, String client, String email) {
        Response page = viaProxy("GET", "/e/" + eventId, client, null, null, Map.of());
        assertThat(page.status()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        String cookie = page.headers().getOrDefault("set-cookie", List.of()).stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf.group(1));
        fields.put("name", "김민지");
        fields.put("email", email);
        fields.put("phone", "010-1234-5678");
        fields.put("organisation", "제주특별자치도");
        fields.put("jobTitle", "주무관");
        fields.put("attendeeType", "GENERAL");
        fields.put("language", "ko");
        fields.put("consent", "true");
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return viaProxy("POST", "/e/" + eventId, client, "application/x-www-form-urlencoded", body,
                cookie.isEmpty() ? Map.of() : Map.of("Cookie", cookie));
    }

    /** A request relayed by the trusted proxy, which appends the client's address to X-Forwarded-For. */
    private Response viaProxy(String method, String path, String forwardedFor, String contentType, String body,
                              Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("X-Forwarded-For", forwardedFor)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = VIA_PROXY.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    private static InetAddress proxyAddress() {
        try {
            return InetAddress.getByName("127.0.0.2");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private long registrations(String eventId) {
        return jdbc.sql("select count(*) from registration where event_id = ?::uuid").param(eventId).query(Long.class)
                .single();
    }
}
