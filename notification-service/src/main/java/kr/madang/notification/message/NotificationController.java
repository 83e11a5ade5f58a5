package kr.madang.notification.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kr.madang.notification.template.Channel;
import kr.madang.platform.web.ApiProblem;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Delivery statuses for operations: who was told what, how, and whether it arrived. Addresses are masked. */
@RestController
@RequestMapping("/api/notifications")
@Validated
public class NotificationController {

    private final MessageStore messages;

    public NotificationController(MessageStore messages) {
        this.messages = messages;
    }

    public record Summary(UUID id, Channel channel, MessageStatus status, String reason, String sourceEventId,
                          String sourceEventType, String templateCode, int templateVersion, String registrationId,
                          String agreementId, String forumEventId, String language, String recipient, String smsType,
                          boolean essential, int attempts, String provider, Instant createdAt, Instant updatedAt,
                          Instant nextAttemptAt, Instant sentAt, Instant deliveredAt) {

        static Summary of(Message m) {
            boolean pending = m.status() == MessageStatus.QUEUED || m.status() == MessageStatus.TEMPORARY_FAILURE;
            return new Summary(m.id(), m.channel(), m.status(), m.reason(), m.sourceEventId(), m.sourceEventType(),
                    m.templateCode(), m.templateVersion(), m.registrationId(), m.agreementId(), m.forumEventId(),
                    m.language(), m.recipientMasked(), m.smsType(), m.essential(), m.attempts(), m.provider(),
                    m.createdAt(), m.updatedAt(), pending ? m.nextAttemptAt() : null, m.sentAt(), m.deliveredAt());
        }
    }

    public record PageOf(List<Summary> items, int page, int size, long total) {
    }

    public record Detail(Summary notification, String subject, List<MessageStore.Attempt> attempts) {
    }

    @GetMapping
    @Operation(summary = "Messages, newest first, filtered by source event, registration, agreement, recipient, status, channel")
    public PageOf list(@RequestParam(required = false) String sourceEventId,
                       @RequestParam(required = false) String registrationId,
                       @RequestParam(required = false) String agreementId,
                       @RequestParam(required = false) String recipient,
                       @RequestParam(required = false) MessageStatus status,
                       @RequestParam(required = false) Channel channel,
                       @RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        MessageStore.Page result = messages.search(
                new MessageStore.Filter(sourceEventId, registrationId, agreementId, recipient, status, channel), page, size);
        return new PageOf(result.items().stream().map(Summary::of).toList(), page, size, result.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One message with its delivery attempts")
    public Detail get(@PathVariable UUID id) {
        Message m = messages.find(id).orElseThrow(() -> ApiProblem.notFound("Notification " + id));
        return new Detail(Summary.of(m), m.subject(), messages.attempts(id));
    }
}
