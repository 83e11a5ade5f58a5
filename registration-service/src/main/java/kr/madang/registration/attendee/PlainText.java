package kr.madang.registration.attendee;

/** The rule for free text anywhere in the API: no control characters and no markup. */
public final class PlainText {

    private PlainText() {
    }

    /** What is wrong with the text, or null when it is fine. */
    public static String problem(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '<' || c == '>') {
                return "must not contain markup (< or >)";
            }
            boolean allowedControl = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedControl) {
                return "must not contain control characters";
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)))) {
                return "is not valid Unicode text";
            }
        }
        return null;
    }
}
