package kr.madang.platform.testapp;

import java.util.concurrent.atomic.AtomicInteger;

import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.platform.inbox.ProcessedEvents;
import kr.madang.schemas.Events;
import kr.madang.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A minimal service on the platform: it consumes registration events idempotently into a table. In a package of its
 * own, so that scanning it picks up only its own consumer, as a service's scan would.
 */
@SpringBootApplication
public class PlatformTestApplication {

    public static final String CONFIG_NAME = "spring.config.name=platform-test";

    /** A consumer written the way the services write theirs. */
    @Component
    public static class RegistrationEffects {

        /** Registrations whose organisation says so make the handler fail, as a bug would. */
        public static final String FAILING_ORGANISATION = "handler-bug";

        private final ProcessedEvents processedEvents;
        private final JdbcClient jdbc;
        private final AtomicInteger failures = new AtomicInteger();

        public int failureCount() {
            return failures.get();
        }

        RegistrationEffects(ProcessedEvents processedEvents, JdbcClient jdbc) {
            this.processedEvents = processedEvents;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = Topics.REGISTRATION_EVENTS)
        @Transactional
        public void on(ConsumerRecord<String, SpecificRecord> record) {
            SpecificRecord event = record.value();
            if (event instanceof RegistrationConfirmed confirmed && FAILING_ORGANISATION.equals(confirmed.getOrganisation())) {
                failures.incrementAndGet();
                throw new IllegalStateException("cannot handle this registration");
            }
            var header = Events.header(event);
            if (!processedEvents.firstDelivery("platform-test", header.getEventId())) {
                return;
            }
            jdbc.sql("insert into applied_effect (event_id, aggregate, version) values (:id, :aggregate, :version)")
                    .param("id", header.getEventId())
                    .param("aggregate", header.getAggregateId())
                    .param("version", header.getAggregateVersion())
                    .update();
        }
    }
}
