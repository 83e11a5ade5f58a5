package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.events.registration.RegistrationWaitlisted;
import kr.madang.platform.security.CurrentUser;
import kr.madang.registration.attendee.AttendeeForm;
import kr.madang.registration.attendee.AttendeeType;
import kr.madang.registration.attendee.Registration;
import kr.madang.registration.attendee.RegistrationService;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.schemas.Events;
import kr.madang.testing.TestTokens;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.awaitility.Awaitility.await;

/**
 * "Registration opens": many registrations at once for one event. Checks that group commit keeps every rule (never
 * oversold, waitlist without gaps, a duplicate email refused for just that request, events numbered like the rows) and
 * prints the throughput next to "limit B", the same SQL run straight over JDBC on the one hot row. Timing is printed,
 * not asserted (a shared 2-core machine). Scale it up for a real measurement:
 * {@code -Dmadang.hot.registrations=20000 -Dmadang.hot.seats=1000}.
 */
class HotEventIntegrationTests extends IntegrationTestBase {

    private static final int REGISTRATIONS = Integer.getInteger("madang.hot.registrations", 2000);
    private static final int SEATS = Integer.getInteger("madang.hot.seats", 100);
    private static final int CLIENTS = Integer.getInteger("madang.hot.clients", 64);

    @Autowired
    DataSource dataSource;
    @Autowired
    RegistrationService service;
    @Autowired
    ForumEventRepository events;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

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

        var batches = meters.get("madang.registration.group-commit.batch-size").summary();
        long batchesBefore = batches.count();
        double registeredBefore = batches.totalAmount();
        long started = System.nanoTime();
        List<Response> responses = concurrently(REGISTRATIONS, CLIENTS, i -> register(eventId, i % 2 == 0 ? null : token,
                attendeeJson(i % 3 == 0 ? "Maria Lopez" : "김민지", emails.get(i), i % 3 == 0 ? "en" : "ko")));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("HOT EVENT: %d registrations for %d seats with %d clients in %.2f s = %.0f req/s%n",
                REGISTRATIONS, SEATS, CLIENTS, seconds, REGISTRATIONS / seconds);
        System.out.printf("HOT EVENT: %d transactions, %.1f registrations per transaction on average%n",
                batches.count() - batchesBefore, (batches.totalAmount() - registeredBefore) / (batches.count() - batchesBefore));

        int unique = (int) emails.stream().distinct().count() - 1; // the earlier one is not new
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409));
        List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).hasSize(unique);
        for (int i = 0; i < REGISTRATIONS; i++) {
            if (responses.get(i).status() == 409) {
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

        // The events: one per registration, numbered without gaps, seats before waitlist places, waitlist places in
        // the order of their positions, and the same story as the rows.
        int expected = 2 + 1 + unique;
        List<SpecificRecord> published = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> publishedFor(eventId, Duration.ofMillis(500)), list -> list.size() >= expected);
        assertThat(published).hasSize(expected);
        assertThat(published).extracting(e -> Events.header(e).getAggregateVersion())
                .isEqualTo(IntStream.rangeClosed(1, expected).mapToObj(i -> (long) i).toList());
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

    /**
     * The same burst one layer down, without HTTP (whose CPU dominates on a small shared machine): the service's
     * grouped path against the former one-transaction-per-registration path, on two fresh events.
     */
    @Test
    void serviceLayerGroupCommitAgainstOneTransactionPerRegistration() throws Exception {
        int n = REGISTRATIONS / 2;
        CurrentUser anonymous = CurrentUser.of(null);
        String grouped = openEvent("JEJU", SEATS, true, false);
        long started = System.nanoTime();
        concurrently(n, CLIENTS, i -> service.register(UUID.fromString(grouped), form("grouped-" + i), anonymous));
        double groupedRate = n / ((System.nanoTime() - started) / 1e9);

        String single = openEvent("JEJU", SEATS, true, false);
        ForumEvent event = events.find(UUID.fromString(single)).orElseThrow();
        started = System.nanoTime();
        concurrently(n, CLIENTS, i -> service.registerValid(event, service.valid(form("single-" + i)), "attendee",
                Registration.Source.SELF));
        double singleRate = n / ((System.nanoTime() - started) / 1e9);
        System.out.printf("SERVICE LAYER: %d registrations for %d seats, %d threads: group commit %.0f/s, "
                + "one transaction each %.0f/s (x%.1f)%n", n, SEATS, CLIENTS, groupedRate, singleRate, groupedRate / singleRate);

        for (String id : List.of(grouped, single)) {
            assertThat(jdbc.sql("select count(*) from registration where event_id = ?::uuid and status = 'CONFIRMED'")
                    .param(id).query(Long.class).single()).isEqualTo(SEATS);
            assertThat(jdbc.sql("select waitlist_position from registration where event_id = ?::uuid and status = 'WAITLISTED' order by 1")
                    .param(id).query(Integer.class).list()).isEqualTo(IntStream.rangeClosed(1, n - SEATS).boxed().toList());
        }
    }

    private static AttendeeForm form(String tag) {
        return new AttendeeForm("김민지", tag + "-" + UUID.randomUUID() + "@example.kr", "010-1234-5678", "제주특별자치도",
                "주무관", AttendeeType.GENERAL, "ko", null, false, false, false, null, List.of(), true, "2023-01");
    }

    /**
     * Limit B: the registration transaction's own SQL (the seat UPDATE of the one event row, the registration INSERT, an
     * outbox INSERT of an event-sized payload) straight over JDBC, one transaction per registration, at 1..32
     * connections. The outbox rows go to a copy of the outbox table so that the relay does not publish them.
     */
    @Test
    void limitBTheRegistrationSqlOnOneHotRowOverJdbc() throws Exception {
        String eventId = openEvent("JEJU", SEATS * 10, true, false);
        jdbc.sql("create table if not exists bench_outbox (like outbox_message including all)").update();
        byte[] payload = new byte[900];
        double best = 0;
        int bestThreads = 0;
        AtomicInteger n = new AtomicInteger();
        int perRound = Math.max(REGISTRATIONS / 4, 500);
        for (int threads : List.of(1, 4, 16, 32)) {
            long started = System.nanoTime();
            concurrently(perRound, threads, i -> {
                rawRegistration(UUID.fromString(eventId), n.incrementAndGet(), payload);
                return null;
            });
            double rate = perRound / ((System.nanoTime() - started) / 1e9);
            System.out.printf("LIMIT B: %d connections: %.0f tx/s%n", threads, rate);
            if (rate > best) {
                best = rate;
                bestThreads = threads;
            }
        }
        System.out.printf("LIMIT B: best %.0f tx/s at %d connections%n", best, bestThreads);
        jdbc.sql("drop table bench_outbox").update();
        assertThat(jdbc.sql("select confirmed + waitlist_issued from forum_event where id = ?::uuid").param(eventId)
                .query(Integer.class).single()).isEqualTo(n.get());
    }

    private void rawRegistration(UUID eventId, int i, byte[] payload) {
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var seat = c.prepareStatement("""
                    update forum_event set confirmed = confirmed + case when confirmed < capacity then 1 else 0 end,
                        waitlist_issued = waitlist_issued + case when confirmed < capacity then 0 else 1 end,
                        version = version + 1
                    where id = ? and status = 'OPEN' returning confirmed, waitlist_issued, version
                    """);
                 var insert = c.prepareStatement("""
                    insert into registration (id, event_id, status, waitlist_position, name, email, email_key, phone,
                        organisation, job_title, attendee_type, language, consent_policy_version, consent_at, source,
                        created_by, created_at, updated_at)
                    values (?, ?, 'CONFIRMED', null, '김민지', ?, ?, '+821012345678', '제주특별자치도', '주무관', 'GENERAL',
                        'KO', '2023-01', now(), 'SELF', 'attendee', now(), now())
                    on conflict (event_id, email_key) where status in ('CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL') do nothing
                    """);
                 var outbox = c.prepareStatement("""
                    insert into bench_outbox (topic, message_key, bucket, event_id, event_type, payload, headers)
                    values ('bench', ?, 1, ?, 'RegistrationConfirmed', ?, cast(? as jsonb))
                    """)) {
                seat.setObject(1, eventId);
                seat.executeQuery().close();
                String email = "limit-b-" + i + "-" + eventId + "@example.kr";
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, eventId);
                insert.setString(3, email);
                insert.setString(4, email);
                insert.executeUpdate();
                outbox.setString(1, eventId.toString());
                outbox.setString(2, UUID.randomUUID().toString());
                outbox.setBytes(3, payload);
                outbox.setString(4, "{\"event-type\":\"RegistrationConfirmed\"}");
                outbox.executeUpdate();
            }
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
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
