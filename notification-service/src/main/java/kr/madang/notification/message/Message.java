package kr.madang.notification.message;

import java.time.Instant;
import java.util.UUID;

import kr.madang.notification.template.Channel;

/** A message row as the dispatcher and the API see it. */
public record Message(UUID id, String sourceEventId, String sourceEventType, String templateCode, int templateVersion,
                      Channel channel, String language, String recipientKey, String recipient, String recipientMasked,
                      String registrationId, String agreementId, String forumEventId, String subject, String bodyText,
                      String bodyHtml, String smsType, boolean essential, boolean urgent, String unsubscribeUrl,
                      MessageStatus status, int statusVersion, String reason, int attempts, Instant nextAttemptAt,
                      String provider, String providerMessageId, String correlationId, Instant createdAt,
                      Instant updatedAt, Instant firstAttemptAt, Instant sentAt, Instant deliveredAt) {
}
