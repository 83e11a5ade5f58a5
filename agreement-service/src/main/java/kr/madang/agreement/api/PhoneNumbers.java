package kr.madang.agreement.api;

import java.util.Optional;

/** Korean and international phone numbers as E.164, the form notification-service sends SMS to. */
final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** "010-1234-5678" → "+821012345678"; "+82 10 1234 5678" stays; empty when it is not a phone number. */
    static Optional<String> toE164(String raw) {
        String trimmed = raw.trim();
        boolean international = trimmed.startsWith("+");
        String digits = trimmed.replaceAll("[\\s().-]", "");
        if (international) {
            digits = digits.substring(1);
        }
        if (!digits.matches("\\d{8,15}")) {
            return Optional.empty();
        }
        if (international) {
            return Optional.of("+" + digits);
        }
        if (digits.startsWith("0") && digits.length() >= 9 && digits.length() <= 11) {
            return Optional.of("+82" + digits.substring(1));
        }
        return Optional.empty();
    }
}
