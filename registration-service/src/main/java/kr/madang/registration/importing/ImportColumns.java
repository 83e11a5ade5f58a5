package kr.madang.registration.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kr.madang.registration.attendee.AttendeeType;

/**
 * The columns an import understands, by their English or Korean header as offices write them (case, spaces and
 * punctuation ignored), and the cell values in either language.
 */
final class ImportColumns {

    enum Column {
        NAME, EMAIL, PHONE, ORGANISATION, JOB_TITLE, ATTENDEE_TYPE, LANGUAGE, ACCESSIBILITY, WHEELCHAIR, DIETARY, CONSENT
    }

    private static final Map<String, Column> ALIASES = new HashMap<>();

    static {
        alias(Column.NAME, "name", "이름", "성명", "참가자", "참가자명");
        alias(Column.EMAIL, "email", "e-mail", "emailaddress", "이메일", "전자우편", "메일");
        alias(Column.PHONE, "phone", "mobile", "mobilephone", "휴대전화", "휴대폰", "전화번호", "연락처", "핸드폰");
        alias(Column.ORGANISATION, "organisation", "organization", "소속", "기관", "소속기관", "기관명");
        alias(Column.JOB_TITLE, "jobtitle", "title", "position", "직위", "직책", "직급");
        alias(Column.ATTENDEE_TYPE, "attendeetype", "type", "구분", "참가구분", "참가유형", "유형");
        alias(Column.LANGUAGE, "language", "언어");
        alias(Column.ACCESSIBILITY, "accessibility", "accessibilitynotes", "접근성", "접근성요청", "요청사항", "편의지원");
        alias(Column.WHEELCHAIR, "wheelchair", "휠체어");
        alias(Column.DIETARY, "dietaryneeds", "dietary", "식이", "식이요청", "식단");
        alias(Column.CONSENT, "consent", "개인정보동의", "동의", "개인정보수집동의", "개인정보수집이용동의");
    }

    private static void alias(Column column, String... names) {
        for (String name : names) {
            ALIASES.put(normalise(name), column);
        }
    }

    static Optional<Column> of(String header) {
        return Optional.ofNullable(ALIASES.get(normalise(header)));
    }

    static String normalise(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-().·/]", "");
    }

    static final List<Column> REQUIRED = List.of(Column.NAME, Column.EMAIL, Column.CONSENT);

    /** Null when the cell is empty; the value, or an IllegalArgumentException. */
    static AttendeeType attendeeType(String cell) {
        String v = normalise(cell);
        return switch (v) {
            case "" -> null;
            case "general", "일반", "일반참가자" -> AttendeeType.GENERAL;
            case "speaker", "연사", "발표자", "발제자", "토론자" -> AttendeeType.SPEAKER;
            case "vip", "귀빈", "내빈", "vip내빈", "귀빈공무원" -> AttendeeType.VIP; // 귀빈·공무원: the export's word
            case "press", "언론", "기자", "언론사" -> AttendeeType.PRESS;
            case "internationaldelegate", "해외대표단", "외빈", "해외" -> AttendeeType.INTERNATIONAL_DELEGATE;
            default -> throw new IllegalArgumentException(
                    "must be GENERAL, SPEAKER, VIP, PRESS or INTERNATIONAL_DELEGATE (or 일반, 연사, 귀빈, 언론, 해외대표단)");
        };
    }

    static String language(String cell) {
        String v = normalise(cell);
        return switch (v) {
            case "" -> null;
            case "ko", "kor", "korean", "한국어", "국문" -> "ko";
            case "en", "eng", "english", "영어", "영문" -> "en";
            default -> throw new IllegalArgumentException("must be ko or en (한국어 or 영어)");
        };
    }

    static boolean yes(String cell) {
        String v = normalise(cell);
        return switch (v) {
            case "y", "yes", "true", "1", "o", "예", "네", "동의", "필요" -> true;
            case "", "n", "no", "false", "0", "x", "아니오", "아니요", "미동의", "부동의", "불필요" -> false;
            default -> throw new IllegalArgumentException("must be Y or N (예 or 아니오)");
        };
    }
}
