package kr.madang.notification.template;

import java.time.Instant;

/** One version of a template. Email templates have a subject; the body is plain text with {@code {{placeholders}}}. */
public record Template(String code, Channel channel, String language, int version, String subject, String body,
                       Instant createdAt, String createdBy) {
}
