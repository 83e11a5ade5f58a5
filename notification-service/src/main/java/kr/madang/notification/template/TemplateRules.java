package kr.madang.notification.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What makes a template savable: known placeholders only, a subject for email, SMS within the LMS limit. */
public final class TemplateRules {

    public record Violation(String field, String message) {
    }

    private TemplateRules() {
    }

    public static List<Violation> check(TemplateSpec spec, Channel channel, String subject, String body) {
        List<Violation> violations = new ArrayList<>();
        if (!spec.channels().contains(channel)) {
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

    private static void unknown(TemplateSpec spec, String field, Set<String> used, List<Violation> violations) {
        List<String> unknown = used.stream().filter(name -> !spec.allows(name)).toList();
        if (!unknown.isEmpty()) {
            violations.add(new Violation(field, "unknown placeholder(s) " + unknown.stream().map(n -> "{{" + n + "}}").toList()
                    + "; " + spec.code() + " can use " + spec.placeholders().keySet()));
        }
    }
}
