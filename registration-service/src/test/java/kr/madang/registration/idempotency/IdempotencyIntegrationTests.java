package kr.madang.registration.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;

import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 14 and 13: takeover of an abandoned claim is atomic, anonymous keys are per client, erasure reaches them. */
class IdempotencyIntegrationTests extends IntegrationTestBase {

    @Autowired
    IdempotencyStore store;

    @Test
    void ofTwoRetriesRacingForOneAbandonedClaimExactlyOneTakesItOver() throws Exception {
        String scope = "sub:takeover-" + System.nanoTime();
        abandonedClaim(scope, "k1");
        List<Boolean> won = race(8, () -> store.takeOver(scope, "k1", "hash-b"));
        assertThat(won.stream().filter(b -> b)).hasSize(1);
        assertThat(store.takeOver(scope, "k1", "hash-c")).as("a fresh claim is not abandoned").isFalse();
    }

    @Test
    void retriesOfAnAbandonedRegistrationRunItOnce() throws Exception {
        String eventId = openEvent("JEJU", 10, true, false);
        String key = "abandoned-" + eventId;
        abandonedClaim("anon:127.0.0.1", key); // this test's client, over IPv4 or IPv6
        abandonedClaim("anon:0:0:0:0:0:0:0:1", key);
        String body = attendeeJson("김민지", uniqueEmail("abandoned"), "ko");
        List<Integer> statuses = race(6, () -> post("/api/events/" + eventId + "/registrations", null, body,
                Map.of("Idempotency-Key", key)).status());
        assertThat(statuses.stream().filter(s -> s == 201).count()).isGreaterThanOrEqualTo(1);
        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        assertThat(jdbc.sql("select count(*) from registration where event_id = ?::uuid").param(eventId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAnonymousCallersKeyIsScopedByClientAddress() {
        String eventId = openEvent("JEJU", 10, true, false);
        String key = "shared-" + eventId;
        Response first = post("/api/events/" + eventId + "/registrations", null,
                attendeeJson("김민지", uniqueEmail("scope"), "ko"), Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(jdbc.sql("select scope from idempotency_record where idem_key = ?").param(key).query(String.class)
                .single()).isIn("anon:127.0.0.1", "anon:0:0:0:0:0:0:0:1");
    }

    @Test
    void erasingThePersonErasesTheAnswersKeptForTheirRegistration() {
        String eventId = openEvent("JEJU", 10, true, false);
        String key = "erase-" + eventId;
        Response created = post("/api/events/" + eventId + "/registrations", TestTokens.regionalOffice("JEJU"),
                attendeeJson("김민지", uniqueEmail("erase-idem"), "ko"), Map.of("Idempotency-Key", key));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        Response cancelled = post("/api/registrations/" + id + "/cancel", TestTokens.regionalOffice("JEJU"),
                "{\"reason\":\"일정 변경\"}", Map.of("Idempotency-Key", "cancel-" + eventId));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(kept(key) + kept("cancel-" + eventId)).isEqualTo(2);

        assertThat(post("/api/registrations/" + id + "/erasure", TestTokens.hqAdmin(), null).status()).isEqualTo(200);
        assertThat(kept(key) + kept("cancel-" + eventId)).as("no copy of the answers survives erasure").isZero();
    }

    private long kept(String key) {
        return jdbc.sql("select count(*) from idempotency_record where idem_key = ?").param(key).query(Long.class)
                .single();
    }

    private void abandonedClaim(String scope, String key) {
        jdbc.sql("insert into idempotency_record (scope, idem_key, request_hash, created_at) values (?, ?, 'hash-a', ?)")
                .params(scope, key, java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(5)))).update();
    }

    private static <T> List<T> race(int n, java.util.concurrent.Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
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
