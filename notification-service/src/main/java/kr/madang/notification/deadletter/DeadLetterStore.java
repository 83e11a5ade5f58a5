package kr.madang.notification.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Component
public class DeadLetterStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public DeadLetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new row's id, or empty when this dead-letter record was stored already (redelivered). */
    public Optional<Long> insert(String dltTopic, int dltPartition, long dltOffset, String sourceTopic, Integer sourcePartition,
                                 Long sourceOffset, String key, byte[] payload, Map<String, String> headers, String eventType,
                                 String eventId, String reason, String exceptionClass, Instant receivedAt) {
        return jdbc.sql("""
                        insert into dead_letter (dlt_topic, dlt_partition, dlt_offset, source_topic, source_partition,
                            source_offset, record_key, payload, headers, event_type, event_id, reason, exception_class, received_at)
                        values (:dltTopic, :dltPartition, :dltOffset, :sourceTopic, :sourcePartition, :sourceOffset, :key,
                            :payload, cast(:headers as jsonb), :eventType, :eventId, :reason, :exceptionClass, :receivedAt)
                        on conflict (dlt_topic, dlt_partition, dlt_offset) do nothing
                        returning id
                        """)
                .param("dltTopic", dltTopic).param("dltPartition", dltPartition).param("dltOffset", dltOffset)
                .param("sourceTopic", sourceTopic).param("sourcePartition", sourcePartition)
                .param("sourceOffset", sourceOffset).param("key", key).param("payload", payload)
                .param("headers", JSON.writeValueAsString(headers)).param("eventType", eventType)
                .param("eventId", eventId).param("reason", reason).param("exceptionClass", exceptionClass)
                .param("receivedAt", Timestamp.from(receivedAt))
                .query(Long.class).optional();
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql("select * from dead_letter where id = :id").param("id", id).query(this::map).optional();
    }

    /** Locks the row for a replay, so two operators replaying at once do not both send it back. */
    /**
     * Locks one dead letter for its replay, for the rest of the caller's transaction; empty when it does not exist or
     * another replay holds it (so two operators replaying at once do not both replay it).
     */
    public Optional<DeadLetter> lock(long id) {
        return jdbc.sql("select * from dead_letter where id = :id for update skip locked").param("id", id).query(this::map).optional();
    }

    public record Page(List<DeadLetter> items, long total) {
    }

    public Page list(String status, String sourceTopic, int page, int size) {
        String where = " where (cast(:status as text) is null or status = :status)"
                + " and (cast(:topic as text) is null or source_topic = :topic)";
        long total = jdbc.sql("select count(*) from dead_letter" + where)
                .param("status", status).param("topic", sourceTopic).query(Long.class).single();
        List<DeadLetter> items = jdbc.sql("select * from dead_letter" + where + " order by id limit :size offset :offset")
                .param("status", status).param("topic", sourceTopic).param("size", size).param("offset", (long) page * size)
                .query(this::map).list();
        return new Page(items, total);
    }

    public List<Long> pendingIds(int limit) {
        return jdbc.sql("select id from dead_letter where status = 'PENDING' order by id limit :limit")
                .param("limit", limit).query(Long.class).list();
    }

    public void markReplayed(long id, String status, Instant at) {
        jdbc.sql("update dead_letter set status = :status, replay_count = replay_count + 1, last_replayed_at = :at where id = :id")
                .param("status", status).param("at", Timestamp.from(at)).param("id", id).update();
    }

    public void discard(long id) {
        jdbc.sql("update dead_letter set status = 'DISCARDED' where id = :id").param("id", id).update();
    }

    public void audit(long deadLetterId, String mode, String actor, Instant at, String outcome, String detail) {
        jdbc.sql("""
                        insert into dead_letter_replay (dead_letter_id, mode, actor, replayed_at, outcome, detail)
                        values (:id, :mode, :actor, :at, :outcome, :detail)
                        """)
                .param("id", deadLetterId).param("mode", mode).param("actor", actor).param("at", Timestamp.from(at))
                .param("outcome", outcome).param("detail", detail).update();
    }

    public record Replay(String mode, String actor, Instant replayedAt, String outcome, String detail) {
    }

    public List<Replay> replays(long deadLetterId) {
        return jdbc.sql("select * from dead_letter_replay where dead_letter_id = :id order by id")
                .param("id", deadLetterId)
                .query((rs, i) -> new Replay(rs.getString("mode"), rs.getString("actor"),
                        rs.getTimestamp("replayed_at").toInstant(), rs.getString("outcome"), rs.getString("detail")))
                .list();
    }

    private DeadLetter map(ResultSet rs, int row) throws SQLException {
        Map<String, String> headers = JSON.readValue(rs.getString("headers"), new TypeReference<LinkedHashMap<String, String>>() {
        });
        Timestamp last = rs.getTimestamp("last_replayed_at");
        return new DeadLetter(rs.getLong("id"), rs.getString("dlt_topic"), rs.getInt("dlt_partition"), rs.getLong("dlt_offset"),
                rs.getString("source_topic"), (Integer) rs.getObject("source_partition"), (Long) rs.getObject("source_offset"),
                rs.getString("record_key"), rs.getBytes("payload"), headers, rs.getString("event_type"),
                rs.getString("event_id"), rs.getString("reason"), rs.getString("exception_class"),
                rs.getTimestamp("received_at").toInstant(), rs.getString("status"), rs.getInt("replay_count"),
                last == null ? null : last.toInstant());
    }
}
