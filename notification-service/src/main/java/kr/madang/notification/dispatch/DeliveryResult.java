package kr.madang.notification.dispatch;

import java.util.List;

/** What one dispatch attempt came to, with a line per provider tried (for the message's attempt history). */
public sealed interface DeliveryResult {

    List<ProviderAttempt> tries();

    record ProviderAttempt(String provider, java.time.Instant startedAt, java.time.Instant finishedAt, String outcome,
                           String detail) {
    }

    /** Accepted by the SMTP server or the SMS provider. */
    record Accepted(String provider, String providerMessageId, List<ProviderAttempt> tries) implements DeliveryResult {
    }

    /** Refused for good (bad address, 4xx from a provider): retrying cannot help. */
    record Refused(String reason, List<ProviderAttempt> tries) implements DeliveryResult {
    }

    /** Nobody could take it now (5xx, timeouts, open circuits): retry later. */
    record Unavailable(String reason, List<ProviderAttempt> tries) implements DeliveryResult {
    }
}
