package kr.madang.notification.template;

/**
 * Korean carriers bill SMS by EUC-KR bytes: up to 90 is an SMS, up to 2,000 an LMS, anything longer cannot be sent.
 * ASCII counts one byte, every other character two (Hangul, and what EUC-KR cannot encode, which carriers bill
 * as a two-byte replacement).
 */
public final class SmsLength {

    public static final int SMS_MAX_BYTES = 90;
    public static final int LMS_MAX_BYTES = 2_000;

    public enum Kind { SMS, LMS }

    private SmsLength() {
    }

    public static int eucKrBytes(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            bytes += cp < 0x80 ? 1 : 2;
            i += Character.charCount(cp);
        }
        return bytes;
    }

    public static Kind kindOf(String text) {
        int bytes = eucKrBytes(text);
        if (bytes > LMS_MAX_BYTES) {
            throw new IllegalArgumentException("SMS text is " + bytes + " EUC-KR bytes, over the LMS limit of " + LMS_MAX_BYTES);
        }
        return bytes <= SMS_MAX_BYTES ? Kind.SMS : Kind.LMS;
    }
}
