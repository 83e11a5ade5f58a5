package kr.madang.registration.attendee;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import kr.madang.registration.rules.FieldError;

/**
 * An attendee as typed on the API or in an import row, and the rules it must meet. Both the API and the bulk import
 * check it here, so a row registers exactly as a request would. Errors name the field as the API spells it.
 */
public record AttendeeForm(String name, String email, String phone, String organisation, String jobTitle,
                           AttendeeType attendeeType, String language, String accessibilityNotes, boolean wheelchair,
                           boolean signLanguage, boolean hearingLoop, String dietaryNeeds, List<UUID> sessionIds,
                           Boolean consentAccepted, String consentPolicyVersion) {

    public static final int NAME_MAX = 100;
    /** Hangul or Latin letters (with accents), and the spaces, dots, apostrophes and hyphens of real names. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHangul}\\p{IsLatin}][\\p{IsHangul}\\p{IsLatin}\\p{M} .'\\-·]*");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern POLICY_VERSION = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    /** A checked attendee, normalised: trimmed text, E.164 phone, lower-case email key, known language. */
    public record Valid(String name, String email, String emailKey, String phone, String organisation, String jobTitle,
                        AttendeeType attendeeType, Language language, String accessibilityNotes, boolean wheelchair,
                        boolean signLanguage, boolean hearingLoop, String dietaryNeeds, List<UUID> sessionIds,
                        String consentPolicyVersion) {
    }

    public sealed interface Checked permits Ok, Invalid {
    }

    public record Ok(Valid attendee) implements Checked {
    }

    public record Invalid(List<FieldError> errors) implements Checked {
    }

    public Checked check() {
        List<FieldError> errors = new ArrayList<>();
        String n = trim(name);
        if (n == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (n.codePointCount(0, n.length()) > NAME_MAX) {
            errors.add(new FieldError("name", "must be at most " + NAME_MAX + " characters"));
        } else if (!NAME.matcher(n).matches()) {
            errors.add(new FieldError("name", "must be written in Hangul or Latin letters"));
        }
        String e = trim(email);
        if (e == null) {
            errors.add(new FieldError("email", "is required"));
        } else if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            errors.add(new FieldError("email", "is not a valid email address"));
        }
        String p = trim(phone);
        String e164 = null;
        if (p != null) {
            try {
                e164 = PhoneNumbers.toE164(p);
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError("phone", ex.getMessage()));
            }
        }
        String org = text("organisation", organisation, 200, false, errors);
        String title = text("jobTitle", jobTitle, 100, false, errors);
        String notes = text("accessibility.notes", accessibilityNotes, 1000, true, errors);
        String dietary = text("dietaryNeeds", dietaryNeeds, 500, true, errors);
        Language lang = Language.KO;
        String l = trim(language);
        if (l != null) {
            try {
                lang = Language.ofCode(l.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError("language", "must be ko or en"));
            }
        }
        if (!Boolean.TRUE.equals(consentAccepted)) {
            errors.add(new FieldError("consent.accepted", "must be true: personal data cannot be processed without consent"));
        }
        String policy = trim(consentPolicyVersion);
        if (policy == null) {
            errors.add(new FieldError("consent.policyVersion", "is required"));
        } else if (!POLICY_VERSION.matcher(policy).matches()) {
            errors.add(new FieldError("consent.policyVersion", "must be a short version label such as 2023-01"));
        }
        List<UUID> sessions = sessionIds == null ? List.of() : sessionIds.stream().distinct().toList();
        if (sessions.size() > 50 || sessions.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError("sessionIds", "must be at most 50 session ids"));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        return new Ok(new Valid(n, e, e.toLowerCase(Locale.ROOT), e164, org, title,
                attendeeType == null ? AttendeeType.GENERAL : attendeeType, lang, notes, wheelchair, signLanguage,
                hearingLoop, dietary, sessions, policy));
    }

    /**
     * Free text: no control characters, no markup (angle brackets have no place in an organisation or a title, and
     * refusing them keeps every page and export that shows the text safe).
     */
    static String text(String field, String value, int max, boolean multiline, List<FieldError> errors) {
        String v = trim(value);
        if (v == null) {
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        String problem = PlainText.problem(v, multiline);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
            return null;
        }
        return v;
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        return t.isEmpty() ? null : t;
    }
}
