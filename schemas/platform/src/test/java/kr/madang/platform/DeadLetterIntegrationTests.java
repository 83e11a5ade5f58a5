package kr.madang.platform;

import kr.madang.platform.testapp.PlatformTestApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.schemas.Topics;
import kr.madang.schemas.avro.AvroEventSerializer;
import kr.madang.schemas.avro.EventSchemaHistory;
import kr.madang.testing.SharedKafka;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformIntegrationTest
class DeadLetterIntegrationTests {

    static final String DEAD_LETTERS = Topics.deadLetterTopic(Topics.REGISTRATION_EVENTS, "platform-test");

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTestApplication.RegistrationEffects effects;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void invalidAvroAndAnUnknownSchemaGoToTheDeadLetterTopicAndTheNextRecordIsProcessed() throws IOException {
        String forumEvent = "poison-" + UUID.randomUUID();
        RegistrationConfirmed after = TestEvents.confirmed(forumEvent, 3, null);

        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, forumEvent, "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, forumEvent, unknownSchemaRecord(), Map.of());
        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, forumEvent, new AvroEventSerializer().serialize("", after), Map.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(after.getHeader().getEventId()) == 1);
        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLettersFor(forumEvent), list -> list.size() == 2);
        assertThat(reason(deadLetters.get(0))).contains("Not an Avro single-object encoded event");
        assertThat(reason(deadLetters.get(1))).contains("Unknown schema fingerprint");
        assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8))
                .as("the original record is kept for replay").isEqualTo("{\"not\":\"avro\"}");
        assertThat(deadLetters).allSatisfy(r -> assertThat(r.partition())
                .as("a dead letter keeps its source partition").isEqualTo(partitionOf(forumEvent)));
        assertThat(meters.get("madang.kafka.dead.letters").tag("topic", Topics.REGISTRATION_EVENTS).counter().count())
                .as("ops see dead letters arrive").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        RegistrationConfirmed event = TestEvents.confirmed("twice-" + UUID.randomUUID(), 1, null);
        byte[] bytes = new AvroEventSerializer().serialize("", event);
        String key = event.getHeader().getAggregateId();
        RegistrationConfirmed marker = TestEvents.confirmed(key, 2, null);

        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, key, bytes, Map.of());
        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, key, bytes, Map.of());
        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, key, new AvroEventSerializer().serialize("", marker), Map.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(marker.getHeader().getEventId()) == 1);
        assertThat(applied(event.getHeader().getEventId())).isEqualTo(1);
    }

    @Test
    void aRecordTheHandlerKeepsFailingOnIsRetriedThenDeadLetteredWithoutBlockingThePartition() {
        String forumEvent = "bug-" + UUID.randomUUID();
        RegistrationConfirmed failing = TestEvents.confirmed(forumEvent, 1, PlatformTestApplication.RegistrationEffects.FAILING_ORGANISATION);
        RegistrationConfirmed after = TestEvents.confirmed(forumEvent, 2, null);
        int failuresBefore = effects.failureCount();

        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, forumEvent, new AvroEventSerializer().serialize("", failing), Map.of());
        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, forumEvent, new AvroEventSerializer().serialize("", after), Map.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(after.getHeader().getEventId()) == 1);
        assertThat(effects.failureCount() - failuresBefore).as("first delivery and three retries").isEqualTo(4);
        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLettersFor(forumEvent), list -> list.size() == 1);
        assertThat(reason(deadLetters.getFirst())).contains("cannot handle this registration");
        assertThat(applied(failing.getHeader().getEventId())).isZero();
    }

    private long applied(String eventId) {
        return jdbc.sql("select count(*) from applied_effect where event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersFor(String key) {
        return SharedKafka.readAll(DEAD_LETTERS, Duration.ofMillis(500)).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static int partitionOf(String key) {
        return org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        StringBuilder text = new StringBuilder();
        for (Header header : record.headers()) {
            if (header.key().startsWith("kafka_dlt-exception")) {
                text.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }

    /** A well-formed single-object record whose schema no build of Madang has published. */
    private static byte[] unknownSchemaRecord() throws IOException {
        Schema invented = SchemaBuilder.record("kr.madang.events.registration.RegistrationInvented").fields()
                .requiredString("registrationId").endRecord();
        GenericRecord record = new GenericData.Record(invented);
        record.put("registrationId", "r-1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC3);
        out.write(0x01);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(EventSchemaHistory.fingerprint(invented)).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(invented).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
