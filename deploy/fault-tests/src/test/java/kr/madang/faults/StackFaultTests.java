package kr.madang.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import kr.madang.local.services.TopicPlan;
import kr.madang.schemas.Topics;

/**
 * Faults injected into one real stack (every part its own process, started once through the launcher on free ports
 * in a temp folder): each scenario keeps registrations flowing while the fault happens, then checks that every
 * registration accepted during it led to exactly one confirmation email (duplicates only where a crash between the
 * SMTP provider's acceptance and the recorded outcome allows one: counted and bounded), and that no state was lost.
 * Last, every process log of the suite is scanned for email addresses and phone numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackFaultTests {

    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    private FaultStack stack;
    private UUID event;

    @BeforeAll
    void startStack() throws Exception {
        stack = new FaultStack();
        stack.up();
        event = stack.createOpenEvent("장애 주입 포럼");
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void kafkaBrokerKilledWhileRegistrationsFlow() throws Exception {
        Flow flow = new Flow(stack, event, "kafka", 8);
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.accepted.size() >= 10);
        stack.kill("kafka");
        int beforeOutage = flow.accepted.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.accepted.size() >= beforeOutage + 40);
        stack.startKafka();
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.accepted.size() >= beforeOutage + 60);
        flow.close();
        // the outbox kept accepting while the broker was gone
        assertThat(flow.unexpectedBodies).isEmpty();
        assertThat(flow.count(500)).isZero();
        assertEveryAcceptedConfirmedOnce(flow, 0);
    }

    @Test
    @Order(2)
    void notificationServiceKilledMidDispatch() throws Exception {
        Flow flow = new Flow(stack, event, "notif", 15);
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.accepted.size() >= 60);
        stack.kill("notification-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.accepted.size() >= 120);
        stack.startService("notification-service");
        flow.close();
        assertThat(flow.unexpectedBodies).isEmpty();
        // SIGKILL between the SMTP server's "250 queued" and the recorded SENT can resend: at most the in-flight sends
        assertEveryAcceptedConfirmedOnce(flow, 16);
    }

    @Test
    @Order(3)
    void registrationServiceKilledMidOutboxBatch() throws Exception {
        Flow flow = new Flow(stack, event, "reg", 25);
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.accepted.size() >= 75);
        stack.kill("registration-service");
        stack.startService("registration-service");
        int afterRestart = flow.accepted.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.accepted.size() >= afterRestart + 50);
        flow.close();
        assertThat(flow.unexpectedBodies).isEmpty();
        // requests cut by the kill got no answer (-1): they were not accepted, the client retries them
        assertEveryAcceptedConfirmedOnce(flow, 0);
    }

    @Test
    @Order(4)
    void postgresStoppedAndStarted() throws Exception {
        Flow flow = new Flow(stack, event, "pg", 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.accepted.size() >= 10);
        stack.postgres.stop();
        try {
            long asked = System.nanoTime();
            HttpResponse<String> during = stack.http.send(HttpRequest.newBuilder(
                            URI.create(stack.registrationUrl() + "/api/events/" + event + "/registrations"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + stack.token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"name":"김장애","email":"pg-probe@faults.madang.test","attendeeType":"GENERAL","language":"ko",
                             "consent":{"accepted":true,"policyVersion":"2023-01"}}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf("PostgreSQL down: registration answered %d after %.1f s%n", during.statusCode(),
                    (System.nanoTime() - asked) / 1e9);
            assertThat(during.statusCode()).isEqualTo(503);
            assertThat(during.headers().firstValue("Retry-After")).isPresent();
            assertThat(during.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).contains("application/problem+json"));
            assertThat(during.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("select ");
            await().atMost(Duration.ofSeconds(60)).until(() -> flow.count(503) >= 5);
        } finally {
            stack.startPostgres();
        }
        int beforeRecovery = flow.accepted.size();
        // the same service processes, no restart: their pools reconnect
        await().atMost(Duration.ofSeconds(90)).until(() -> flow.accepted.size() >= beforeRecovery + 20);
        flow.close();
        assertThat(flow.unexpectedBodies).isEmpty();
        assertThat(flow.count(500)).isZero();
        assertEveryAcceptedConfirmedOnce(flow, 0);
    }

    @Test
    @Order(5)
    void smtpDownForAWhile() throws Exception {
        stack.mail.down();
        Flow flow = new Flow(stack, event, "smtp", 8);
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.accepted.size() >= 80);
        flow.close();
        assertThat(flow.accepted).allSatisfy(email -> assertThat(stack.mail.count(email)).isZero());
        stack.mail.up();
        assertThat(flow.unexpectedBodies).isEmpty();
        assertEveryAcceptedConfirmedOnce(flow, 0);
    }

    @Test
    @Order(6)
    void poisonRecordAndUnknownSchemaMidStream() throws Exception {
        Flow flow = new Flow(stack, event, "poison", 8);
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.accepted.size() >= 20);
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafka.bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            // not Avro at all
            producer.send(new ProducerRecord<>(Topics.REGISTRATION_EVENTS, event.toString(),
                    "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8))).get();
            // Avro single-object encoding, with the fingerprint of a schema nobody knows
            byte[] unknown = new byte[] {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 2, 4, 6};
            producer.send(new ProducerRecord<>(Topics.REGISTRATION_EVENTS, event.toString(), unknown)).get();
        }
        int afterPoison = flow.accepted.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> flow.accepted.size() >= afterPoison + 20);
        flow.close();
        assertEveryAcceptedConfirmedOnce(flow, 0);
        // both went to the dead-letter topic of each consuming group, and the stream went on
        for (String group : List.of("notification-service", "agreement-service")) {
            String dlt = Topics.deadLetterTopic(Topics.REGISTRATION_EVENTS, group);
            await().atMost(Duration.ofSeconds(60)).until(() -> recordsIn(dlt) >= 2);
        }
    }

    @Test
    @Order(7)
    void smsProviderATimingOutThenAnswering500sWhileProviderBTakesOver() throws Exception {
        Instant timeoutsFrom = Instant.now();
        // the sink holds alpha's requests past notification-service's 5 s read timeout, and keeps none of them
        stack.smsFault("alpha", "timeout");
        Flow flow = new Flow(stack, event, "sms", 2);
        Instant errorsFrom;
        Instant recoveredAt;
        try {
            // timeouts while alpha's circuit is closed, each SMS then taken by beta, until the circuit opens
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    smsAttempts("alpha", "UNAVAILABLE", "%too slow%", timeoutsFrom) >= 1
                            && smsAttempts("alpha", "SKIPPED", "circuit open", timeoutsFrom) >= 1);
            errorsFrom = Instant.now();
            stack.smsFault("alpha", "error");
            // once the circuit lets trial calls through, they get 500s and it opens again
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> smsAttempts("alpha", "UNAVAILABLE", "%HTTP 500%", errorsFrom) >= 1);
            recoveredAt = Instant.now();
        } finally {
            stack.smsFault("alpha", "up");
        }
        // the next trial calls succeed: the circuit closes and alpha takes its share again
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> smsAttempts("alpha", "ACCEPTED", "%", recoveredAt) >= 3);
        flow.close();
        assertThat(flow.unexpectedBodies).isEmpty();
        System.out.printf("SMS provider alpha: %d timed out, %d answered 500, %d skipped by its open circuit, "
                        + "%d accepted after recovery; beta accepted %d%n",
                smsAttempts("alpha", "UNAVAILABLE", "%too slow%", timeoutsFrom),
                smsAttempts("alpha", "UNAVAILABLE", "%HTTP 500%", timeoutsFrom),
                smsAttempts("alpha", "SKIPPED", "circuit open", timeoutsFrom),
                smsAttempts("alpha", "ACCEPTED", "%", recoveredAt),
                smsAttempts("beta", "ACCEPTED", "%", timeoutsFrom));
        assertThat(smsAttempts("beta", "ACCEPTED", "%", timeoutsFrom)).isPositive();
        assertEveryAcceptedConfirmedOnce(flow, 0);
        assertEverySmsSentOnce(flow);
    }

    @Test
    @Order(8)
    void consumerGroupRebalanceAsASecondNotificationServiceJoinsAndLeaves() throws Exception {
        String second = "notification-service-2";
        int port = FaultStack.freePort();
        int alone = groupMembers();
        // registrations for forum events whose records land on every partition: whichever partitions the second
        // instance is given, it has work (all of one forum event's records share a partition)
        List<UUID> events = eventsOnEveryPartition();
        Flow graceful = new Flow(stack, events, "join", 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> graceful.accepted.size() >= 10);
        long started = System.nanoTime();
        stack.startNotificationInstance(second, port);
        // every consumer of the second instance has joined the group: partitions are shared between the two
        await().atMost(Duration.ofSeconds(90)).until(() -> groupMembers() == 2 * alone);
        System.out.printf("Rebalance: a second notification-service was ready and in the group after %.1f s "
                + "(%d members, %d before)%n", (System.nanoTime() - started) / 1e9, 2 * alone, alone);
        int joined = graceful.accepted.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> graceful.accepted.size() >= joined + 20);
        // SIGTERM: its consumers leave the group at once and the first instance takes every partition back
        stack.terminate(second);
        await().atMost(Duration.ofSeconds(60)).until(() -> groupMembers() == alone);
        int left = graceful.accepted.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> graceful.accepted.size() >= left + 20);
        graceful.close();
        assertThat(graceful.unexpectedBodies).isEmpty();
        assertEveryAcceptedConfirmedOnce(graceful, 0);

        Flow crash = new Flow(stack, events, "crash", 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> crash.accepted.size() >= 10);
        stack.startNotificationInstance(second, port);
        await().atMost(Duration.ofSeconds(90)).until(() -> groupMembers() == 2 * alone);
        int rejoined = crash.accepted.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> crash.accepted.size() >= rejoined + 20);
        // SIGKILL: its partitions wait for the session timeout before the group hands them to the first instance
        long killed = System.nanoTime();
        stack.kill(second);
        await().atMost(Duration.ofSeconds(120)).until(() -> groupMembers() == alone);
        System.out.printf("Rebalance: the killed instance's consumers left the group after %.1f s%n",
                (System.nanoTime() - killed) / 1e9);
        int afterCrash = crash.accepted.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> crash.accepted.size() >= afterCrash + 10);
        crash.close();
        assertThat(crash.unexpectedBodies).isEmpty();
        long sentBySecond = Files.readAllLines(stack.processes.logFile(second), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(" sent via ")).count();
        System.out.printf("Rebalance: the second instance sent %d messages in its two runs%n", sentBySecond);
        assertThat(sentBySecond).as("the second instance took a share of the work").isPositive();
        // SIGKILL between the SMTP server's "250 queued" and the recorded SENT can resend: at most the in-flight sends
        assertEveryAcceptedConfirmedOnce(crash, 16);
    }

    @Test
    @Order(9)
    void noEmailAddressOrPhoneNumberInAnyLog() throws Exception {
        Pattern email = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
        Pattern phone = Pattern.compile("(\\+82\\s?1[016789]\\d{7,8}|\\b01[016789][- .]?\\d{3,4}[- .]?\\d{4}\\b)");
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (Path log : stack.logs()) {
            if (!Files.exists(log)) {
                continue;
            }
            scanned++;
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (Matcher m : List.of(email.matcher(line), phone.matcher(line))) {
                    while (m.find()) {
                        if (!m.group().endsWith("@example.com") && !line.contains("jwks")) {
                            found.add(log.getFileName() + ":" + (i + 1) + ": " + m.group());
                        }
                    }
                }
            }
        }
        System.out.printf("Log scan: %d logs of the fault suite, %d email addresses or phone numbers found%n", scanned,
                found.size());
        assertThat(scanned).isGreaterThanOrEqualTo(6);
        assertThat(found).isEmpty();
    }

    private void assertEveryAcceptedConfirmedOnce(Flow flow, int toleratedDuplicates) throws Exception {
        assertThat(flow.accepted).isNotEmpty();
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> flow.accepted.stream().allMatch(e -> stack.mail.count(e) >= 1));
        long duplicates = flow.accepted.stream().mapToLong(e -> stack.mail.count(e) - 1).sum();
        System.out.printf("%s: every accepted registration confirmed, %d duplicate(s)%n", flow, duplicates);
        assertThat(duplicates).isLessThanOrEqualTo(toleratedDuplicates);
        // no state lost: every accepted registration is in registration-service's database, confirmed
        assertThat(confirmedInDatabase(flow)).isEqualTo(flow.accepted.size());
    }

    /** Open forum events whose ids, the key of their records, cover every partition of the registration stream. */
    private List<UUID> eventsOnEveryPartition() throws Exception {
        Map<Integer, UUID> byPartition = new TreeMap<>();
        for (int i = 0; i < 100 && byPartition.size() < TopicPlan.PARTITIONS; i++) {
            UUID created = stack.createOpenEvent("재조정 포럼 " + i);
            // the producer's default partitioning of a keyed record
            int partition = Utils.toPositive(Utils.murmur2(created.toString().getBytes(StandardCharsets.UTF_8)))
                    % TopicPlan.PARTITIONS;
            byPartition.putIfAbsent(partition, created);
        }
        assertThat(byPartition).hasSize(TopicPlan.PARTITIONS);
        return List.copyOf(byPartition.values());
    }

    /** Every accepted registration's confirmation SMS reached the SMS sink exactly once, by either provider. */
    private void assertEverySmsSentOnce(Flow flow) throws Exception {
        List<String> phones = flow.accepted.stream().map(e -> FaultStack.national(flow.phones.get(e))).toList();
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Long> received = smsPerPhone();
            return phones.stream().allMatch(p -> received.getOrDefault(p, 0L) >= 1);
        });
        Map<String, Long> received = smsPerPhone();
        long duplicates = phones.stream().mapToLong(p -> received.get(p) - 1).sum();
        Map<String, Long> byProvider = stack.smsReceived().stream().filter(sms -> phones.contains(sms.getKey()))
                .collect(Collectors.groupingBy(Map.Entry::getValue, TreeMap::new, Collectors.counting()));
        System.out.printf("%s: every accepted registration's SMS received (%s), %d duplicate(s)%n", flow, byProvider,
                duplicates);
        assertThat(duplicates).isZero();
    }

    private Map<String, Long> smsPerPhone() throws Exception {
        return stack.smsReceived().stream().collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));
    }

    /** notification-service's record of SMS provider attempts since {@code from}. */
    private long smsAttempts(String provider, String outcome, String detailLike, Instant from) throws Exception {
        try (var c = stack.connect("notification");
             var s = c.prepareStatement("select count(*) from message_attempt a join message m on m.id = a.message_id "
                     + "where m.channel = 'SMS' and a.provider = ? and a.outcome = ? and coalesce(a.detail, '') like ? "
                     + "and a.started_at >= ?")) {
            s.setString(1, provider);
            s.setString(2, outcome);
            s.setString(3, detailLike);
            s.setObject(4, from.atOffset(ZoneOffset.UTC));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Members of notification-service's consumer groups that have partitions assigned. Counted over every group named notification-*: the
     * listeners' ids are their group ids (notification-source-events, notification-dead-letters), not the
     * spring.kafka.consumer.group-id "notification-service" the dead-letter topics and KEDA's scaler are named after.
     */
    private int groupMembers() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", stack.kafka.bootstrapServers()))) {
            List<String> groups = admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(g -> g.groupId()).filter(id -> id.startsWith("notification-")).toList();
            return (int) admin.describeConsumerGroups(groups).all().get(10, TimeUnit.SECONDS).values().stream()
                    .flatMap(g -> g.members().stream())
                    .filter(member -> !member.assignment().topicPartitions().isEmpty()).count();
        }
    }

    private long confirmedInDatabase(Flow flow) throws java.sql.SQLException {
        List<String> emails = flow.accepted;
        String password = stack.postgres.logins(List.of("registration")).get("registration");
        try (var c = java.sql.DriverManager.getConnection(stack.postgres.jdbcUrl("registration"), "registration", password);
             var s = c.prepareStatement("select count(*) from registration where event_id = any(?) "
                     + "and status = 'CONFIRMED' and lower(email) = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", flow.events.toArray()));
            s.setArray(2, c.createArrayOf("text", emails.toArray()));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long recordsIn(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafka.bootstrapServers());
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
        }
    }
}
