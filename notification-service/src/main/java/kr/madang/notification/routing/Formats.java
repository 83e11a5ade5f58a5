package kr.madang.notification.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Dates, times and regions as attendees read them: Korea time, Korean or English style. */
public final class Formats {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter KO = DateTimeFormatter.ofPattern("yyyy년 M월 d일 (E) HH:mm", Locale.KOREAN);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'KST'", Locale.UK);

    private Formats() {
    }

    public static String dateTime(Instant instant, String language) {
        if (instant == null) {
            return "";
        }
        return ("en".equals(language) ? EN : KO).format(instant.atZone(SEOUL));
    }

    /**
     * A region's name ({@code JEJU} → 제주, Jeju) from the platform's bundle, the words the pages use; an unknown code
     * as it is.
     */
    public static String region(String code, String language) {
        if (code == null || code.isBlank()) {
            return "";
        }
        try {
            return ResourceBundle.getBundle("madang/messages", "en".equals(language) ? Locale.ENGLISH : Locale.ROOT,
                    NO_FALLBACK).getString("madang.region." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    // Korean is the bundle without a suffix: never fall back to the JVM's own locale
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
