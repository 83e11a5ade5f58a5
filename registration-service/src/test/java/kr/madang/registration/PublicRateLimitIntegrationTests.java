package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Self-registration is limited per client: 5 a minute here, with one trusted proxy in front (its X-Forwarded-For
 * entry names the client). The module's second Spring context: every other test runs with the limit off.
 */
@TestPropertySource(properties = {"madang.registration.public-rate-limit.per-minute=5",
        "madang.registration.public-rate-limit.forwarded-for-hops=1"})
class PublicRateLimitIntegrationTests extends IntegrationTestBase {

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
        assertThat(post("/api/events/" + eventId + "/registrations", TestTokens.regionalOffice("JEJU"),
                attendeeJson("김민지", uniqueEmail("staff"), "ko"), Map.of("X-Forwarded-For", client)).status())
                .isEqualTo(201);
        // A client cannot pick a new identity by putting addresses of its own in front of the proxy's entry.
        assertThat(post("/api/events/" + eventId + "/registrations", null,
                attendeeJson("김민지", uniqueEmail("forged"), "ko"), Map.of("X-Forwarded-For", "10.9.8.7, " + client))
                .status()).isEqualTo(429);

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
        Map<String, String> headers = Map.of("X-Forwarded-For", client, "Idempotency-Key", "late-" + eventId);
        assertThat(post("/api/events/" + eventId + "/registrations", null, body, headers).status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(1));
        Response retried = post("/api/events/" + eventId + "/registrations", null, body, headers);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
    }

    private Response selfRegister(String eventId, String client, String prefix) {
        return post("/api/events/" + eventId + "/registrations", null, attendeeJson("김민지", uniqueEmail(prefix), "ko"),
                Map.of("X-Forwarded-For", client));
    }

    private long registrations(String eventId) {
        return jdbc.sql("select count(*) from registration where event_id = ?::uuid").param(eventId).query(Long.class)
                .single();
    }
}
