package kr.madang.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Two figures the load figures do not show: what the stack does while nobody uses it (database transactions per
 * second per service database, from {@code pg_stat_database}: the outbox relays' and dispatcher's safety polls), and
 * how many records a topic gains per registration (end offsets before and after, from the broker).
 */
final class Quiet {

    static final List<String> DATABASES = List.of("registration", "agreement", "notification");

    private Quiet() {
    }

    /**
     * Waits until every consumer group has committed up to the end of each partition it reads: the statuses and events
     * of the last registrations are handled, not only the last email sent. At most {@code max}; returns the lag left.
     */
    static long awaitConsumersCaughtUp(String bootstrap, List<String> groups, Duration max)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        try (Admin admin = admin(bootstrap)) {
            while (true) {
                long lag = 0;
                for (String group : groups) {
                    Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, Long> ends = latestOffsets(admin, committed.keySet());
                    for (var entry : committed.entrySet()) {
                        long done = entry.getValue() == null ? 0 : entry.getValue().offset();
                        lag += Math.max(0, ends.get(entry.getKey()) - done);
                    }
                }
                if (lag == 0 || System.nanoTime() > deadline) {
                    return lag;
                }
                Thread.sleep(2000);
            }
        }
    }

    /**
     * Waits until the services' own traffic stops falling: after the last email, statuses and consumers' lag still
     * drain (the 2026-11-29 run read notification at 7.7/s right after the hot event, 1.5/s a few minutes later). Reads
     * 10 s windows until the total no longer drops by a fifth from one window to the next, at most {@code max}.
     */
    static void awaitSteady(String jdbcUrl, String user, String password, Duration max) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        double previous = Double.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            double total = transactionsPerSecond(jdbcUrl, user, password, Duration.ofSeconds(10)).values().stream()
                    .mapToDouble(Double::doubleValue).sum();
            if (total >= previous * 0.8) {
                return;
            }
            previous = total;
        }
    }

    /** Committed transactions per second in each service database over {@code window}, nothing else running. */
    static Map<String, Double> transactionsPerSecond(String jdbcUrl, String user, String password, Duration window)
            throws SQLException, InterruptedException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            Map<String, Long> before = commits(c);
            long t0 = System.nanoTime();
            Thread.sleep(window);
            // the statistics collector publishes at most every 500 ms (PG 14): a fresh snapshot for the second read
            try (PreparedStatement clear = c.prepareStatement("select pg_stat_clear_snapshot()")) {
                clear.execute();
            }
            Map<String, Long> after = commits(c);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> rate = new LinkedHashMap<>();
            // the bench's own two reads are one transaction each, in the registration database
            for (String db : DATABASES) {
                long own = db.equals("registration") ? 2 : 0;
                rate.put(db, Math.max(0, after.getOrDefault(db, 0L) - before.getOrDefault(db, 0L) - own) / seconds);
            }
            return rate;
        }
    }

    private static Map<String, Long> commits(Connection c) throws SQLException {
        Map<String, Long> commits = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("select datname, xact_commit from pg_stat_database");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                commits.put(rs.getString(1), rs.getLong(2));
            }
        }
        return commits;
    }

    /** Per topic, the sum of its end offsets: records ever written to it (one Admin client for all of them). */
    static Map<String, Long> endOffsets(String bootstrap, List<String> topics) throws ExecutionException, InterruptedException {
        try (Admin admin = admin(bootstrap)) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            List<TopicPartition> partitions = new java.util.ArrayList<>();
            descriptions.values().forEach(d -> d.partitions()
                    .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
            Map<String, Long> records = new LinkedHashMap<>();
            topics.forEach(t -> records.put(t, 0L));
            latestOffsets(admin, partitions).forEach((partition, offset) -> records.merge(partition.topic(), offset, Long::sum));
            return records;
        }
    }

    private static Admin admin(String bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(config);
    }

    /** The end offset of each partition: where the next record will be written. */
    private static Map<TopicPartition, Long> latestOffsets(Admin admin, java.util.Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }
}
