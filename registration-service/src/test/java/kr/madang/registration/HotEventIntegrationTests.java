package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;


import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.events.registration.RegistrationWaitlisted;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.schemas.Events;
import kr.madang.testing.TestTokens;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * "Registration opens": many registrations at once for one event. Checks that group commit keeps every rule (never
 * oversold, waitlist without gaps, a duplicate email refused for just that request, events numbered like the rows). Its speed is
 * measured by deploy/bench (hot scenario and "limit B"), never here.
 */
class HotEventIntegrationTests extends IntegrationTestBase {

    private static final int REGISTRATIONS = Integer.getInteger("madang.hot.registrations", 2000);
    private static final int SEATS = Integer.getInteger("madang.hot.seats", 100);
    private static final int CLIENTS = Integer.getInteger("madang.hot.clients", 64);

    @Test
    void manyAtOnceForOneEventNeverOversellAndEveryDuplicateIsRefusedAlone() throws Exception {
        String eventId = openEvent("JEJU", SEATS, true, false);
        String tag = eventId.substring(0, 8);
        String earlier = "early-" + tag + "@example.kr";
        assertThat(register(eventId, null, attendeeJson("김민지", earlier, "ko")).status()).isEqualTo(201);
        // Every 20th request repeats the email of the one before it (they race each other); a few repeat the
        // registration made earlier; the rest are new. Half come with a staff token.
        String token = TestTokens.regionalOffice("JEJU");
        List<String> emails = IntStream.range(0, REGISTRATIONS).mapToObj(i ->
                i % 20 == 19 ? "hot-" + (i - 1) + "-" + tag + "@example.kr"
                        : i % 500 == 7 ? earlier : "hot-" + i + "-" + tag + "@example.kr").toList();

        List<Response> responses = concurrently(REGISTRATIONS, CLIENTS, i -> register(eventId, i % 2 == 0 ? null : token,
                attendeeJson(i % 3 == 0 ? "Maria Lopez" : "김민지", emails.get(i), i % 3 == 0 ? "en" : "ko")));

        int unique = (int) emails.stream().distinct().count() - 1; // the earlier one is not new
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409));
        // An anonymous duplicate is answered as a new registration would be (issue 13: no oracle for strangers), with
        // an id that names no row; only staff get the 409.
        Set<String> rows = Set.copyOf(jdbc.sql("select id::text from registration where event_id = ?::uuid")
                .param(eventId).query(String.class).list());
        List<Response> created = responses.stream().filter(r -> r.status() == 201 && rows.contains(r.text("id"))).toList();
        assertThat(created).hasSize(unique);
        for (int i = 0; i < REGISTRATIONS; i++) {
            if (responses.get(i).status() == 201 && !rows.contains(responses.get(i).text("id"))) {
                assertThat(i % 2).as("only anonymous duplicates are answered as new").isZero();
            }
            if (responses.get(i).status() == 409) {
                assertThat(i % 2).as("only staff get the conflict").isOne();
                String existing = responses.get(i).text("existingRegistrationId");
                assertThat(existing).as("a refused duplicate points to the registration it repeats").isNotBlank();
                assertThat(jdbc.sql("select email from registration where id = ?::uuid").param(existing)
                        .query(String.class).single()).isEqualTo(emails.get(i));
            }
        }
        assertThat(created.stream().filter(r -> r.text("status").equals("CONFIRMED"))).hasSize(SEATS - 1);
        assertThat(created.stream().filter(r -> r.text("status").equals("WAITLISTED"))
                .map(r -> r.json().path("waitlistPosition").asInt()).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, unique - SEATS + 1).boxed().toList());
        assertThat(jdbc.sql("select count(*) from registration where event_id = ?::uuid and status = 'CONFIRMED'")
                .param(eventId).query(Long.class).single()).isEqualTo(SEATS);
        assertThat(jdbc.sql("select waitlist_position from registration where event_id = ?::uuid and status = 'WAITLISTED' order by 1")
                .param(eventId).query(Integer.class).list()).isEqualTo(IntStream.rangeClosed(1, unique - SEATS + 1).boxed().toList());
        assertThat(jdbc.sql("select count(distinct email) = count(*) from registration where event_id = ?::uuid")
                .param(eventId).query(Boolean.class).single()).isTrue();
        // In arrival order: a registration that took its place in line earlier never holds a later position, and
        // every seat went to someone who arrived before everyone waiting (the bench counted such inversions when the
        // arrival time was read before queueing).
        assertThat(jdbc.sql("""
                select count(*) from (select created_at < lag(created_at) over (order by waitlist_position) inverted
                  from registration where event_id = ?::uuid and status = 'WAITLISTED') x where inverted""")
                .param(eventId).query(Long.class).single()).as("waitlist positions out of arrival order").isZero();
        assertThat(jdbc.sql("""
                select max(created_at) filter (where status = 'CONFIRMED') <= min(created_at) filter (where status = 'WAITLISTED')
                from registration where event_id = ?::uuid""").param(eventId).query(Boolean.class).single())
                .as("seats went to those who arrived first").isTrue();

        // The events: one per registration, numbered without gaps, seats before waitlist places, waitlist places in
        // the order of their positions, and the same story as the rows.
        // Anonymous duplicates also announce, once per registration tried, that its person is to be told.
        int toldAgain = jdbc.sql("select count(*) from duplicate_registration_notice where event_id = ?::uuid")
                .param(eventId).query(Integer.class).single();
        int expected = 2 + 1 + unique;
        List<SpecificRecord> all = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> publishedFor(eventId, Duration.ofMillis(500)), list -> list.size() >= expected + toldAgain);
        assertThat(all).hasSize(expected + toldAgain);
        assertThat(all).extracting(e -> Events.header(e).getAggregateVersion())
                .isEqualTo(IntStream.rangeClosed(1, expected + toldAgain).mapToObj(i -> (long) i).toList());
        assertThat(all.stream().filter(e -> e instanceof kr.madang.events.registration.RegistrationAttemptRepeated))
                .hasSize(toldAgain);
        List<SpecificRecord> published = all.stream()
                .filter(e -> !(e instanceof kr.madang.events.registration.RegistrationAttemptRepeated)).toList();
        assertThat(published).hasSize(expected);
        List<SpecificRecord> registrations = published.subList(2, expected);
        assertThat(registrations.subList(0, SEATS)).allMatch(e -> e instanceof RegistrationConfirmed);
        assertThat(registrations.subList(SEATS, registrations.size())).allMatch(e -> e instanceof RegistrationWaitlisted);
        assertThat(registrations.subList(SEATS, registrations.size())).extracting(e -> ((RegistrationWaitlisted) e).getWaitlistPosition())
                .isSortedAccordingTo(Comparator.naturalOrder());
        Set<String> confirmedRows = Set.copyOf(jdbc.sql("select id::text from registration where event_id = ?::uuid and status = 'CONFIRMED'")
                .param(eventId).query(String.class).list());
        assertThat(registrations.stream().filter(e -> e instanceof RegistrationConfirmed)
                .map(e -> ((RegistrationConfirmed) e).getRegistrationId()).collect(Collectors.toSet())).isEqualTo(confirmedRows);
        Map<String, Integer> waitlistedRows = jdbc.sql("select id::text, waitlist_position from registration where event_id = ?::uuid and status = 'WAITLISTED'")
                .param(eventId).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(registrations.stream().filter(e -> e instanceof RegistrationWaitlisted).map(e -> (RegistrationWaitlisted) e)
                .collect(Collectors.toMap(RegistrationWaitlisted::getRegistrationId, RegistrationWaitlisted::getWaitlistPosition)))
                .isEqualTo(waitlistedRows);
    }

    @Test
    void anEventNeedingApprovalHoldsTheGroupedPublicRegistrationsWhileStaffOnesTakeSeatsInOrder() throws Exception {
        String eventId = openEvent("JEJU", 20, true, true);
        String token = TestTokens.regionalOffice("JEJU");
        List<Response> responses = concurrently(200, CLIENTS, i -> register(eventId, i % 2 == 0 ? null : token,
                attendeeJson("김민지", "approval-" + i + "-" + eventId.substring(0, 8) + "@example.kr", "ko")));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        for (int i = 0; i < 200; i++) {
            String status = responses.get(i).text("status");
            assertThat(status).isEqualTo(i % 2 == 0 ? "PENDING_APPROVAL" : status.equals("CONFIRMED") ? "CONFIRMED" : "WAITLISTED");
        }
        assertThat(responses.stream().filter(r -> r.text("status").equals("CONFIRMED"))).hasSize(20);
        assertThat(responses.stream().filter(r -> r.text("status").equals("WAITLISTED"))
                .map(r -> r.json().path("waitlistPosition").asInt()).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, 80).boxed().toList());
        List<SpecificRecord> published = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> publishedFor(eventId, Duration.ofMillis(500)), list -> list.size() >= 202);
        assertThat(published).extracting(e -> Events.header(e).getAggregateVersion())
                .isEqualTo(IntStream.rangeClosed(1, 202).mapToObj(i -> (long) i).toList());
        assertThat(published.stream().filter(e -> e instanceof kr.madang.events.registration.RegistrationPendingApproval))
                .hasSize(100);
    }

    private static <T> List<T> concurrently(int n, int clients, java.util.function.IntFunction<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
