package kr.madang.agreement.ceremony;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import kr.madang.agreement.lifecycle.AgreementLifecycle;
import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.AgreementRepository;
import kr.madang.events.EventHeader;
import kr.madang.events.ForumEventSummary;
import kr.madang.events.registration.ForumEventCancelled;
import kr.madang.events.registration.ForumEventRescheduled;
import kr.madang.platform.inbox.ProcessedEvents;
import kr.madang.platform.web.CorrelationIds;
import kr.madang.schemas.Events;
import kr.madang.schemas.Topics;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Listens to registration-service. Every forum-event event updates what this service knows of the event (its region
 * decides regional access); a cancelled or rescheduled event reaches every agreement whose signing ceremony it hosts,
 * which records it and tells its parties (SigningCeremonyChanged). Idempotent: a redelivered event changes nothing.
 */
@Component
public class RegistrationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(RegistrationEventsListener.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Seoul"));

    private final ProcessedEvents processed;
    private final ForumEvents forumEvents;
    private final AgreementRepository agreements;
    private final AgreementLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final String group;

    public RegistrationEventsListener(ProcessedEvents processed, ForumEvents forumEvents, AgreementRepository agreements,
                                      AgreementLifecycle lifecycle, TransactionTemplate transactions, JdbcClient jdbc,
                                      @Value("${spring.kafka.consumer.group-id}") String group) {
        this.processed = processed;
        this.forumEvents = forumEvents;
        this.agreements = agreements;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.group = group;
    }

    @KafkaListener(topics = Topics.REGISTRATION_EVENTS)
    public void on(ConsumerRecord<String, SpecificRecord> record) {
        SpecificRecord event = record.value();
        Schema.Field forumEventField = event.getSchema().getField("forumEvent");
        if (forumEventField == null || !event.getSchema().getName().startsWith("ForumEvent")) {
            return; // registrations and check-ins: nothing for agreements
        }
        EventHeader header = Events.header(event);
        CorrelationIds.with(header.getCorrelationId(), () -> transactions.executeWithoutResult(tx -> {
            if (!processed.firstDelivery(group, header.getEventId())) {
                return;
            }
            ForumEventSummary forumEvent = (ForumEventSummary) event.get(forumEventField.pos());
            forumEvents.remember(forumEvent, statusOf(event));
            switch (event) {
                case ForumEventCancelled cancelled -> ceremonyChanged(forumEvent, "CANCELLED",
                        cancelled.getReason() == null ? "the forum event was cancelled"
                                : "the forum event was cancelled: " + cancelled.getReason(), header);
                case ForumEventRescheduled moved -> ceremonyChanged(forumEvent, "RESCHEDULED",
                        "moved from " + WHEN.format(moved.getPreviousStartsAt()) + " to "
                                + WHEN.format(forumEvent.getStartsAt())
                                + (forumEvent.getVenue() == null ? "" : " at " + forumEvent.getVenue()), header);
                default -> {
                }
            }
        }));
    }

    private void ceremonyChanged(ForumEventSummary forumEvent, String change, String detail, EventHeader cause) {
        List<UUID> ids = jdbc.sql("select id from agreement where forum_event_id = :id order by id")
                .param("id", forumEvent.getForumEventId()).query(UUID.class).list();
        for (UUID id : ids) {
            Agreement agreement = agreements.lock(id.toString()).orElseThrow();
            if (agreement.ceremonyChanged(change, detail, lifecycle.now())) {
                lifecycle.store(agreement, cause.getEventId());
                log.info("Agreement {} told of its ceremony's forum event {}: {}", id, forumEvent.getForumEventId(), change);
            }
        }
    }

    /** ForumEventCancelled → CANCELLED, ForumEventOpened → OPENED, ... */
    private static String statusOf(SpecificRecord event) {
        return event.getSchema().getName().substring("ForumEvent".length()).toUpperCase(java.util.Locale.ROOT);
    }
}
