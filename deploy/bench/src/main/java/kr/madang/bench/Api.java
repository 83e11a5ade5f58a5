package kr.madang.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** registration-service's API as an attendee and HQ use it: registrations over {@link LeanHttp}, the rest over HttpClient. */
final class Api {

    record Answer(int status, String registrationStatus, int waitlistPosition, long answeredAtMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    /* registrations, the load itself, go through the lean client (see LeanHttp); set-up calls through HttpClient */
    private final LeanHttp lean;

    Api(String base, String tokenIssuer) throws IOException, InterruptedException {
        this.base = base;
        this.lean = new LeanHttp(URI.create(base));
        HttpResponse<String> t = http.send(HttpRequest.newBuilder(URI.create(tokenIssuer
                + "/dev/token?role=HQ_ADMIN&ttl=28800&sub=bench")).build(), HttpResponse.BodyHandlers.ofString());
        if (t.statusCode() != 200) {
            throw new IllegalStateException("token issuer answered " + t.statusCode());
        }
        this.token = t.body().trim();
    }

    /** The HQ token from the dev token issuer (wrk sends the same). */
    String token() {
        return token;
    }

    UUID createOpenEvent(String title, int capacity) throws IOException, InterruptedException {
        OffsetDateTime starts = OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(40).withHour(13).withMinute(0)
                .withSecond(0).withNano(0);
        String body = """
                {"title":"%s","titleEn":"Benchmark forum","region":"JEJU","venue":"메종글래드 제주 크리스탈홀",
                 "startsAt":"%s","endsAt":"%s","capacity":%d,"selfRegistration":true,"approvalRequired":false}
                """.formatted(title, starts, starts.plusDays(1), capacity);
        HttpResponse<String> created = post("/api/events", body);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create event: " + created.statusCode() + " " + created.body());
        }
        UUID id = UUID.fromString(JSON.readTree(created.body()).get("id").asText());
        HttpResponse<String> opened = post("/api/events/" + id + "/open", "{}");
        if (opened.statusCode() != 200) {
            throw new IllegalStateException("open event: " + opened.statusCode() + " " + opened.body());
        }
        return id;
    }

    /** A registration with the staff token (the public limit per client would otherwise throttle one load generator). */
    Answer register(UUID event, String email, boolean english) {
        String body = """
                {"name":"%s","email":"%s","organisation":"제주특별자치도","jobTitle":"주무관",
                 "attendeeType":"GENERAL","language":"%s","consent":{"accepted":true,"policyVersion":"2023-01"}}
                """.formatted(english ? "Bench Attendee" : "김벤치", email, english ? "en" : "ko");
        try {
            LeanHttp.Response r = lean.post("/api/events/" + event + "/registrations", "Bearer " + token, body);
            long at = System.currentTimeMillis();
            if (r.status() != 201) {
                return new Answer(r.status(), null, 0, at);
            }
            JsonNode json = JSON.readTree(r.body());
            return new Answer(201, json.path("status").asText(), json.path("waitlistPosition").asInt(0), at);
        } catch (IOException e) {
            return new Answer(-1, null, 0, System.currentTimeMillis());
        }
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
