package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import kr.madang.events.registration.RegistrationCancelled;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.events.registration.RegistrationPromoted;
import kr.madang.events.registration.RegistrationWaitlisted;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.schemas.Events;
import kr.madang.testing.TestTokens;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's acceptance: 300 registrations at once for 50 seats give exactly 50 CONFIRMED and 250 WAITLISTED at
 * positions 1..250 without gaps; 10 cancellations at once promote positions 1..10 in order; the events on Kafka
 * say exactly what the database says.
 */
class CapacityUnderConcurrencyIntegrationTests extends IntegrationTestBase {

    @Test
    void threeHundredAtOnceForFiftySeatsThenTenCancellationsPromoteTheFirstTenInOrder() throws Exception {
        String eventId = openEvent("JEJU", 50, true, false);
        String token = TestTokens.regionalOffice("JEJU");

        List<Response> responses = concurrently(300, i -> register(eventId, i % 3 == 0 ? null : token,
                attendeeJson(i % 2 == 0 ? "김민지" : "Maria Lopez", "load-" + i + "-" + eventId.substring(0, 8) + "@example.kr",
                        i % 2 == 0 ? "ko" : "en")));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        assertThat(responses.stream().filter(r -> r.text("status").equals("CONFIRMED"))).hasSize(50);
        List<Integer> answeredPositions = responses.stream().filter(r -> r.text("status").equals("WAITLISTED"))
                .map(r -> r.json().path("waitlistPosition").asInt()).sorted().toList();
        assertThat(answeredPositions).isEqualTo(IntStream.rangeClosed(1, 250).boxed().toList());
        assertThat(count(eventId, "CONFIRMED")).isEqualTo(50);
        assertThat(jdbc.sql("select waitlist_position from registration where event_id = ?::uuid and status = 'WAITLISTED' order by 1")
                .param(eventId).query(Integer.class).list()).isEqualTo(IntStream.rangeClosed(1, 250).boxed().toList());
        Response event = get("/api/events/" + eventId, TestTokens.hqAdmin());
        assertThat(event.json().path("confirmed").asInt()).isEqualTo(50);
        assertThat(event.json().path("seatsLeft").asInt()).isZero();
        assertThat(event.json().path("waitlisted").asInt()).isEqualTo(250);

        List<String> confirmedIds = responses.stream().filter(r -> r.text("status").equals("CONFIRMED"))
                .map(r -> r.text("id")).toList();
        List<String> toCancel = confirmedIds.subList(0, 10);
        List<Response> cancellations = concurrently(10, i -> post("/api/registrations/" + toCancel.get(i) + "/cancel",
                token, "{\"reason\":\"일정 변경\"}"));
        assertThat(cancellations).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));

        assertThat(count(eventId, "CONFIRMED")).isEqualTo(50);
        assertThat(count(eventId, "CANCELLED")).isEqualTo(10);
        List<Integer> stillWaiting = jdbc.sql("select waitlist_position from registration where event_id = ?::uuid and status = 'WAITLISTED' order by 1")
                .param(eventId).query(Integer.class).list();
        assertThat(stillWaiting).isEqualTo(IntStream.rangeClosed(11, 250).boxed().toList());

        // Who is ahead: everyone below a position while nobody has left, then less those promoted or cancelled.
        assertThat(responses).filteredOn(r -> r.text("status").equals("WAITLISTED") && r.json().has("waitlistAhead")
                        && !r.json().path("waitlistAhead").isNull())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.json().path("waitlistAhead").asInt())
                        .isEqualTo(r.json().path("waitlistPosition").asInt() - 1));
        String atFifteen = jdbc.sql("select id::text from registration where event_id = ?::uuid and waitlist_position = 15")
                .param(eventId).query(String.class).single();
        String atTwelve = jdbc.sql("select id::text from registration where event_id = ?::uuid and waitlist_position = 12")
                .param(eventId).query(String.class).single();
        assertThat(get("/api/registrations/" + atFifteen, token).json().path("waitlistAhead").asInt()).isEqualTo(4);
        assertThat(post("/api/registrations/" + atTwelve + "/cancel", token, "{\"reason\":\"일정 변경\"}").status())
                .isEqualTo(200);
        assertThat(get("/api/registrations/" + atFifteen, token).json().path("waitlistAhead").asInt()).isEqualTo(3);

        // The events tell the same story, in order, numbered without gaps.
        int expected = 2 + 300 + 10 + 10 + 1;
        List<SpecificRecord> published = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> publishedFor(eventId, Duration.ofMillis(500)), list -> list.size() >= expected);
        assertThat(published).hasSize(expected);
        assertThat(published).extracting(e -> Events.header(e).getAggregateVersion())
                .isEqualTo(IntStream.rangeClosed(1, expected).mapToObj(i -> (long) i).toList());
        Set<String> confirmedEvents = published.stream().filter(e -> e instanceof RegistrationConfirmed)
                .map(e -> ((RegistrationConfirmed) e).getRegistrationId()).collect(Collectors.toSet());
        assertThat(confirmedEvents).isEqualTo(Set.copyOf(confirmedIds));
        Map<String, Integer> waitlistedEvents = published.stream().filter(e -> e instanceof RegistrationWaitlisted)
                .map(e -> (RegistrationWaitlisted) e)
                .collect(Collectors.toMap(RegistrationWaitlisted::getRegistrationId, RegistrationWaitlisted::getWaitlistPosition));
        Map<String, Integer> waitlistedRows = jdbc.sql("select id::text, waitlist_position from registration where event_id = ?::uuid and waitlist_position is not null")
                .param(eventId).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(waitlistedEvents).isEqualTo(waitlistedRows);
        assertThat(published.stream().filter(e -> e instanceof RegistrationCancelled)
                .map(e -> ((RegistrationCancelled) e).getRegistrationId()))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(toCancel.stream(), Stream.of(atTwelve)).toList());
        List<RegistrationPromoted> promoted = published.stream().filter(e -> e instanceof RegistrationPromoted)
                .map(e -> (RegistrationPromoted) e).toList();
        assertThat(promoted).extracting(RegistrationPromoted::getFromPosition)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        List<String> promotedRows = jdbc.sql("select id::text from registration where event_id = ?::uuid and status = 'CONFIRMED' and waitlist_position between 1 and 10 order by waitlist_position")
                .param(eventId).query(String.class).list();
        assertThat(promoted).extracting(RegistrationPromoted::getRegistrationId).isEqualTo(promotedRows);
        assertThat(promoted).allSatisfy(p -> assertThat(p.getCheckInCode()).isNotBlank());
    }

    private long count(String eventId, String status) {
        return jdbc.sql("select count(*) from registration where event_id = ?::uuid and status = ?")
                .params(eventId, status).query(Long.class).single();
    }

    private static List<Response> concurrently(int n, java.util.function.IntFunction<Response> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 64))) {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<Response> responses = Collections.synchronizedList(new ArrayList<>());
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        }
    }
}
