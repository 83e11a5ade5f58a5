package kr.madang.notification.deadletter;

import java.time.Instant;
import java.util.Map;

/** A record this service could not process, as it arrived on a dead-letter topic. */
public record DeadLetter(long id, String dltTopic, int dltPartition, long dltOffset, String sourceTopic,
                         Integer sourcePartition, Long sourceOffset, String key, byte[] payload,
                         Map<String, String> headers, String eventType, String eventId, String reason,
                         String exceptionClass, Instant receivedAt, String status, int replayCount,
                         Instant lastReplayedAt) {

    public static final String PENDING = "PENDING";
    /** Sent back to its source topic; the normal consumer handles it (once). */
    public static final String REPLAYED = "REPLAYED";
    /** Processed directly by the replay. */
    public static final String RESOLVED = "RESOLVED";
    public static final String DISCARDED = "DISCARDED";
}
