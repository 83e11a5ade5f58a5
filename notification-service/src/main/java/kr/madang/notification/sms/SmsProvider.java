package kr.madang.notification.sms;

/** The port every SMS provider adapter implements. */
public interface SmsProvider {

    String name();

    /**
     * @param messageId our message id: the provider's idempotency key, so a resend after a crash is not a second SMS
     * @param type      SMS (≤ 90 EUC-KR bytes) or LMS (≤ 2,000)
     * @return the provider's id for the message
     * @throws SmsRejectedException     the provider refused this message (4xx): final
     * @throws SmsUnavailableException  5xx, timeout, connection failure: try another provider or later
     */
    String send(String messageId, String to, String from, String type, String subject, String text);

    class SmsRejectedException extends RuntimeException {
        public SmsRejectedException(String message) {
            super(message);
        }
    }

    class SmsUnavailableException extends RuntimeException {
        public SmsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
