package kr.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import kr.madang.platform.outbox.Outbox;
import kr.madang.platform.outbox.OutboxProperties;
import kr.madang.platform.outbox.OutboxRelay;
import kr.madang.platform.outbox.OutboxSignal;
import kr.madang.schemas.Events;
import kr.madang.schemas.Topics;
import kr.madang.schemas.avro.AvroEventDeserializer;
import kr.madang.testing.SharedKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

@PlatformIntegrationTest
class OutboxRelayIntegrationTests {

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired ProducerFactory<String, Object> producerFactory;
    @Autowired KafkaTemplate<String, Object> kafka;
    @Autowired OutboxProperties properties;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aRelayStoppedMidBatchAndRestartedLosesNothingAndDuplicatesNoEffect() {
        OutboxRelay restarted = new OutboxRelay(jdbc, transactions, kafka, properties, new OutboxSignal());
        while (restarted.relayOnce() > 0) {
            // start from an empty outbox, so the crash falls among this test's rows
        }
        List<String> aggregates = aggregates("crash", 8);
        appendInterleaved(aggregates, 25);
        KafkaTemplate<String, Object> dyingAfter70 = new KafkaTemplate<>(producerFactory) {
            int sent;

            @Override
            public CompletableFuture<SendResult<String, Object>> send(ProducerRecord<String, Object> record) {
                if (++sent > 70) {
                    throw new IllegalStateException("relay process killed mid-batch");
                }
                return super.send(record);
            }
        };

        OutboxRelay crashing = new OutboxRelay(jdbc, transactions, dyingAfter70, properties, new OutboxSignal());
        assertThatThrownBy(crashing::relayOnce).hasMessageContaining("killed");
        assertThat(outboxRows()).as("the interrupted batch stays in the outbox").isPositive();
        assertThat(meters.get("madang.outbox.backlog").gauge().value()).as("ops see the backlog").isEqualTo(outboxRows());

        while (restarted.relayOnce() > 0) {
            // the restarted relay drains what the crashed one left
        }

        assertThat(outboxRows()).isZero();
        List<ConsumerRecord<String, byte[]>> onTopic = recordsOf(aggregates);
        assertThat(onTopic.size()).as("the crash re-sent part of a batch").isGreaterThan(200);
        assertThat(distinctEventIds(onTopic)).hasSize(200);
        firstSeenVersionsByKey(onTopic).values().forEach(versions ->
                assertThat(versions).as("order per aggregate").isSorted().hasSize(25));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(appliedEffects(aggregates)).as("each event applied exactly once").isEqualTo(200));
    }

    @Test
    void twoRelaysRunningAtOnceKeepEachAggregateInOrderWithoutDuplicates() {
        List<String> aggregates = aggregates("pair", 10);
        OutboxProperties enabled = new OutboxProperties(properties.buckets(), properties.batchSize(),
                properties.pollMillis(), properties.lockNamespace(), true);
        OutboxRelay first = new OutboxRelay(jdbc, transactions, kafka, enabled, new OutboxSignal());
        OutboxRelay second = new OutboxRelay(jdbc, transactions, kafka, enabled, new OutboxSignal());
        first.start();
        second.start();
        try {
            appendInterleaved(aggregates, 30);
            await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows() == 0);
        } finally {
            first.stop();
            second.stop();
        }

        List<ConsumerRecord<String, byte[]>> onTopic = recordsOf(aggregates);
        assertThat(onTopic).hasSize(300);
        Map<String, List<Long>> versions = firstSeenVersionsByKey(onTopic);
        assertThat(versions).hasSize(10);
        versions.values().forEach(v -> assertThat(v).isSorted().doesNotHaveDuplicates().hasSize(30));
        assertThat(first.publishedCount() + second.publishedCount()).isEqualTo(300);
    }

    @Test
    void aPassThatFindsNothingOpensNoTransaction() {
        AtomicInteger opened = new AtomicInteger();
        TransactionTemplate counting = counting(opened);
        OutboxRelay idle = new OutboxRelay(jdbc, counting, kafka, properties, new OutboxSignal());
        // rows other work left are relayed first
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            int before = opened.get();
            return idle.relayOnce() == 0 && opened.get() == before;
        });

        String aggregate = "idle-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> outbox.append(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(aggregate, 1, null)));
        int before = opened.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> idle.relayOnce() + outboxRows() >= 0 && outboxRows() == 0);
        assertThat(opened.get() - before).as("only buckets holding rows are locked and relayed")
                .isLessThan(properties.buckets());
    }

    @Test
    void onePassOverEveryBucketHoldingRowsIsOneTransactionAndOneFlush() {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger flushed = new AtomicInteger();
        TransactionTemplate counting = counting(opened);
        KafkaTemplate<String, Object> countingFlushes = new KafkaTemplate<>(producerFactory) {
            @Override
            public void flush() {
                flushed.incrementAndGet();
                super.flush();
            }
        };
        OutboxRelay relay = new OutboxRelay(jdbc, counting, countingFlushes, properties, new OutboxSignal());
        while (relay.relayOnce() > 0) {
            // start from an empty outbox
        }
        List<String> aggregates = aggregates("spread", 24);
        appendInterleaved(aggregates, 3);
        long bucketsHoldingRows = jdbc.sql("select count(distinct bucket) from outbox_message").query(Long.class).single();
        assertThat(bucketsHoldingRows).as("the rows are spread over several buckets").isGreaterThan(2);
        opened.set(0);
        flushed.set(0);

        assertThat(relay.relayOnce()).isEqualTo(72);

        assertThat(opened.get()).as("transactions").isEqualTo(1);
        assertThat(flushed.get()).as("flushes to Kafka").isEqualTo(1);
        assertThat(outboxRows()).isZero();
        firstSeenVersionsByKey(recordsOf(aggregates)).values().forEach(versions ->
                assertThat(versions).as("order per aggregate").isSorted().hasSize(3));
    }

    @Test
    void anEventWrittenOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(Topics.REGISTRATION_EVENTS, TestEvents.confirmed("no-tx", 1, null)))
                .hasMessageContaining("transaction");
    }

    @Test
    void aRolledBackStateChangeLeavesNoEvent() {
        String aggregate = "rollback-" + UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            outbox.append(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(aggregate, 1, null));
            throw new IllegalStateException("the state change failed");
        })).hasMessageContaining("failed");

        assertThat(jdbc.sql("select count(*) from outbox_message where message_key = :k").param("k", aggregate)
                .query(Long.class).single()).isZero();
    }

    /** The transaction template, counting the transactions it opens. */
    private TransactionTemplate counting(AtomicInteger opened) {
        return new TransactionTemplate(transactions.getTransactionManager()) {
            @Override
            public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
                opened.incrementAndGet();
                return super.execute(action);
            }
        };
    }

    private List<String> aggregates(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "-" + UUID.randomUUID());
        }
        return ids;
    }

    /** One event per transaction, round-robin over the aggregates, each aggregate's versions counting up from 1. */
    private void appendInterleaved(List<String> aggregates, int perAggregate) {
        for (int version = 1; version <= perAggregate; version++) {
            for (String aggregate : aggregates) {
                long v = version;
                transactions.executeWithoutResult(tx ->
                        outbox.append(Topics.REGISTRATION_EVENTS, TestEvents.confirmed(aggregate, v, null)));
            }
        }
    }

    private long outboxRows() {
        return jdbc.sql("select count(*) from outbox_message").query(Long.class).single();
    }

    private long appliedEffects(List<String> aggregates) {
        return jdbc.sql("select count(*) from applied_effect where aggregate in (:a)").param("a", aggregates)
                .query(Long.class).single();
    }

    private static List<ConsumerRecord<String, byte[]>> recordsOf(List<String> aggregates) {
        return SharedKafka.readAll(Topics.REGISTRATION_EVENTS, Duration.ofSeconds(2)).stream()
                .filter(r -> aggregates.contains(r.key()))
                .toList();
    }

    private static List<String> distinctEventIds(List<ConsumerRecord<String, byte[]>> records) {
        AvroEventDeserializer deserializer = new AvroEventDeserializer();
        return records.stream().map(r -> Events.header(deserializer.deserialize(r.topic(), r.value())).getEventId())
                .distinct().toList();
    }

    /** Per key, the aggregate versions in topic order, each event counted at its first appearance. */
    private static Map<String, List<Long>> firstSeenVersionsByKey(List<ConsumerRecord<String, byte[]>> records) {
        AvroEventDeserializer deserializer = new AvroEventDeserializer();
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            var header = Events.header(deserializer.deserialize(record.topic(), record.value()));
            if (seen.add(header.getEventId())) {
                versions.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(header.getAggregateVersion());
            }
        }
        return versions;
    }
}
