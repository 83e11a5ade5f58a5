package kr.madang.registration.pages;

import java.util.List;
import java.util.Map;

import kr.madang.platform.pages.FieldErrors;
import kr.madang.platform.web.ApiProblem;
import kr.madang.registration.attendee.AttendeeForm;
import kr.madang.registration.attendee.AttendeeType;
import kr.madang.registration.rules.InvalidFields;
import kr.madang.registration.rules.RuleViolation;
import kr.madang.registration.rules.StateConflict;

/**
 * What the attendee form posts (staff and public alike). It is turned into the API's own {@link AttendeeForm}, so
 * the page gets exactly the API's checks and messages; the API's field names map onto the form's inputs.
 */
public record AttendeeFormInput(String name, String email, String phone, String organisation, String jobTitle,
                                String attendeeType, String language, Boolean wheelchair, Boolean signLanguage,
                                String accessibilityNotes, String dietaryNeeds, Boolean consent,
                                List<String> sessionIds) {

    // Checkboxes are Boolean: an unticked box sends nothing, which binds to null (not a binding error).

    static final Map<String, String> INPUT_OF_FIELD = Map.of("consent.accepted", "consent",
            "consent.policyVersion", "consent", "accessibility.notes", "accessibilityNotes",
            "accessibility", "accessibilityNotes", "accessibility.wheelchair", "wheelchair",
            "accessibility.signLanguage", "signLanguage");

    public static AttendeeFormInput empty(String language) {
        return new AttendeeFormInput("", "", "", "", "", "GENERAL", language, false, false, "", "", false,
                List.of());
    }

    /** Whether a checkbox was ticked (for the template: null and false alike are not). */
    public boolean ticked(Boolean box) {
        return Boolean.TRUE.equals(box);
    }

    /** Whether the session's box was ticked (the form comes back after an error with the same choices). */
    public boolean chose(Object sessionId) {
        return sessionIds != null && sessionId != null && sessionIds.contains(sessionId.toString());
    }

    AttendeeForm form(String policyVersion) {
        AttendeeType type = null;
        if (attendeeType != null && !attendeeType.isBlank()) {
            try {
                type = AttendeeType.valueOf(attendeeType);
            } catch (IllegalArgumentException e) {
                throw new RuleViolation("attendeeType", "must be one of GENERAL, SPEAKER, VIP, PRESS, INTERNATIONAL_DELEGATE");
            }
        }
        return new AttendeeForm(blank(name), blank(email), blank(phone), blank(organisation), blank(jobTitle), type,
                blank(language), blank(accessibilityNotes), ticked(wheelchair), ticked(signLanguage), false,
                blank(dietaryNeeds), sessions(), ticked(consent), policyVersion);
    }

    private List<java.util.UUID> sessions() {
        if (sessionIds == null) {
            return List.of();
        }
        try {
            return sessionIds.stream().filter(x -> x != null && !x.isBlank()).map(java.util.UUID::fromString).toList();
        } catch (IllegalArgumentException tampered) {
            throw new RuleViolation("sessionIds", "is not a session of this event");
        }
    }

    /** The API's refusal, by form input, in the page's language. */
    static FieldErrors errorsOf(RuntimeException e, ApiMessages messages) {
        FieldErrors errors = FieldErrors.none();
        switch (e) {
            case InvalidFields invalid -> invalid.errors().forEach(f -> errors.add(inputOf(f.field()), messages.text(f.message())));
            case RuleViolation rule -> errors.add(inputOf(rule.field()), messages.text(rule.getMessage()));
            case StateConflict conflict -> errors.add(FieldErrors.FORM, messages.text(conflict.getMessage()));
            case ApiProblem problem -> FieldErrors.of(problem).entries()
                    .forEach(x -> errors.add(inputOf(x.getKey()), messages.text(x.getValue())));
            default -> throw e;
        }
        return errors;
    }

    /** The form input that shows an error of the API's field. */
    static String inputOf(String field) {
        if (field != null && field.startsWith("sessionIds")) {
            return "sessionIds"; // sessionIds[2]: the group of session boxes
        }
        return field == null ? FieldErrors.FORM : INPUT_OF_FIELD.getOrDefault(field, field);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
