package kr.madang.notification.template;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kr.madang.notification.routing.Formats;

/**
 * Every template code this service knows, with the placeholders the events behind it can fill. A template may
 * only use these: saving one that uses anything else is refused, so nothing is found missing at send time. Each
 * code's {@link MessagePurpose} is declared here, once, and decides whether quiet hours hold its SMS.
 */
public final class TemplateCatalog {

    private static final Map<String, String> ATTENDEE = ordered(
            "name", "김민지",
            "organisation", "제주특별자치도",
            "forumTitle", "제1회 디지털지역혁신포럼",
            "region", "JEJU",
            "venue", "메종글래드 제주 크리스탈홀",
            "startsAt", "2023년 2월 6일 (월) 13:00",
            "endsAt", "2023년 2월 7일 (화) 18:00",
            "registrationId", "0b6f3c2e-6a51-4c1e-9a51-6f1c1d2e3f40");
    private static final Map<String, String> PARTY = ordered(
            "name", "홍길동",
            "institution", "한국지역정보개발원",
            "agreementTitle", "디지털 혁신 및 디지털플랫폼정부 실현을 위한 업무협약",
            "agreementVersion", "1",
            "agreementId", "6a1f0c9e-2b7d-4f0a-8d8e-1f2a3b4c5d6e",
            "effectiveDate", "2023-02-06",
            "endDate", "2026-02-05",
            "partyCount", "9");
    /** Samples an English reader of a preview sees instead of the Korean ones (issue 16 item 5), as sends format them. */
    private static final Map<String, String> ENGLISH_SAMPLES = ordered(
            "name", "Jane Doe",
            "organisation", "Ministry of Digital Economy",
            "forumTitle", "1st Digital Regional Innovation Forum",
            "venue", "Maison Glad Jeju Crystal Hall",
            "startsAt", "Mon 6 Feb 2023, 13:00 KST",
            "endsAt", "Tue 7 Feb 2023, 18:00 KST",
            "checkedInAt", "Mon 6 Feb 2023, 12:41 KST",
            "previousStartsAt", "Mon 6 Feb 2023, 10:00 KST",
            "previousVenue", "International Convention Center Jeju",
            "institution", "Korea Local Information Research & Development Institute",
            "agreementTitle", "MOU on digital innovation and the Digital Platform Government",
            "reason", "Personal reasons");

    /** A spec's sample values for a preview in {@code language}: English samples where the English template needs them. */
    public static Map<String, String> samples(TemplateSpec spec, String language) {
        Map<String, String> values = new LinkedHashMap<>(spec.placeholders());
        // the region's name in the preview's language, as sends put it (the sample is its code)
        values.computeIfPresent("region", (k, code) -> Formats.region(code, language));
        if ("en".equals(language)) {
            // only Korean samples are replaced: an English one (a topic, a reason from a machine) stays as it is
            ENGLISH_SAMPLES.forEach((name, value) -> values.computeIfPresent(name,
                    (k, v) -> v.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3) ? value : v));
        }
        return values;
    }

    private static final String URL = "https://madang.example.kr/l/eyJhbGciOiJIUzI1NiJ9.eyJyIjoiMGI2ZjNjMmUifQ.c2lnbmF0dXJl";

    private static final Map<String, TemplateSpec> SPECS = new LinkedHashMap<>();

    static {
        Set<Channel> email = Set.of(Channel.EMAIL);
        Set<Channel> both = Set.of(Channel.EMAIL, Channel.SMS);
        // attendee messages
        add("registration-confirmed", both, true, MessagePurpose.TRANSACTIONAL, ATTENDEE, "cancellationUrl", URL, "checkInCode", "MDG-7K3Q-9XPA",
                "ticketUrl", URL, "ticketCode", "K7QP-3MXA");
        add("registration-waitlisted", both, true, MessagePurpose.TRANSACTIONAL, ATTENDEE, "waitlistPosition", "3", "cancellationUrl", URL);
        add("registration-pending-approval", email, true, MessagePurpose.TRANSACTIONAL, ATTENDEE, "cancellationUrl", URL);
        add("registration-promoted", both, true, MessagePurpose.TRANSACTIONAL, ATTENDEE, "cancellationUrl", URL, "checkInCode", "MDG-7K3Q-9XPA",
                "fromPosition", "2", "ticketUrl", URL, "ticketCode", "K7QP-3MXA");
        // someone registered this person's address again without a token: they are told, nobody else is
        add("registration-attempt-repeated", email, false, MessagePurpose.TRANSACTIONAL, ATTENDEE);
        add("registration-rejected", email, true, MessagePurpose.TRANSACTIONAL, ATTENDEE, "reason", "정원 초과");
        add("registration-cancelled", both, true, MessagePurpose.TRANSACTIONAL, ATTENDEE, "reason", "개인 사정", "cancelledBy", "ATTENDEE");
        add("attendee-checked-in", email, false, MessagePurpose.TRANSACTIONAL, ATTENDEE, "day", "2023-02-06", "checkedInAt", "2023년 2월 6일 (월) 12:41");
        add("forum-event-rescheduled", both, true, MessagePurpose.ANNOUNCEMENT, ATTENDEE, "previousStartsAt", "2023년 2월 6일 (월) 10:00",
                "previousVenue", "제주국제컨벤션센터");
        add("forum-event-cancelled", both, true, MessagePurpose.ANNOUNCEMENT, ATTENDEE, "reason", "기상 악화");
        add("event-reminder", both, false, MessagePurpose.REMINDER, ATTENDEE, "cancellationUrl", URL, "checkInCode", "MDG-7K3Q-9XPA");
        // party messages
        add("agreement-drafted", email, false, MessagePurpose.ANNOUNCEMENT, PARTY);
        add("agreement-circulated", both, true, MessagePurpose.TRANSACTIONAL, PARTY, "signingUrl", URL, "step", "1");
        add("signing-reminder", both, true, MessagePurpose.REMINDER, PARTY, "signingUrl", URL, "reminderNumber", "1");
        add("party-signed", email, false, MessagePurpose.ANNOUNCEMENT, PARTY, "signerInstitution", "제주특별자치도", "signerName", "오영훈");
        add("party-declined", email, true, MessagePurpose.ANNOUNCEMENT, PARTY, "declinedInstitution", "제주연구원", "reason", "제3조 문구 수정 요청");
        add("party-acceded", email, false, MessagePurpose.ANNOUNCEMENT, PARTY, "accededInstitution", "포항테크노파크");
        add("agreement-executed", email, true, MessagePurpose.ANNOUNCEMENT, PARTY);
        add("agreement-activated", email, false, MessagePurpose.ANNOUNCEMENT, PARTY);
        add("agreement-amended", email, true, MessagePurpose.ANNOUNCEMENT, PARTY, "previousVersion", "1");
        add("agreement-expiring", email, false, MessagePurpose.REMINDER, PARTY, "daysLeft", "30");
        add("agreement-expired", email, false, MessagePurpose.ANNOUNCEMENT, PARTY);
        add("agreement-renewed", email, false, MessagePurpose.ANNOUNCEMENT, PARTY);
        add("agreement-terminated", email, true, MessagePurpose.ANNOUNCEMENT, PARTY, "reason", "당사자 합의");
        add("circulation-withdrawn", email, true, MessagePurpose.ANNOUNCEMENT, PARTY, "reason", "문안 재검토");
        add("signing-ceremony-changed", both, true, MessagePurpose.ANNOUNCEMENT, PARTY, "change", "RESCHEDULED", "detail", "2월 6일 16:00 → 17:00");
        // operational alerts to the forum secretariat
        add("secretariat-approval-needed", email, true, MessagePurpose.TRANSACTIONAL, ATTENDEE, "attendeeType", "PRESS");
        add("secretariat-party-declined", email, true, MessagePurpose.ANNOUNCEMENT, PARTY, "declinedInstitution", "제주연구원",
                "reason", "제3조 문구 수정 요청");
        add("secretariat-dead-letter", email, true, MessagePurpose.ANNOUNCEMENT, ordered("name", "사무국", "topic", "madang.registration.events",
                "reason", "Unknown schema fingerprint", "deadLetterId", "42"));
    }

    private TemplateCatalog() {
    }

    public static Optional<TemplateSpec> find(String code) {
        return Optional.ofNullable(SPECS.get(code));
    }

    public static TemplateSpec get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown template code " + code));
    }

    public static Collection<TemplateSpec> all() {
        return SPECS.values();
    }

    private static void add(String code, Set<Channel> channels, boolean essential, MessagePurpose purpose,
                            Map<String, String> base, String... extra) {
        Map<String, String> placeholders = new LinkedHashMap<>(base);
        placeholders.putAll(ordered(extra));
        SPECS.put(code, new TemplateSpec(code, channels, essential, purpose, placeholders));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
