package kr.madang.notification.message;

/** Addresses as the API and logs may show them: enough to recognise, not enough to use. */
public final class Masking {

    private Masking() {
    }

    /** Two letters and the domain of a single address; anything that is not one plain address masks to "***". */
    public static String email(String email) {
        int at = email.indexOf('@');
        if (at <= 0 || email.indexOf('@', at + 1) >= 0
                || email.chars().anyMatch(c -> Character.isWhitespace(c) || ",;<>\"".indexOf(c) >= 0)) {
            // a malformed value (several addresses, a display name) could otherwise show its second address whole
            return "***";
        }
        String local = email.substring(0, at);
        return local.substring(0, Math.min(2, local.length())) + "***" + email.substring(at);
    }

    /** E.164: country code and last four digits, e.g. +82******5678. */
    public static String phone(String phone) {
        if (phone.length() <= 7) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
