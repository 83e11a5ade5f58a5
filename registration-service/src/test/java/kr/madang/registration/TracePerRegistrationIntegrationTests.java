package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.schemas.Topics;
import kr.madang.schemas.avro.AvroEventDeserializer;
import kr.madang.testing.SharedKafka;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: registrations arriving together are committed in one batch on the leader's thread; each one's event must
 * still carry the trace of the request that made it, not the leader's (one registration, one trace, POST to email).
 */
class TracePerRegistrationIntegrationTests extends IntegrationTestBase {

    @Test
    void everyEventOfAGroupedBatchCarriesItsOwnRequestsTraceparent() throws Exception {
        int requests = 60;
        String eventId = openEvent("JEJU", requests, true, false);
        Map<String, String> traceOfRegistration = new HashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<String[]>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                sent.add(pool.submit(() -> {
                    String traceId = hex(16);
                    start.await();
                    Response r = post("/api/events/" + eventId + "/registrations", null,
                            attendeeJson("김민지", uniqueEmail("trace"), "ko"),
                            Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    return new String[]{r.text("id"), traceId};
                }));
            }
            start.countDown();
            for (Future<String[]> f : sent) {
                String[] pair = f.get();
                traceOfRegistration.put(pair[0], pair[1]);
            }
        }

        AvroEventDeserializer avro = new AvroEventDeserializer();
        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> SharedKafka.readAll(Topics.REGISTRATION_EVENTS, Duration.ofMillis(300)).stream()
                        .filter(r -> eventId.equals(r.key())).toList(),
                        list -> list.size() >= requests + 2);
        int checked = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            SpecificRecord event = avro.deserialize(record.topic(), record.value());
            if (event instanceof RegistrationConfirmed confirmed) {
                var header = record.headers().lastHeader("traceparent");
                assertThat(header).as("traceparent of " + confirmed.getRegistrationId()).isNotNull();
                assertThat(new String(header.value(), StandardCharsets.UTF_8))
                        .as("the event of registration %s", confirmed.getRegistrationId())
                        .contains(traceOfRegistration.get(confirmed.getRegistrationId()));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(requests);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros
        return HexFormat.of().formatHex(b);
    }
}
