package kr.madang.registration.attendee;

/** The attendee's language for messages: {@code ko} or {@code en} on the API. */
public enum Language {
    KO, EN;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Language ofCode(String code) {
        return switch (code) {
            case "ko" -> KO;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("unknown language " + code);
        };
    }
}
