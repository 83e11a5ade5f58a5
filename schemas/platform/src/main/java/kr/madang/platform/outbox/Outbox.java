package kr.madang.platform.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import kr.madang.events.EventHeader;
import kr.madang.schemas.Events;
import kr.madang.schemas.KafkaHeaders;
import kr.madang.schemas.avro.AvroEventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends an event to the outbox in the caller's transaction, so that the state change and the event that
 * announces it commit together or not at all. The {@link OutboxRelay} publishes it after commit.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxProperties properties;
    private final OutboxSignal signal;
    private final java.util.List<OutboxHeaderContributor> headerContributors;
    private final AvroEventSerializer serializer = new AvroEventSerializer();
    private final JsonMapper json = JsonMapper.builder().build();

    public Outbox(JdbcClient jdbc, OutboxProperties properties, OutboxSignal signal,
                  java.util.List<OutboxHeaderContributor> headerContributors) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.signal = signal;
        this.headerContributors = headerContributors;
    }

    /**
     * The record key is the event's aggregate id, so one aggregate's events keep their order on the topic. Rows
     * appended in one transaction are written together by one multi-row INSERT just before it commits (still under
     * the transaction's locks, so ids follow commit order per aggregate): a batch of registrations costs one
     * statement, not one per event.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, SpecificRecord event) {
        EventHeader header = Events.header(event);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(KafkaHeaders.EVENT_TYPE, Events.type(event));
        headers.put(KafkaHeaders.EVENT_ID, header.getEventId());
        headers.put(KafkaHeaders.CORRELATION_ID, header.getCorrelationId());
        headerContributors.forEach(contributor -> headers.putAll(contributor.headers()));
        Row row = new Row(topic, header.getAggregateId(), properties.bucketOf(header.getAggregateId()), header.getEventId(),
                Events.type(event), serializer.serialize(topic, event), json.writeValueAsString(headers));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(java.util.List.of(row));
            return;
        }
        pendingRows().rows.add(row);
    }

    /**
     * A record that is not an event, in the caller's transaction like one: its value as bytes, or null for a
     * tombstone on a compacted topic (a person's data key, see {@code kr.madang.platform.sealing}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendRecord(String topic, String key, byte[] value) {
        Row row = new Row(topic, key, properties.bucketOf(key), java.util.UUID.randomUUID().toString(),
                value == null ? "tombstone" : "record", value, "{}");
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(java.util.List.of(row));
            return;
        }
        pendingRows().rows.add(row);
    }

    /** This transaction's pending rows; synchronizations are suspended with their transaction, so REQUIRES_NEW gets its own. */
    private PendingRows pendingRows() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingRows pending && pending.outbox() == this) {
                return pending;
            }
        }
        PendingRows pending = new PendingRows(this);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private static final int ROWS_PER_STATEMENT = 500;

    private void insert(java.util.List<Row> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            java.util.List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(
                    "insert into outbox_message (topic, message_key, bucket, event_id, event_type, payload, headers) values ");
            java.util.List<Object> params = new java.util.ArrayList<>(chunk.size() * 7);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, cast(? as jsonb))");
                Row row = chunk.get(i);
                // Arrays.asList: a tombstone's payload is null
                params.addAll(java.util.Arrays.asList(row.topic(), row.key(), row.bucket(), row.eventId(), row.eventType(),
                        row.payload(), row.headers()));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    private record Row(String topic, String key, int bucket, String eventId, String eventType, byte[] payload,
                       String headers) {
    }

    /** Rows of one transaction: inserted in append order before commit, the relay woken after it. */
    private record PendingRows(Outbox outbox, java.util.List<Row> rows) implements TransactionSynchronization {

        PendingRows(Outbox outbox) {
            this(outbox, new java.util.ArrayList<>());
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!rows.isEmpty()) {
                outbox.insert(rows);
            }
        }

        @Override
        public void afterCommit() {
            outbox.signal.wake();
        }
    }
}
