package kr.madang.notification.message;

import java.time.Clock;

import kr.madang.events.notification.Channel;
import kr.madang.events.notification.DeliveryStatus;
import kr.madang.events.notification.NotificationStatusChanged;
import kr.madang.platform.outbox.Outbox;
import kr.madang.schemas.Events;
import kr.madang.schemas.Topics;
import org.springframework.stereotype.Component;

/** Announces each status change of a message on madang.notification.events, in the transaction that makes it. */
@Component
public class StatusEvents {

    public static final String PRODUCER = "notification-service";
    /** The statuses a subscriber can act on: a message sent, delivered, delayed or failed. */
    static final java.util.Set<MessageStatus> PUBLISHED = java.util.EnumSet.of(MessageStatus.SENT, MessageStatus.DELIVERED,
            MessageStatus.TEMPORARY_FAILURE, MessageStatus.PERMANENT_FAILURE, MessageStatus.TECHNICAL_FAILURE);

    private final Outbox outbox;
    private final Clock clock;

    public StatusEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void changed(String messageId, String sourceEventId, kr.madang.notification.template.Channel channel,
                        MessageStatus status, int statusVersion, String correlationId, String reason) {
        if (!PUBLISHED.contains(status)) {
            // QUEUED and SENDING are internal progress (README, "Status events"); SUPPRESSED never entered delivery
            return;
        }
        outbox.append(Topics.NOTIFICATION_EVENTS, NotificationStatusChanged.newBuilder()
                .setHeader(Events.newHeader(PRODUCER, messageId, statusVersion, correlationId, sourceEventId, clock.instant()))
                .setNotificationId(messageId)
                .setSourceEventId(sourceEventId)
                // the event contract has no ALIMTALK symbol (its schema is unchanged): an AlimTalk message is a message to
                // the phone that falls back to SMS, so subscribers see SMS
                .setChannel(channel == kr.madang.notification.template.Channel.ALIMTALK ? Channel.SMS : Channel.valueOf(channel.name()))
                .setStatus(DeliveryStatus.valueOf(status.name()))
                .setReason(reason)
                .build());
    }
}
