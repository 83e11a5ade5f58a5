package kr.madang.registration.pages;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The API's validation messages (English, for machines and developers) in the page's language. The checks stay the
 * API's own; only their wording is looked up here, and a message without a translation is shown as the API wrote it.
 * Templates reach it as {@code @registrationApiMessages}.
 */
@Component("registrationApiMessages")
public class ApiMessages implements kr.madang.platform.pages.ProblemTexts {

    private record Known(Pattern pattern, String key) {
    }

    private static final List<Known> KNOWN = List.of(
            known("is required", "required"),
            known("must be at most (\\d+) characters", "tooLong"),
            known("must be written in Hangul or Latin letters", "nameLetters"),
            known("is not a valid email address", "email"),
            known("is too long for a phone number|is not a phone number|is not a valid phone number", "phone"),
            known("must be a mobile number.*", "mobile"),
            known("must not contain markup.*", "markup"),
            known("must not contain control characters", "control"),
            known("is not valid Unicode text", "unicode"),
            known("must be ko or en.*", "language"),
            known("must be Y or N.*", "yesNo"),
            known("must be true: personal data cannot be processed without consent", "consent"),
            known("This email address is already registered for this event|is already registered for this event",
                    "duplicate"),
            known("must be one of .*|must be GENERAL, SPEAKER.*", "attendeeType"),
            known("The event is \\w+, not open for registration", "notOpen"),
            known("This event does not take self-registrations", "noSelfRegistration"),
            known("Registration opens at (\\d{4}-\\d\\d-\\d\\d)T(\\d\\d:\\d\\d).*", "opensAt"),
            known("Registration closed at (\\d{4}-\\d\\d-\\d\\d)T(\\d\\d:\\d\\d).*", "closedAt"),
            known("is empty|has no header row", "fileEmpty"),
            known("has (\\d+) rows; at most (\\d+) per import", "fileRows"),
            known("has no column for ([a-z_, ]+) \\(.*", "fileColumns"),
            // the forum event's rules (issue 16: the event pages), and sessions chosen on a registration
            known("must be after startsAt", "afterStart"),
            known("must be within 31 days of startsAt", "tooLongEvent"),
            known("must be after registrationOpensAt", "windowOrder"),
            known("must not be after the event ends", "windowAfterEnd"),
            known("must be before the event ends", "opensAfterEnd"),
            known("must be after the session's startsAt", "sessionOrder"),
            known("must lie within the event's startsAt and endsAt", "sessionOutside"),
            known("cannot exceed the event's capacity", "sessionCapacity"),
            known("is unchanged: give new dates or a new venue", "unchanged"),
            known("must be after the registration window closes", "endsBeforeWindow"),
            known("cannot be below the (\\d+) seats already confirmed", "belowConfirmed"),
            known("Cannot \\w+ an event that is \\w+", "eventState"),
            known("size must be between 0 and (\\d+)", "tooLong"),
            known("must be plain text without markup or control characters", "markup"),
            known("is not a session of this event", "notASession"),
            known("The session '(.*)' has no seat left; choose others", "sessionFull"),
            // "not found" details name ids for machines; a page says what is missing in words (issue 16 item 5)
            known("(?:Forum event|Event) \\S+ does not exist", "eventNotFound"),
            known("Registration(?: \\S+)? does not exist", "registrationNotFound"),
            known("Action \\S+ does not exist", "pageNotFound"));

    private static Known known(String regex, String key) {
        return new Known(Pattern.compile(regex), "registration.apiError." + key);
    }

    private final MessageSource messages;

    public ApiMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The message in the current request's language. */
    public String text(String apiMessage) {
        return text(apiMessage, LocaleContextHolder.getLocale());
    }

    String text(String apiMessage, Locale locale) {
        if (apiMessage == null) {
            return "";
        }
        return translate(apiMessage, locale).orElse(apiMessage);
    }

    /** The message in {@code locale} when it is one the bundles word; empty otherwise. */
    @Override
    public java.util.Optional<String> translate(String apiMessage, Locale locale) {
        for (Known k : KNOWN) {
            Matcher m = k.pattern().matcher(apiMessage.strip());
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return java.util.Optional.ofNullable(messages.getMessage(k.key(), args, null, locale));
            }
        }
        return java.util.Optional.empty();
    }

    /** A field as the API names it ({@code email}, {@code consent.accepted}), as the form labels it. */
    public String label(String apiField) {
        if (apiField == null) {
            return "";
        }
        String input = AttendeeFormInput.inputOf(apiField);
        return messages.getMessage("registration.field." + input, null, apiField, LocaleContextHolder.getLocale());
    }
}
