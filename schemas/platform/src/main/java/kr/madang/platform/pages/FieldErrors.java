package kr.madang.platform.pages;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import kr.madang.platform.web.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/**
 * A form's errors by field name, in the order found, for the shared form fragments (each message is shown next to
 * its field and tied to it with aria-describedby, and listed in the summary at the top of the form).
 */
public final class FieldErrors {

    /** The key of errors that belong to no one field (shown in the summary only). */
    public static final String FORM = "_form";

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FieldErrors none() {
        return new FieldErrors();
    }

    /** Bean Validation and binding errors, in the user's language. */
    public static FieldErrors of(BindingResult result, MessageSource messages, Locale locale) {
        FieldErrors errors = new FieldErrors();
        result.getFieldErrors().forEach(e -> errors.add(e.getField(), messages.getMessage(e, locale)));
        result.getGlobalErrors().forEach(e -> errors.add(FORM, messages.getMessage(e, locale)));
        return errors;
    }

    /** The API's problem: the field it names (or the form), with its detail, and any per-field list it carries. */
    public static FieldErrors of(ApiProblem problem) {
        FieldErrors errors = new FieldErrors();
        if (problem.properties().get("errors") instanceof Collection<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m && m.get("field") != null) {
                    errors.add(String.valueOf(m.get("field")), String.valueOf(m.get("message")));
                }
            }
        }
        errors.add(problem.field() == null ? FORM : problem.field(), problem.getMessage());
        return errors;
    }

    public FieldErrors add(String field, String message) {
        byField.putIfAbsent(field == null ? FORM : field, message == null ? "" : message);
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Map<String, String> all() {
        return Map.copyOf(byField);
    }

    /** In the order found, for the summary. */
    public java.util.List<Map.Entry<String, String>> entries() {
        return java.util.List.copyOf(byField.entrySet());
    }
}
