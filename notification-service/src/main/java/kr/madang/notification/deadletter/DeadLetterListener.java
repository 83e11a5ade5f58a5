package kr.madang.notification.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import kr.madang.notification.message.MessageQueue;
import kr.madang.notification.routing.EventRouter;
import kr.madang.notification.routing.Notice;
import kr.madang.notification.routing.SourceEvent;
import kr.madang.schemas.KafkaHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every record of this service's dead-letter topics, raw and with its reason, so operations can list and
 * replay them, and tells the secretariat that one arrived.
 */
@Component
public class DeadLetterListener {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterListener.class);

    private final DeadLetterStore store;
    private final MessageQueue queue;
    private final EventRouter router;
    private final Clock clock;

    public DeadLetterListener(DeadLetterStore store, MessageQueue queue, EventRouter router, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.router = router;
        this.clock = clock;
    }

    @KafkaListener(id = "notification-dead-letters", containerFactory = DeadLetterConfiguration.CONTAINER_FACTORY,
            topics = {"madang.registration.events.${spring.kafka.consumer.group-id}.dlt",
                    "madang.agreement.events.${spring.kafka.consumer.group-id}.dlt"})
    @Transactional
    public void onDeadLetter(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : Base64.getEncoder().encodeToString(header.value()));
        }
        String originalTopic = text(record, org.springframework.kafka.support.KafkaHeaders.DLT_ORIGINAL_TOPIC);
        String sourceTopic = originalTopic != null ? originalTopic
                : record.topic().startsWith(kr.madang.schemas.Topics.AGREEMENT_EVENTS) ? kr.madang.schemas.Topics.AGREEMENT_EVENTS
                : kr.madang.schemas.Topics.REGISTRATION_EVENTS;
        Integer sourcePartition = number(record, org.springframework.kafka.support.KafkaHeaders.DLT_ORIGINAL_PARTITION, 4);
        Long sourceOffset = number(record, org.springframework.kafka.support.KafkaHeaders.DLT_ORIGINAL_OFFSET, 8);
        String reason = reason(text(record, org.springframework.kafka.support.KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                text(record, org.springframework.kafka.support.KafkaHeaders.DLT_EXCEPTION_STACKTRACE));
        String eventType = text(record, KafkaHeaders.EVENT_TYPE);
        String eventId = text(record, KafkaHeaders.EVENT_ID);
        if (eventId == null && record.value() != null) {
            // records not published through an outbox carry no id header: read it from the event, if it decodes
            try {
                var event = new kr.madang.schemas.avro.AvroEventDeserializer().deserialize(sourceTopic, record.value());
                eventId = kr.madang.schemas.Events.header(event).getEventId();
                eventType = kr.madang.schemas.Events.type(event);
            } catch (RuntimeException undecodable) {
                // stays unknown: that is often why it is here
            }
        }
        String cause = text(record, org.springframework.kafka.support.KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        String exception = cause != null ? cause : text(record, org.springframework.kafka.support.KafkaHeaders.DLT_EXCEPTION_FQCN);
        var id = store.insert(record.topic(), record.partition(), record.offset(), sourceTopic, sourcePartition, sourceOffset,
                record.key(), record.value(), headers, eventType, eventId,
                reason, exception, clock.instant());
        id.ifPresent(deadLetterId -> {
            log.warn("Dead letter {} from {} (partition {}, offset {}): {}", deadLetterId, sourceTopic, sourcePartition,
                    sourceOffset, exceptionName(exception));
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", router.secretariat().name());
            values.put("topic", sourceTopic);
            values.put("reason", reason == null ? "" : abbreviate(reason));
            values.put("deadLetterId", String.valueOf(deadLetterId));
            queue.enqueue(new SourceEvent("dead-letter:" + deadLetterId, "DeadLetter", null),
                    new Notice("secretariat-dead-letter", router.secretariat(), values, null, null, null));
        });
    }

    /** The top-level message is often generic ("failed to deserialize"): add the root cause from the stack trace. */
    static String reason(String message, String stacktrace) {
        if (stacktrace == null) {
            return message;
        }
        String root = null;
        for (String line : stacktrace.split("\\R")) {
            if (line.startsWith("Caused by: ")) {
                root = line.substring("Caused by: ".length());
            }
        }
        if (root == null || (message != null && message.contains(root))) {
            return message;
        }
        return (message == null ? "" : message + "; caused by ") + root;
    }

    private static String exceptionName(String fqcn) {
        return fqcn == null ? "unknown" : fqcn.substring(fqcn.lastIndexOf('.') + 1);
    }

    private static String abbreviate(String reason) {
        return reason.length() > 500 ? reason.substring(0, 500) + "…" : reason;
    }

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Number> T number(ConsumerRecord<String, byte[]> record, String name, int size) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length != size) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(header.value());
        Number value = size == 4 ? (Number) buffer.getInt() : (Number) buffer.getLong();
        return (T) value;
    }
}
