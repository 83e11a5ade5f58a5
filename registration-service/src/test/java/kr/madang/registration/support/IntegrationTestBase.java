package kr.madang.registration.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kr.madang.registration.RegistrationServiceApplication;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.schemas.Topics;
import kr.madang.schemas.avro.AvroEventDeserializer;
import kr.madang.testing.MadangTestInfrastructure;
import kr.madang.testing.SharedKafka;
import kr.madang.testing.TestTokens;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of this module's integration tests (shared broker, database and SMTP server of the JVM),
 * with a movable clock and a small HTTP client that sends exactly the bytes a test gives it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {RegistrationServiceApplication.CONFIG_NAME, "madang.public-base-url=https://madang.test",
                // Tests send many self-registrations from one address; PublicRateLimitIntegrationTests turns it on.
                "madang.registration.public-rate-limit.per-minute=0"})
@ContextConfiguration(initializers = MadangTestInfrastructure.class)
@Import(IntegrationTestBase.Clocks.class)
public abstract class IntegrationTestBase {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(ForumEvent.SEOUL);
        }
    }

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestClock clock;
    @Autowired
    protected JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    public record Response(int status, Map<String, List<String>> headers, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(bytes);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    protected Response post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    protected Response post(String path, String token, String json, Map<String, String> headers) {
        return send("POST", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    protected Response get(String path, String token) {
        return send("GET", path, token, null, null, Map.of());
    }

    protected Response send(String method, String path, String token, String contentType, byte[] body,
                            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    // ---- fixtures ----------------------------------------------------------------------------------------------

    protected static String eventJson(String region, int capacity, boolean selfRegistration, boolean approvalRequired) {
        return """
                {"title":"제1회 디지털지역혁신포럼","titleEn":"1st Digital Regional Innovation Forum","region":"%s",
                 "venue":"메종글래드 제주 크리스탈홀","startsAt":"2023-02-06T13:00:00+09:00","endsAt":"2023-02-07T18:00:00+09:00",
                 "capacity":%d,"selfRegistration":%s,"approvalRequired":%s,
                 "hosts":["제주특별자치도","한국IT서비스학회"],"organisers":["한국지방행정연구원"],"sponsors":["전자신문"]}
                """.formatted(region, capacity, selfRegistration, approvalRequired);
    }

    /** A new OPEN event of the region; returns its id. */
    protected String openEvent(String region, int capacity, boolean selfRegistration, boolean approvalRequired) {
        Response created = post("/api/events", TestTokens.hqAdmin(), eventJson(region, capacity, selfRegistration, approvalRequired));
        if (created.status() != 201) {
            throw new AssertionError(created.body());
        }
        String id = created.text("id");
        Response opened = post("/api/events/" + id + "/open", TestTokens.hqAdmin(), "{}");
        if (opened.status() != 200) {
            throw new AssertionError(opened.body());
        }
        return id;
    }

    protected static String attendeeJson(String name, String email, String language) {
        return """
                {"name":"%s","email":"%s","phone":"010-1234-5678","organisation":"제주특별자치도",
                 "jobTitle":"주무관","attendeeType":"GENERAL","language":"%s","consent":{"accepted":true,"policyVersion":"2023-01"}}
                """.formatted(name, email, language);
    }

    protected static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kr";
    }

    protected Response register(String eventId, String token, String json) {
        return post("/api/events/" + eventId + "/registrations", token, json);
    }

    /** Every event published so far for one forum event, decoded and its sealed fields opened, in topic order. */
    protected static List<SpecificRecord> publishedFor(String eventId, Duration quiet) {
        AvroEventDeserializer deserializer = new AvroEventDeserializer();
        return SharedKafka.readAll(Topics.REGISTRATION_EVENTS, quiet).stream()
                .filter(r -> eventId.equals(r.key()))
                .map(r -> deserializer.deserialize(r.topic(), r.value()))
                .map(event -> kr.madang.testing.SealedFields.opened((org.apache.avro.specific.SpecificRecordBase) event,
                        "registration_service"))
                .map(SpecificRecord.class::cast)
                .toList();
    }

    protected long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
