package kr.madang.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The machine's own limits, measured without the services: registration-service's registration transaction run
 * straight over JDBC (A: spread over many events, B: one hot event row) and the Kafka producer (C). The SQL is the
 * service's (SeatLedger, RegistrationRepository, Outbox), run on copies of its tables ({@code bench_*}, created
 * {@code like} the real ones with their indexes and constraints, dropped afterwards) so the outbox relay never sees
 * the rows and the stack's data stays as it was.
 */
final class Limits {

    record Jdbc(double perSecond, int concurrency, String ladder) {
    }

    record Kafka(double perSecond, double megabytesPerSecond, int recordBytes) {
    }

    private final String url;
    private final String user;
    private final String password;

    Limits(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    void createTables() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            dropTables(s);
            s.execute("create table bench_forum_event (like forum_event including all)");
            s.execute("create table bench_registration (like registration including all)");
            s.execute("create table bench_outbox_message (like outbox_message including all)");
        }
    }

    void dropTables() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            dropTables(s);
        }
    }

    private static void dropTables(Statement s) throws SQLException {
        s.execute("drop table if exists bench_forum_event, bench_registration, bench_outbox_message");
    }

    List<UUID> createEvents(int count, int capacity) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("""
                insert into bench_forum_event (id, title, region, venue, starts_at, ends_at, capacity, self_registration,
                    approval_required, status, version, created_by, created_at, updated_at)
                values (?, '벤치마크 포럼', 'JEJU', '제주', now() + interval '30 days', now() + interval '31 days', ?, true,
                    false, 'OPEN', 1, 'bench', now(), now())
                """)) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                p.setObject(1, id);
                p.setInt(2, capacity);
                p.executeUpdate();
                ids.add(id);
            }
        }
        return ids;
    }

    /** Runs the registration transaction at 1..maxThreads connections, {@code each} per step; the best step wins. */
    Jdbc registrations(List<UUID> events, int[] ladder, Duration each, byte[] payload) throws Exception {
        double best = 0;
        int bestThreads = 0;
        StringBuilder steps = new StringBuilder();
        for (int threads : ladder) {
            double rate = run(events, threads, each, payload);
            steps.append(steps.isEmpty() ? "" : ", ").append(String.format("%d conn: %.0f/s", threads, rate));
            System.out.printf("      %2d connections: %,.0f registrations/s%n", threads, rate);
            if (rate > best) {
                best = rate;
                bestThreads = threads;
            }
        }
        return new Jdbc(best, bestThreads, steps.toString());
    }

    private double run(List<UUID> events, int threads, Duration each, byte[] payload) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        AtomicLong started = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try (Connection c = connect()) {
                    c.setAutoCommit(false);
                    Transaction tx = new Transaction(c, payload);
                    while (!stop.get()) {
                        UUID event = events.get(ThreadLocalRandom.current().nextInt(events.size()));
                        tx.register(event);
                        if (started.get() > 0) {
                            done.incrementAndGet();
                        }
                    }
                    tx.close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        Thread.sleep(500); // connections open, statements prepared: warm
        long t0 = System.nanoTime();
        started.set(t0);
        Thread.sleep(each.toMillis());
        long n = done.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        return n / seconds;
    }

    /** One registration as registration-service writes it: seat (or waitlist place), registration row, outbox row. */
    private static final class Transaction implements AutoCloseable {
        private final Connection c;
        private final byte[] payload;
        private final PreparedStatement seat;
        private final PreparedStatement waitlist;
        private final PreparedStatement registration;
        private final PreparedStatement outbox;

        Transaction(Connection c, byte[] payload) throws SQLException {
            this.c = c;
            this.payload = payload;
            seat = c.prepareStatement("""
                    update bench_forum_event set confirmed = confirmed + 1, version = version + 1
                    where id = ? and status = any(string_to_array(?, ',')) and confirmed < capacity
                    returning *
                    """);
            waitlist = c.prepareStatement("""
                    update bench_forum_event set waitlist_issued = waitlist_issued + 1, version = version + 1
                    where id = ? and status = any(string_to_array(?, ','))
                    returning *
                    """);
            registration = c.prepareStatement("""
                    insert into bench_registration (id, event_id, status, waitlist_position, name, email, email_key, phone,
                        organisation, job_title, attendee_type, language, accessibility_needs, wheelchair, sign_language,
                        hearing_loop, dietary_needs, consent_policy_version, consent_at, source, created_by, created_at,
                        updated_at)
                    values (?, ?, ?, ?, '김벤치', ?, ?, '+821012345678', '제주특별자치도', '주무관', 'GENERAL', 'KO', null,
                        false, false, false, null, '2023-01', ?, 'SELF', 'anonymous', ?, ?)
                    on conflict (event_id, email_key) where status in ('CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL')
                    do nothing
                    """);
            outbox = c.prepareStatement("""
                    insert into bench_outbox_message (topic, message_key, bucket, event_id, event_type, payload, headers)
                    values ('madang.registration.events', ?, ?, ?, 'RegistrationConfirmed', ?, cast(? as jsonb))
                    """);
        }

        void register(UUID event) throws SQLException {
            String status = "CONFIRMED";
            Integer position = null;
            seat.setObject(1, event);
            seat.setString(2, "OPEN");
            try (ResultSet rs = seat.executeQuery()) {
                if (!rs.next()) {
                    waitlist.setObject(1, event);
                    waitlist.setString(2, "OPEN");
                    try (ResultSet w = waitlist.executeQuery()) {
                        w.next();
                        status = "WAITLISTED";
                        position = w.getInt("waitlist_issued");
                    }
                }
            }
            UUID id = UUID.randomUUID();
            String email = id + "@bench.madang.test";
            Timestamp now = Timestamp.from(Instant.now());
            registration.setObject(1, id);
            registration.setObject(2, event);
            registration.setString(3, status);
            registration.setObject(4, position);
            registration.setString(5, email);
            registration.setString(6, email);
            registration.setTimestamp(7, now);
            registration.setTimestamp(8, now);
            registration.setTimestamp(9, now);
            registration.executeUpdate();
            String eventId = UUID.randomUUID().toString();
            outbox.setString(1, event.toString());
            outbox.setInt(2, Math.floorMod(event.hashCode(), 64));
            outbox.setString(3, eventId);
            outbox.setBytes(4, payload);
            outbox.setString(5, "{\"eventType\":\"RegistrationConfirmed\",\"eventId\":\"" + eventId
                    + "\",\"correlationId\":\"" + UUID.randomUUID() + "\"}");
            outbox.executeUpdate();
            c.commit();
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }

    /** Counts of one bench event: confirmed, waitlisted, and whether waitlist positions are 1..n without gaps. */
    String hotRowCheck(UUID event) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("""
                select count(*) filter (where status = 'CONFIRMED'), count(*) filter (where status = 'WAITLISTED'),
                    count(distinct waitlist_position), coalesce(max(waitlist_position), 0)
                from bench_registration where event_id = ?""")) {
            p.setObject(1, event);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return String.format("confirmed %d, waitlisted %d (positions distinct %d, max %d)", rs.getLong(1),
                        rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }
    }

    /** Size of the registration events on the topic (the demo data put some there); a Confirmed-sized guess if none. */
    static int registrationEventSize(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            long sum = 0;
            int n = 0;
            while (System.nanoTime() < deadline && n < 200) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    var type = r.headers().lastHeader("madang-event-type");
                    String t = type == null ? "" : new String(type.value());
                    if (type == null || t.contains("Registration")) {
                        sum += r.value().length;
                        n++;
                    }
                }
            }
            return n == 0 ? 1200 : (int) (sum / n);
        }
    }

    static Kafka producer(String bootstrap, int recordBytes, Duration duration) throws Exception {
        String topic = "madang.bench.limit-c";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            }
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "5");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        byte[] value = new byte[recordBytes];
        ThreadLocalRandom.current().nextBytes(value);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        String[] keys = new String[100];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = UUID.randomUUID().toString();
        }
        double seconds;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            // warm-up: metadata and connections
            producer.send(new ProducerRecord<>(topic, keys[0], value)).get();
            long t0 = System.nanoTime();
            long end = t0 + duration.toNanos();
            int i = 0;
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>(topic, keys[i++ % keys.length], value), (md, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            seconds = (System.nanoTime() - t0) / 1e9;
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
        double rate = acked.get() / seconds;
        return new Kafka(rate, rate * recordBytes / 1e6, recordBytes);
    }
}
