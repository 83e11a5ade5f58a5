package kr.madang.notification.routing;

import kr.madang.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes the registration and agreement streams. Failures are retried, then dead-lettered by the platform. */
@Component
public class SourceEventsListener {

    private final SourceEventHandler handler;

    public SourceEventsListener(SourceEventHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "notification-source-events", topics = {Topics.REGISTRATION_EVENTS, Topics.AGREEMENT_EVENTS},
            concurrency = "${madang.notification.consumer-concurrency:2}")
    public void onEvent(ConsumerRecord<String, SpecificRecord> record) {
        handler.handle(record.value());
    }
}
