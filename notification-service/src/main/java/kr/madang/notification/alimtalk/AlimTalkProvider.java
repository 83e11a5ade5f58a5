package kr.madang.notification.alimtalk;

import java.util.List;

import kr.madang.notification.template.Template;

/** The port an AlimTalk vendor adapter implements. */
public interface AlimTalkProvider {

    /**
     * @param messageId   our message id, sent as the vendor's grouping keys so a report and a resend can be matched
     * @param recipientNo a Korean mobile number in domestic form (01012345678)
     * @return the vendor's request id
     * @throws NotDeliverableException the vendor refused this message (not a KakaoTalk user, template mismatch, 4xx):
     *                                 the provider is healthy, the message goes by SMS
     * @throws VendorUnavailableException 5xx, timeout, connection failure, an unreadable answer
     */
    String send(String messageId, String recipientNo, String vendorTemplateCode, String content, List<Template.Button> buttons);

    class NotDeliverableException extends RuntimeException {
        private final String code;

        public NotDeliverableException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    class VendorUnavailableException extends RuntimeException {
        public VendorUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
