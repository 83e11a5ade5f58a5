package kr.madang.platform.sealing;

import java.nio.charset.StandardCharsets;

import kr.madang.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps this service's copy of persons' data keys in step with the compacted key topic. */
public class SubjectKeysListener {

    private final SubjectKeyStore keys;

    public SubjectKeysListener(SubjectKeyStore keys) {
        this.keys = keys;
    }

    @KafkaListener(topics = Topics.SUBJECT_KEYS, containerFactory = "subjectKeysContainerFactory",
            groupId = "${spring.kafka.consumer.group-id:madang}-subject-keys")
    public void on(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            keys.forget(record.key());
        } else {
            keys.remember(record.key(), new String(record.value(), StandardCharsets.UTF_8));
        }
    }
}
