package kr.madang.registration.attendee;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as attendees type them (010-1234-5678, +66 81 234 5678) to E.164 (+821012345678). A number without
 * a country code is read as Korean. Korean numbers must be mobile (messages go by SMS); foreign ones need only be
 * valid, as libphonenumber's knowledge of every country's mobile ranges is not complete.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The E.164 form, or an {@link IllegalArgumentException} saying what is wrong. */
    public static String toE164(String raw) {
        if (raw.length() > 30) {
            throw new IllegalArgumentException("is too long for a phone number");
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(raw, "KR");
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("is not a phone number");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new IllegalArgumentException("is not a valid phone number");
        }
        if (number.getCountryCode() == 82) {
            PhoneNumberType type = UTIL.getNumberType(number);
            if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                throw new IllegalArgumentException("must be a mobile number (e.g. 010-1234-5678)");
            }
        }
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** How a regional office reads a number: national format for Korean numbers, international otherwise. */
    public static String forDisplay(String e164) {
        try {
            PhoneNumber number = UTIL.parse(e164, "KR");
            return UTIL.format(number, number.getCountryCode() == 82
                    ? PhoneNumberUtil.PhoneNumberFormat.NATIONAL : PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }
}
