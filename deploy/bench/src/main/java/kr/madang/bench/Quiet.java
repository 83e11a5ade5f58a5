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
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            descriptions.values().forEach(d -> d.partitions()
                    .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> records = new LinkedHashMap<>();
            topics.forEach(t -> records.put(t, 0L));
            admin.listOffsets(latest).all().get().forEach((partition, offset) -> records.merge(partition.topic(), offset.offset(), Long::sum));
            return records;
        }
    }
}
