package kr.madang.agreement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import kr.madang.schemas.Events;
import kr.madang.schemas.Topics;
import kr.madang.schemas.avro.AvroEventDeserializer;
import kr.madang.testing.SharedKafka;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything published on madang.agreement.events, read by one consumer kept for the whole test JVM. */
public final class AgreementTopic {

    private static KafkaConsumer<String, byte[]> consumer;
    private static final List<SpecificRecord> seen = new ArrayList<>();
    private static final AvroEventDeserializer avro = new AvroEventDeserializer();

    private AgreementTopic() {
    }

    /** The events of one agreement so far, in the order they were published. */
    public static synchronized List<SpecificRecord> eventsOf(String agreementId) {
        poll();
        return seen.stream().filter(e -> Events.header(e).getAggregateId().equals(agreementId)).toList();
    }

    public static List<String> typesOf(String agreementId) {
        return eventsOf(agreementId).stream().map(e -> e.getSchema().getName()).toList();
    }

    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> List<T> eventsOf(String agreementId, Class<T> type) {
        return (List<T>) eventsOf(agreementId).stream().filter(type::isInstance).toList();
    }

    private static void poll() {
        if (consumer == null) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "agreement-test-" + UUID.randomUUID());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AGREEMENT_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        while (true) {
            var batch = consumer.poll(Duration.ofMillis(300));
            if (batch.isEmpty()) {
                return;
            }
            batch.forEach(r -> seen.add(kr.madang.testing.SealedFields.opened(
                    (org.apache.avro.specific.SpecificRecordBase) avro.deserialize(r.topic(), r.value()), "agreement_service")));
        }
    }
}
