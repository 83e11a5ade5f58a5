package kr.madang.notification.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as attendees read them: Korea time, Korean or English style. */
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

    public static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
