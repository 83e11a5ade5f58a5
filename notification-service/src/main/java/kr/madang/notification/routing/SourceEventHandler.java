package kr.madang.notification.routing;

import java.time.Clock;
import java.util.List;

import kr.madang.events.EventHeader;
import kr.madang.events.registration.AttendeeDataErased;
import kr.madang.events.registration.ForumEventCancelled;
import kr.madang.events.registration.ForumEventClosed;
import kr.madang.events.registration.ForumEventCompleted;
import kr.madang.events.registration.ForumEventOpened;
import kr.madang.events.registration.ForumEventRescheduled;
import kr.madang.events.registration.ForumEventScheduled;
import kr.madang.events.registration.RegistrationCancelled;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.events.registration.RegistrationPendingApproval;
import kr.madang.events.registration.RegistrationPromoted;
import kr.madang.events.registration.RegistrationRejected;
import kr.madang.events.registration.RegistrationWaitlisted;
import kr.madang.notification.calendar.CalendarInvites;
import kr.madang.notification.message.MessageQueue;
import kr.madang.notification.message.MessageStore;
import kr.madang.notification.recipients.LocalRecipients;
import kr.madang.platform.inbox.ProcessedEvents;
import kr.madang.schemas.sealing.FieldSealer;
import kr.madang.schemas.sealing.SealedRecords;
import kr.madang.platform.sealing.SubjectKeyStore;
import kr.madang.schemas.Events;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one source event: once per event id (the processed-event mark commits with the effects), it updates the
 * local recipient copy, then queues the messages the event causes. A failure rolls everything back, so the
 * redelivery (or the replay of its dead letter) starts clean.
 */
@Service
public class SourceEventHandler {

    private static final Logger log = LoggerFactory.getLogger(SourceEventHandler.class);

    private final ProcessedEvents processed;
    private final EventRouter router;
    private final LocalRecipients recipients;
    private final MessageQueue queue;
    private final MessageStore messages;
    private final Clock clock;
    private final String consumerGroup;
    private final FieldSealer sealer;
    private final SubjectKeyStore keys;
    private final CalendarInvites calendarInvites;

    public SourceEventHandler(ProcessedEvents processed, EventRouter router, LocalRecipients recipients, MessageQueue queue,
                              MessageStore messages, Clock clock,
                              @Value("${spring.kafka.consumer.group-id}") String consumerGroup,
                              FieldSealer sealer, SubjectKeyStore keys, CalendarInvites calendarInvites) {
        this.calendarInvites = calendarInvites;
        this.sealer = sealer;
        this.keys = keys;
        this.processed = processed;
        this.router = router;
        this.recipients = recipients;
        this.queue = queue;
        this.messages = messages;
        this.clock = clock;
        this.consumerGroup = consumerGroup;
    }

    /** True when the event was applied now, false when it had been already. */
    @Transactional
    public boolean handle(SpecificRecord event) {
        EventHeader header = Events.header(event);
        if (!processed.firstDelivery(consumerGroup, header.getEventId())) {
            log.debug("Event {} already processed", header.getEventId());
            return false;
        }
        if (!openSealedFields(event)) {
            log.info("Event {} {} skipped: the person it is about was erased before it was read",
                    event.getSchema().getName(), header.getEventId());
            return true;
        }
        // the fan-out of an event-wide change reads the copy as it was before the change
        List<Notice> notices = router.route(event, recipients);
        // calendar entries too: who held a seat is read before the copy changes
        notices = calendarInvites.attach(event, notices);
        updateLocalCopy(event);
        calendarInvites.remember(event); // the chosen sessions, once the copy holds the attendee
        String type = event.getSchema().getName();
        SourceEvent source = new SourceEvent(header.getEventId(), type, header.getCorrelationId());
        int created = 0;
        for (Notice notice : notices) {
            created += queue.enqueue(source, notice);
        }
        log.info("Event {} {} queued {} message(s)", type, header.getEventId(), created);
        return true;
    }

    /**
     * Opens the event's sealed fields (links, codes, persons' data) in place. False when they belong to a person
     * whose data key was destroyed by an erasure: there is nothing left to read, and nothing to send.
     */
    private boolean openSealedFields(SpecificRecord event) {
        java.util.Set<String> subjects = new java.util.HashSet<>();
        // an event seals several fields with one person's key: read it once, not once per field
        java.util.Map<String, java.util.Optional<byte[]>> keysOfThisEvent = new java.util.HashMap<>();
        try {
            SealedRecords.openAll((org.apache.avro.generic.IndexedRecord) event, value -> {
                FieldSealer.subjectOf(value).ifPresent(subjects::add);
                return sealer.open(value, subject -> keysOfThisEvent.computeIfAbsent(subject,
                        unread -> keys.awaitDataKey(unread, KEY_PATIENCE)));
            });
            return true;
        } catch (FieldSealer.UnreadableFieldException e) {
            if (!subjects.isEmpty() && subjects.stream().allMatch(keys::isErased)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * A person's key and the first event sealed with it leave together, on two topics: the key may lag. It lags most
     * when the instance that consumed its key partition dies, until the group notices (session timeout, 45 s): wait
     * that out rather than dead-letter a confirmation whose key is simply late.
     */
    private static final java.time.Duration KEY_PATIENCE = java.time.Duration.ofSeconds(90);

    private void updateLocalCopy(SpecificRecord event) {
        var now = clock.instant();
        switch (event) {
            case RegistrationConfirmed e -> {
                recipients.forumEvent(e.getForumEvent());
                recipients.registered(e.getRegistrationId(), e.getForumEvent().getForumEventId(), LocalRecipients.CONFIRMED,
                        e.getAttendee(), e.getOrganisation(), e.getCancellationUrl(), e.getCheckInCode(), now);
            }
            case RegistrationPromoted e -> {
                recipients.forumEvent(e.getForumEvent());
                recipients.registered(e.getRegistrationId(), e.getForumEvent().getForumEventId(), LocalRecipients.CONFIRMED,
                        e.getAttendee(), e.getOrganisation(), e.getCancellationUrl(), e.getCheckInCode(), now);
            }
            case RegistrationWaitlisted e -> {
                recipients.forumEvent(e.getForumEvent());
                recipients.registered(e.getRegistrationId(), e.getForumEvent().getForumEventId(), LocalRecipients.WAITLISTED,
                        e.getAttendee(), e.getOrganisation(), e.getCancellationUrl(), null, now);
            }
            case RegistrationPendingApproval e -> {
                recipients.forumEvent(e.getForumEvent());
                recipients.registered(e.getRegistrationId(), e.getForumEvent().getForumEventId(), LocalRecipients.PENDING,
                        e.getAttendee(), e.getOrganisation(), e.getCancellationUrl(), null, now);
            }
            case RegistrationCancelled e -> recipients.forget(e.getRegistrationId());
            case RegistrationRejected e -> recipients.forget(e.getRegistrationId());
            case AttendeeDataErased e -> {
                recipients.forget(e.getRegistrationId());
                keys.forget(e.getRegistrationId());
                messages.erasePersonalData(e.getRegistrationId());
            }
            case ForumEventScheduled e -> recipients.forumEvent(e.getForumEvent());
            case ForumEventOpened e -> recipients.forumEvent(e.getForumEvent());
            case ForumEventClosed e -> recipients.forumEvent(e.getForumEvent());
            case ForumEventRescheduled e -> recipients.forumEvent(e.getForumEvent());
            case ForumEventCancelled e -> recipients.forumEventCancelled(e.getForumEvent().getForumEventId());
            case ForumEventCompleted e -> recipients.forumEventCompleted(e.getForumEvent().getForumEventId());
            default -> {
                // agreement events: everything needed comes with each event
            }
        }
    }
}
