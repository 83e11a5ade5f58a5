package kr.madang.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.ResourceBundle;

import kr.madang.events.ForumEventSummary;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;

class CalendarFileUnitTests {

    private static final String REGISTRATION = "7d4c1a52-3f0e-4b7a-9a59-0c1f6a3e2b10";
    private static final Instant STAMP = Instant.parse("2023-01-20T01:00:00Z");

    /** The service's own bundles, Korean as the default one, as the running service reads them. */
    private static final ForumCalendar.Labels BUNDLES = (key, language, args) -> MessageFormat.format(
            ResourceBundle.getBundle("messages-notification", Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key),
            args);

    private final ForumCalendar calendar = new ForumCalendar("notification.madang.kr", "no-reply@madang.kr", BUNDLES);

    private static ForumEventSummary jeju(Instant startsAt, Instant endsAt, String venue) {
        return ForumEventSummary.newBuilder().setForumEventId("jeju-2023").setTitle("제1회 디지털지역혁신포럼")
                .setTitleEn("1st Digital Regional Innovation Forum").setRegion("JEJU").setVenue(venue)
                .setStartsAt(startsAt).setEndsAt(endsAt).build();
    }

    @Test
    void aConfirmationIsARequestInSeoulTimeWithTheZoneDefinedAndAUidFromTheRegistration() {
        ForumEventSummary forum = jeju(Instant.parse("2023-02-06T04:00:00Z"), Instant.parse("2023-02-07T09:00:00Z"),
                "메종글래드 제주 크리스탈홀");
        ParsedIcs ics = ParsedIcs.parse(CalendarFile.write(calendar.invite(REGISTRATION, forum, "ko", 0,
                ForumCalendar.Occasion.CONFIRMED, STAMP)));

        assertThat(ics.method()).isEqualTo("REQUEST");
        assertThat(ics.timeZones()).containsExactly("Asia/Seoul");
        assertThat(ics.tzidOf(Property.DTSTART)).isEqualTo("Asia/Seoul");
        assertThat(ics.tzidOf(Property.DTEND)).isEqualTo("Asia/Seoul");
        assertThat(ics.localTime(Property.DTSTART)).isEqualTo(LocalDateTime.parse("2023-02-06T13:00"));
        assertThat(ics.localTime(Property.DTEND)).isEqualTo(LocalDateTime.parse("2023-02-07T18:00"));
        assertThat(ics.zoned(Property.DTSTART).toInstant()).isEqualTo(forum.getStartsAt());
        assertThat(ics.value(Property.UID)).isEqualTo("registration-" + REGISTRATION + "@notification.madang.kr");
        assertThat(ics.value(Property.SEQUENCE)).isEqualTo("0");
        assertThat(ics.value(Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(ics.value(Property.DTSTAMP)).isEqualTo("20230120T010000Z");
        assertThat(ics.value(Property.SUMMARY)).isEqualTo("제1회 디지털지역혁신포럼");
        assertThat(ics.value(Property.LOCATION)).isEqualTo("메종글래드 제주 크리스탈홀");
        assertThat(ics.value(Property.DESCRIPTION)).contains("참가 등록이 확정되었습니다", "장소: 메종글래드 제주 크리스탈홀",
                "2023년 2월 6일 (월) 13:00");
        assertThat(ics.value(Property.ORGANIZER)).isEqualTo("mailto:no-reply@madang.kr");
        assertThat(ics.event().getProperty(Property.ATTENDEE)).isEmpty();
    }

    @Test
    void anEnglishSpeakerGetsTheEnglishTitleAndDescription() {
        ForumEventSummary forum = jeju(Instant.parse("2023-02-06T04:00:00Z"), Instant.parse("2023-02-07T09:00:00Z"),
                "메종글래드 제주 크리스탈홀");
        ParsedIcs ics = ParsedIcs.parse(CalendarFile.write(calendar.invite(REGISTRATION, forum, "en", 2,
                ForumCalendar.Occasion.RESCHEDULED, STAMP)));

        assertThat(ics.value(Property.SUMMARY)).isEqualTo("1st Digital Regional Innovation Forum");
        assertThat(ics.value(Property.DESCRIPTION)).contains("The dates or the venue have changed",
                "Mon 6 Feb 2023, 13:00 KST");
        assertThat(ics.value(Property.SEQUENCE)).isEqualTo("2");
        assertThat(ics.method()).isEqualTo("REQUEST");
    }

    @Test
    void aCancellationIsACancelOfTheSameUidWithItsOwnSequence() {
        ForumEventSummary forum = jeju(Instant.parse("2023-02-06T04:00:00Z"), Instant.parse("2023-02-07T09:00:00Z"), null);
        ParsedIcs ics = ParsedIcs.parse(CalendarFile.write(calendar.invite(REGISTRATION, forum, "ko", 3,
                ForumCalendar.Occasion.EVENT_CANCELLED, STAMP)));

        assertThat(ics.method()).isEqualTo("CANCEL");
        assertThat(ics.value(Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(ics.value(Property.SEQUENCE)).isEqualTo("3");
        assertThat(ics.value(Property.UID)).isEqualTo("registration-" + REGISTRATION + "@notification.madang.kr");
        assertThat(ics.value(Property.DESCRIPTION)).contains("행사가 취소되었습니다");
        // no venue carried: the region stands in, so the entry still says where
        assertThat(ics.value(Property.LOCATION)).isEqualTo("JEJU");
    }

    @Test
    void textsThatNeedEscapingSurviveTheRoundTrip() {
        ForumEventSummary forum = jeju(Instant.parse("2023-04-20T00:30:00Z"), Instant.parse("2023-04-21T08:00:00Z"),
                "POSCO International Hall, POSCO Change-Up Ground; Pohang");
        ParsedIcs ics = ParsedIcs.parse(CalendarFile.write(calendar.invite(REGISTRATION, forum, "en", 0,
                ForumCalendar.Occasion.CONFIRMED, STAMP)));

        assertThat(ics.value(Property.LOCATION)).isEqualTo("POSCO International Hall, POSCO Change-Up Ground; Pohang");
        assertThat(ics.value(Property.DESCRIPTION)).contains("\nVenue: POSCO International Hall, POSCO Change-Up Ground; Pohang\n");
        assertThat(ics.localTime(Property.DTSTART)).isEqualTo(LocalDateTime.parse("2023-04-20T09:30"));
    }

    @Test
    void anInviteWithoutItsTimesOrWithANegativeSequenceIsRefused() {
        assertThatThrownBy(() -> new CalendarInvite("u@d", -1, CalendarInvite.Method.REQUEST, STAMP, "t", null, null,
                STAMP, STAMP, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarInvite("u@d", 0, CalendarInvite.Method.REQUEST, STAMP, "t", null, null,
                null, STAMP, null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theZoneDefinitionIsBuiltOnceAndSharedSafelyByFilesWrittenAtOnce() throws Exception {
        CalendarInvite invite = calendar.invite(REGISTRATION, jeju(Instant.parse("2023-02-06T04:00:00Z"),
                Instant.parse("2023-02-07T09:00:00Z"), "메종글래드 제주 크리스탈홀"), "en", 3,
                ForumCalendar.Occasion.RESCHEDULED, STAMP);
        String expected = CalendarFile.write(invite);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var files = pool.invokeAll(java.util.Collections.nCopies(400,
                    (java.util.concurrent.Callable<String>) () -> CalendarFile.write(invite)));
            for (var file : files) {
                assertThat(file.get()).isEqualTo(expected);
            }
        }
        assertThat(ParsedIcs.parse(expected).timeZones()).containsExactly("Asia/Seoul");
    }

    /** The file is put together from a head written once and entries written each time: ical4j's bytes either way. */
    @Test
    void aFileIsByteForByteWhatIcal4jWritesForTheWholeCalendar() {
        String longKorean = "제주 디지털 지역혁신 포럼의 세션 안내입니다. 접수처는 1층 로비이며, 신분증을 지참해 주십시오; "
                + "주차는 지하 2층, 셔틀은 제주공항 3번 게이트에서 30분마다 출발합니다.\n둘째 줄도 접혀야 합니다.";
        Instant starts = Instant.parse("2023-02-06T04:00:00Z");
        Instant ends = Instant.parse("2023-02-07T09:00:00Z");
        var sessions = java.util.List.of(
                new CalendarInvite.SessionEntry(CalendarInvite.sessionUidOf(REGISTRATION, "s1", "notification.madang.kr"),
                        "세션 1: 지역 데이터 협력", "크리스탈홀 A", longKorean, starts, starts.plusSeconds(5400)),
                new CalendarInvite.SessionEntry(CalendarInvite.sessionUidOf(REGISTRATION, "s2", "notification.madang.kr"),
                        "Session 2, with; commas", null, null, starts.plusSeconds(7200), ends));
        for (CalendarInvite.Method method : CalendarInvite.Method.values()) {
            CalendarInvite invite = new CalendarInvite(CalendarInvite.uidOf(REGISTRATION, "notification.madang.kr"), 2,
                    method, STAMP, "제1회 디지털지역혁신포럼", "메종글래드 제주 크리스탈홀", longKorean, starts, ends,
                    "디지털지역혁신포럼 사무국", "no-reply@madang.kr", sessions);

            String written = CalendarFile.write(invite);

            assertThat(written).isEqualTo(CalendarFile.writeWhole(invite));
            assertThat(written).contains("METHOD:" + method.name(), "BEGIN:VTIMEZONE").endsWith("END:VCALENDAR\r\n");
            assertThat(ParsedIcs.parse(written).timeZones()).containsExactly("Asia/Seoul");
        }
    }
}
