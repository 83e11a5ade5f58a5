package kr.madang.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes outbox rows to Kafka in id order per bucket, then deletes them, in one database transaction per pass
 * over the buckets that hold rows. A bucket is worked by whichever instance holds its transaction-scoped advisory
 * lock, so several instances can run at once without reordering. A crash after sending and before commit
 * sends those rows again on restart: at-least-once, which consumers absorb by event id.
 *
 * Written by hand rather than with Spring Modulith's externalization because that one publishes
 * asynchronously after commit, without order per aggregate across restarts or instances.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, Object> kafka;
    private final OutboxProperties properties;
    private final OutboxSignal signal;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong published = new AtomicLong();

    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, Object> kafka,
                       OutboxProperties properties, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.signal = signal;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.relayEnabled()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Rows published since start, across all buckets. */
    public long publishedCount() {
        return published.get();
    }

    private void loop() {
        long backoff = properties.pollMillis();
        while (running) {
            try {
                int sent = relayOnce();
                backoff = properties.pollMillis();
                if (sent == 0) {
                    signal.await(properties.pollMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Kafka or the database is away: the rows stay, and go when it returns.
                log.warn("Outbox relay failed, retrying in {} ms: {}", backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    /**
     * One pass over the buckets that hold rows, each one this instance can lock; returns how many rows it published.
     * One index probe per bucket, in one statement outside any transaction, finds them: an idle relay opens no
     * transaction and takes no lock. The buckets found are relayed together, in one transaction with one flush to
     * Kafka: a transaction and a flush per bucket were most of the relay's cost under load (issue 15).
     */
    public int relayOnce() {
        List<Integer> buckets = bucketsWithRows();
        if (buckets.isEmpty()) {
            return 0;
        }
        BatchResult result = transactions.execute(tx -> relayBuckets(buckets));
        if (result == null) {
            return 0;
        }
        published.addAndGet(result.sent());
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.sent();
    }

    private List<Integer> bucketsWithRows() {
        return jdbc.sql("""
                        select b from generate_series(0, :last) b
                        where exists (select 1 from outbox_message where bucket = b)
                        """)
                .param("last", properties.buckets() - 1).query(Integer.class).list();
    }

    private BatchResult relayBuckets(List<Integer> buckets) {
        // the case keeps the lock function away from buckets that were empty: it runs only for those found
        List<Integer> locked = jdbc.sql("""
                        select b from generate_series(0, :last) b
                        where case when b in (:buckets) then pg_try_advisory_xact_lock(:ns, b) else false end
                        """)
                .param("last", properties.buckets() - 1).param("buckets", buckets)
                .param("ns", properties.lockNamespace()).query(Integer.class).list();
        if (locked.isEmpty()) {
            return BatchResult.NONE;
        }
        List<Row> rows = jdbc.sql("""
                        select r.id, r.bucket, r.topic, r.message_key, r.payload, r.headers
                        from generate_series(0, :last) b cross join lateral (
                            select id, bucket, topic, message_key, payload, headers::text as headers
                            from outbox_message where bucket = b order by id limit :limit) r
                        where b in (:locked)
                        order by r.bucket, r.id
                        """)
                .param("last", properties.buckets() - 1).param("locked", locked).param("limit", properties.batchSize())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getInt("bucket"), rs.getString("topic"),
                        rs.getString("message_key"), rs.getBytes("payload"), rs.getString("headers")))
                .list();
        if (rows.isEmpty()) {
            return BatchResult.NONE;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sends.add(kafka.send(toRecord(row)));
        }
        kafka.flush();
        // Delete, in each bucket, the prefix that Kafka acknowledged; the rest stays for the next pass, in order.
        List<Long> acknowledged = new ArrayList<>(rows.size());
        Set<Integer> stopped = new HashSet<>();
        RuntimeException failure = null;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (stopped.contains(row.bucket())) {
                continue;
            }
            try {
                sends.get(i).get(30, TimeUnit.SECONDS);
                acknowledged.add(row.id());
            } catch (Exception e) {
                stopped.add(row.bucket());
                if (failure == null) {
                    failure = new IllegalStateException("Kafka did not acknowledge outbox row " + row.id(), e);
                }
            }
        }
        if (!acknowledged.isEmpty()) {
            jdbc.sql("delete from outbox_message where id in (:ids)").param("ids", acknowledged).update();
        }
        // Commit the deletion of what went out even when the rest failed; the caller reports the failure.
        return new BatchResult(acknowledged.size(), failure);
    }

    private record BatchResult(int sent, RuntimeException failure) {
        static final BatchResult NONE = new BatchResult(0, null);
    }

    private ProducerRecord<String, Object> toRecord(Row row) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        json.readValue(row.headers(), HEADERS)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private record Row(long id, int bucket, String topic, String key, byte[] payload, String headers) {
    }
}
