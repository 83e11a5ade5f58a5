package kr.madang.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param buckets       rows are spread over this many buckets by key; each bucket is relayed by one instance at a
 *                      time (a PostgreSQL advisory lock), so order per key holds with several instances running.
 *                      Change it only with an empty outbox.
 * @param batchSize     rows published per bucket per transaction
 * @param pollMillis    how long the relay waits for a commit signal before looking again: a safety poll for rows
 *                      another instance committed or a failed pass left behind; this instance's own commits wake it
 *                      at once
 * @param lockNamespace first key of the advisory lock, distinct per service sharing a server
 */
@ConfigurationProperties("madang.outbox")
public record OutboxProperties(Integer buckets, Integer batchSize, Long pollMillis, Integer lockNamespace, Boolean relayEnabled) {

    public OutboxProperties {
        buckets = buckets == null ? 8 : buckets;
        batchSize = batchSize == null ? 500 : batchSize;
        pollMillis = pollMillis == null ? 2_000L : pollMillis;
        lockNamespace = lockNamespace == null ? 0x0B0C : lockNamespace;
        relayEnabled = relayEnabled == null || relayEnabled;
    }

    int bucketOf(String key) {
        return Math.floorMod(key.hashCode(), buckets);
    }
}
