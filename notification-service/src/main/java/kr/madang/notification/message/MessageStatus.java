package kr.madang.notification.message;

/**
 * Where a message is. QUEUED → SENDING → SENT → DELIVERED, or TEMPORARY_FAILURE (retried with backoff) and finally
 * PERMANENT_FAILURE (the recipient or content is wrong) or TECHNICAL_FAILURE (retries exhausted).
 * SUPPRESSED: never sent because the recipient opted out of non-essential messages on that channel.
 */
public enum MessageStatus {
    QUEUED, SENDING, SENT, DELIVERED, TEMPORARY_FAILURE, PERMANENT_FAILURE, TECHNICAL_FAILURE, SUPPRESSED;

    public boolean isFinal() {
        return this == DELIVERED || this == PERMANENT_FAILURE || this == TECHNICAL_FAILURE || this == SUPPRESSED;
    }
}
