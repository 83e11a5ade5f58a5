package kr.madang.local.devtools.mail;

import java.time.Instant;
import java.util.List;

/** One email the sink received, decoded for people and tests. */
public record CapturedMail(long id, String messageId, Instant receivedAt, String from, List<String> to,
                           List<String> cc, String subject, String language, String text, String html,
                           List<Attachment> attachments, int size) {

    public record Attachment(String fileName, String contentType, int size) {
    }
}
