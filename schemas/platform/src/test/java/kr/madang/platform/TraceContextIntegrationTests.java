package kr.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import kr.madang.platform.outbox.Outbox;
import kr.madang.platform.outbox.OutboxRelay;
import kr.madang.platform.outbox.OutboxSignal;
import kr.madang.platform.outbox.OutboxProperties;
import kr.madang.schemas.Topics;
import kr.madang.testing.SharedKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@PlatformIntegrationTest
class TraceContextIntegrationTests {

    @Autowired Tracer tracer;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired KafkaTemplate<String, Object> kafka;
    @Autowired OutboxProperties properties;

    @Test
    void theRelayPublishesAnEventWithTheTraceOfTheRequestThatWroteIt() {
        String forumEvent = "traced-" + UUID.randomUUID();
        Span request = tracer.nextSpan().name("POST /api/events/{id}/registrations").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            transactions.executeWithoutResult(tx ->
                    outbox.append(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(forumEvent, 1, null)));
        } finally {
            request.end();
        }

        OutboxRelay relay = new OutboxRelay(jdbc, transactions, kafka, properties, new OutboxSignal());
        while (relay.relayOnce() > 0) {
            // publish from this thread, outside the request's span
        }

        var record = await().atMost(Duration.ofSeconds(20)).until(() -> SharedKafka.readAll(Topics.REGISTRATION_EVENTS,
                Duration.ofMillis(500)).stream().filter(r -> forumEvent.equals(r.key())).findFirst(), found -> found.isPresent()).orElseThrow();
        String traceparent = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertThat(traceparent).contains(request.context().traceId());
    }
}
