package kr.madang.notification.dispatch;

import java.util.List;

/** What one dispatch attempt came to, with a line per provider tried (for the message's attempt history). */
public sealed interface DeliveryResult {

    List<ProviderAttempt> tries();

    /** {@code channel} is the channel this try went on; null means the message's own channel. */
    record ProviderAttempt(String provider, java.time.Instant startedAt, java.time.Instant finishedAt, String outcome,
                           String detail, kr.madang.notification.template.Channel channel) {

        public ProviderAttempt(String provider, java.time.Instant startedAt, java.time.Instant finishedAt, String outcome,
                               String detail) {
            this(provider, startedAt, finishedAt, outcome, detail, null);
        }

        public ProviderAttempt on(kr.madang.notification.template.Channel onChannel) {
            return new ProviderAttempt(provider, startedAt, finishedAt, outcome, detail, onChannel);
        }
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
