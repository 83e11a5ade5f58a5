package kr.madang.notification.recipients;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;

import kr.madang.events.ForumEventSummary;
import kr.madang.notification.NotificationProperties;
import kr.madang.notification.message.MessageQueue;
import kr.madang.notification.routing.EventRouter;
import kr.madang.notification.routing.Formats;
import kr.madang.notification.routing.Notice;
import kr.madang.notification.routing.SourceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day-before reminder: from {@code send-at} (09:00 Seoul) on the day before a forum event, every confirmed
 * attendee gets one, in their language. Safe with several instances: the forum event's reminder is claimed by an
 * atomic update, and the messages are unique per (reminder, attendee, channel) anyway.
 */
@Component
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final LocalRecipients recipients;
    private final MessageQueue queue;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final NotificationProperties.Reminders settings;

    public Reminders(LocalRecipients recipients, MessageQueue queue, TransactionTemplate transactions, Clock clock,
                     NotificationProperties properties) {
        this.recipients = recipients;
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = properties.reminders();
    }

    @Scheduled(fixedDelayString = "${madang.notification.reminders.check-every:PT1M}", initialDelayString = "${madang.notification.reminders.check-every:PT1M}")
    public void scheduled() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Reminder round failed: {}", e.toString());
        }
    }

    /** Queues the reminders now due; returns how many messages it queued. */
    public int sendDue() {
        ZonedDateTime now = clock.instant().atZone(Formats.SEOUL);
        if (now.toLocalTime().isBefore(settings.sendAt())) {
            return 0;
        }
        LocalDate today = now.toLocalDate();
        Integer queued = transactions.execute(tx -> {
            int count = 0;
            for (LocalRecipients.ForumEvent forum : recipients.claimRemindersFor(today.plusDays(1), today, Formats.SEOUL)) {
                ForumEventSummary summary = ForumEventSummary.newBuilder().setForumEventId(forum.forumEventId())
                        .setTitle(forum.title()).setTitleEn(forum.titleEn()).setRegion(forum.region())
                        .setVenue(forum.venue()).setStartsAt(forum.startsAt()).setEndsAt(forum.endsAt()).build();
                SourceEvent source = new SourceEvent("reminder:" + forum.forumEventId() + ":" + today, "EventReminder", null);
                for (var attendee : recipients.confirmedFor(forum.forumEventId())) {
                    Map<String, String> values = EventRouter.attendeeValues(attendee.registrationId(), summary,
                            attendee.recipient().name(), attendee.organisation(), attendee.recipient().language());
                    values.put("cancellationUrl", attendee.cancellationUrl() == null ? "" : attendee.cancellationUrl());
                    values.put("checkInCode", attendee.checkInCode() == null ? "" : attendee.checkInCode());
                    count += queue.enqueue(source, new Notice("event-reminder", attendee.recipient(), values,
                            attendee.registrationId(), null, forum.forumEventId()));
                }
                log.info("Day-before reminders for forum event {} queued", forum.forumEventId());
            }
            return count;
        });
        return queued == null ? 0 : queued;
    }
}
