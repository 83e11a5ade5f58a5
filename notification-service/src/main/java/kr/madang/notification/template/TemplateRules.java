package kr.madang.notification.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What makes a template savable: known placeholders only, a subject for email, SMS within the LMS limit. */
public final class TemplateRules {

    public record Violation(String field, String message) {
    }

    private TemplateRules() {
    }

    public static List<Violation> check(TemplateSpec spec, Channel channel, String subject, String body) {
        List<Violation> violations = new ArrayList<>();
        if (!spec.channels().contains(channel == Channel.ALIMTALK ? Channel.SMS : channel)) {
            violations.add(new Violation("channel", spec.code() + " is not sent on " + channel));
            return violations;
        }
        if (body == null || body.isBlank()) {
            violations.add(new Violation("body", "must not be blank"));
            return violations;
        }
        unknown(spec, "body", TemplateRenderer.placeholdersIn(body), violations);
        if (channel == Channel.EMAIL) {
            if (subject == null || subject.isBlank()) {
                violations.add(new Violation("subject", "an email template needs a subject"));
            } else {
                unknown(spec, "subject", TemplateRenderer.placeholdersIn(subject), violations);
            }
        } else {
            if (subject != null && !subject.isBlank()) {
                violations.add(new Violation("subject", "an SMS template has no subject"));
            }
            if (violations.isEmpty()) {
                // measured with the sample values: a body that is already too long with them cannot be sent
                int bytes = SmsLength.eucKrBytes(TemplateRenderer.fill(body, spec.placeholders()));
                if (bytes > SmsLength.LMS_MAX_BYTES) {
                    violations.add(new Violation("body", "is " + bytes + " EUC-KR bytes with sample values; an LMS holds at most "
                            + SmsLength.LMS_MAX_BYTES));
                }
            }
        }
        return violations;
    }

    /** The vendor's limits (Kakao AlimTalk): at most 1,000 characters once filled, at most 5 buttons. */
    public static final int ALIMTALK_MAX_CHARS = 1_000;
    public static final int ALIMTALK_MAX_BUTTONS = 5;
    public static final int BUTTON_NAME_MAX_CHARS = 14;

    /**
     * Free-text placeholders whose longest value is declared by registration-service ({@code @Size(max = 200)} on
     * event titles, venues and organisations, 100 on names): an AlimTalk body is measured with these at their
     * maximum, the others with their sample values, so a template that passes here cannot be over 1,000 characters
     * for any attendee.
     */
    static final Map<String, Integer> DECLARED_MAXIMUM = Map.of("forumTitle", 200, "venue", 200, "previousVenue", 200,
            "organisation", 200, "name", 100, "institution", 200, "agreementTitle", 200);

    public static Map<String, String> longestValues(TemplateSpec spec) {
        Map<String, String> values = new java.util.LinkedHashMap<>(spec.placeholders());
        values.replaceAll((name, sample) -> {
            Integer max = DECLARED_MAXIMUM.get(name);
            return max == null || sample.length() >= max ? sample : "가".repeat(max);
        });
        return values;
    }

    /** The AlimTalk rules on top of {@link #check}: an approved template code, ≤ 1,000 characters filled, ≤ 5 buttons. */
    public static List<Violation> checkAlimTalk(TemplateSpec spec, String body, Template.AlimTalk alimTalk) {
        List<Violation> violations = new ArrayList<>();
        if (alimTalk == null || alimTalk.vendorTemplateCode() == null || alimTalk.vendorTemplateCode().isBlank()) {
            violations.add(new Violation("alimtalkTemplateCode", "an AlimTalk template needs the template code the vendor approved"));
        } else if (!alimTalk.vendorTemplateCode().matches("[A-Za-z0-9_-]{1,20}")) {
            violations.add(new Violation("alimtalkTemplateCode", "must be the vendor's code: 1 to 20 letters, digits, _ or -"));
        }
        if (body != null && !body.isBlank()) {
            String filled = TemplateRenderer.fill(body, longestValues(spec));
            int chars = filled.codePointCount(0, filled.length());
            if (chars > ALIMTALK_MAX_CHARS) {
                violations.add(new Violation("body", "is " + chars + " characters with the longest values the placeholders allow; "
                        + "an AlimTalk holds at most " + ALIMTALK_MAX_CHARS));
            }
        }
        List<Template.Button> buttons = alimTalk == null ? List.of() : alimTalk.buttons();
        if (buttons.size() > ALIMTALK_MAX_BUTTONS) {
            violations.add(new Violation("buttons", "has " + buttons.size() + " buttons; an AlimTalk has at most " + ALIMTALK_MAX_BUTTONS));
        }
        for (int i = 0; i < buttons.size() && i < ALIMTALK_MAX_BUTTONS; i++) {
            Template.Button button = buttons.get(i);
            if (button == null || button.name() == null || button.name().isBlank()) {
                violations.add(new Violation("buttons[" + i + "].name", "must not be blank"));
            } else if (button.name().length() > BUTTON_NAME_MAX_CHARS) {
                violations.add(new Violation("buttons[" + i + "].name", "is longer than " + BUTTON_NAME_MAX_CHARS + " characters"));
            }
            if (button == null || button.link() == null || !button.link().matches("(https?://\\S+|\\{\\{[A-Za-z]+}}\\S*)")) {
                violations.add(new Violation("buttons[" + i + "].link", "must be an http(s) link or a link placeholder"));
            } else {
                unknown(spec, "buttons[" + i + "].link", TemplateRenderer.placeholdersIn(button.link()), violations);
            }
        }
        return violations;
    }

    private static void unknown(TemplateSpec spec, String field, Set<String> used, List<Violation> violations) {
        List<String> unknown = used.stream().filter(name -> !spec.allows(name)).toList();
        if (!unknown.isEmpty()) {
            violations.add(new Violation(field, "unknown placeholder(s) " + unknown.stream().map(n -> "{{" + n + "}}").toList()
                    + "; " + spec.code() + " can use " + spec.placeholders().keySet()));
        }
    }
}
