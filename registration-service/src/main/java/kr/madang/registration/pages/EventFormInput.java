package kr.madang.registration.pages;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kr.madang.platform.pages.FieldErrors;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRequests;
import kr.madang.registration.forumevent.Region;
import kr.madang.registration.forumevent.SessionKind;

/**
 * What the event form posts, as typed (every value a string, so a bad one comes back to its field as it was typed).
 * Sessions are rows named {@code sessions[i].title} …; dates are the browser's local date-times, meant in Seoul.
 * {@link #request} turns it into the API's own create request, so the page gets the API's rules.
 */
public record EventFormInput(String title, String titleEn, String region, String venue, String venueEn,
                             String description, String startsAt, String endsAt, String registrationOpensAt,
                             String registrationClosesAt, String capacity, boolean selfRegistration,
                             boolean approvalRequired, String hosts, String organisers, String sponsors,
                             List<SessionInput> sessions) {

    public record SessionInput(String kind, String title, String titleEn, String location, String startsAt,
                               String endsAt, String capacity) {
        static SessionInput blank() {
            return new SessionInput("PRESENTATION", "", "", "", "", "", "");
        }
    }

    private static final Pattern SESSION_PARAM = Pattern.compile("sessions\\[(\\d{1,3})]\\.(\\w+)");
    static final int MAX_CAPACITY = 100_000;

    public static EventFormInput blank() {
        return new EventFormInput("", "", "", "", "", "", "", "", "", "", "", false, false, "", "", "",
                List.of(SessionInput.blank()));
    }

    /** The posted form; session rows in their index order (a removed row leaves a gap, which closes here). */
    static EventFormInput of(Map<String, String[]> params) {
        Function<String, String> p = name -> {
            String[] values = params.get(name);
            return values == null || values.length == 0 ? "" : values[0];
        };
        TreeMap<Integer, Map<String, String>> rows = new TreeMap<>();
        params.forEach((name, values) -> {
            Matcher m = SESSION_PARAM.matcher(name);
            if (m.matches() && values.length > 0) {
                rows.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new java.util.HashMap<>()).put(m.group(2), values[0]);
            }
        });
        List<SessionInput> sessions = rows.values().stream().map(r -> new SessionInput(r.getOrDefault("kind", ""),
                r.getOrDefault("title", ""), r.getOrDefault("titleEn", ""), r.getOrDefault("location", ""),
                r.getOrDefault("startsAt", ""), r.getOrDefault("endsAt", ""), r.getOrDefault("capacity", ""))).toList();
        return new EventFormInput(p.apply("title"), p.apply("titleEn"), p.apply("region"), p.apply("venue"),
                p.apply("venueEn"), p.apply("description"), p.apply("startsAt"), p.apply("endsAt"),
                p.apply("registrationOpensAt"), p.apply("registrationClosesAt"), p.apply("capacity"),
                "true".equals(p.apply("selfRegistration")), "true".equals(p.apply("approvalRequired")),
                p.apply("hosts"), p.apply("organisers"), p.apply("sponsors"), sessions);
    }

    EventFormInput withSessions(List<SessionInput> newSessions) {
        return new EventFormInput(title, titleEn, region, venue, venueEn, description, startsAt, endsAt,
                registrationOpensAt, registrationClosesAt, capacity, selfRegistration, approvalRequired, hosts,
                organisers, sponsors, List.copyOf(newSessions));
    }

    EventFormInput withSessionAdded() {
        List<SessionInput> more = new ArrayList<>(sessions);
        more.add(SessionInput.blank());
        return withSessions(more);
    }

    EventFormInput withSessionRemoved(int index) {
        List<SessionInput> fewer = new ArrayList<>(sessions);
        if (index >= 0 && index < fewer.size()) {
            fewer.remove(index);
        }
        return withSessions(fewer);
    }

    /** Messages by key, in the page's language. */
    interface Texts {
        String text(String key);
    }

    /**
     * The API's create request, or null with the errors of what cannot even be read (missing, not a date, not a
     * number) added beside their fields; the API's rules run after, on what could be read.
     */
    ForumEventRequests.Create request(FieldErrors errors, Texts texts) {
        required("title", title, errors, texts);
        Region r = null;
        if (blank(region)) {
            errors.add("region", texts.text("registration.eventForm.error.region"));
        } else {
            r = Arrays.stream(Region.values()).filter(x -> x.name().equals(region)).findFirst().orElse(null);
            if (r == null) {
                errors.add("region", texts.text("registration.eventForm.error.region"));
            }
        }
        required("venue", venue, errors, texts);
        OffsetDateTime start = dateTime("startsAt", startsAt, true, errors, texts);
        OffsetDateTime end = dateTime("endsAt", endsAt, true, errors, texts);
        OffsetDateTime opens = dateTime("registrationOpensAt", registrationOpensAt, false, errors, texts);
        OffsetDateTime closes = dateTime("registrationClosesAt", registrationClosesAt, false, errors, texts);
        Integer seats = number("capacity", capacity, true, errors, texts);
        List<ForumEventRequests.Session> rows = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            SessionInput s = sessions.get(i);
            String id = "sessions-" + i + "-";
            required(id + "title", s.title(), errors, texts);
            SessionKind kind = Arrays.stream(SessionKind.values()).filter(k -> k.name().equals(s.kind())).findFirst()
                    .orElse(null);
            if (kind == null) {
                errors.add(id + "kind", texts.text("registration.eventForm.error.kind"));
            }
            OffsetDateTime sStart = dateTime(id + "startsAt", s.startsAt(), true, errors, texts);
            OffsetDateTime sEnd = dateTime(id + "endsAt", s.endsAt(), true, errors, texts);
            Integer sSeats = number(id + "capacity", s.capacity(), false, errors, texts);
            rows.add(new ForumEventRequests.Session(kind, s.title(), s.titleEn(), s.location(), sStart, sEnd, sSeats));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ForumEventRequests.Create(title, titleEn, description, r, venue, venueEn, start, end, opens, closes,
                seats, selfRegistration, approvalRequired, lines(hosts), lines(organisers), lines(sponsors), rows);
    }

    /** The form input that shows an error of the API's field: {@code sessions[1].startsAt} is row 1's start. */
    static String inputOf(String apiField) {
        if (apiField == null) {
            return FieldErrors.FORM;
        }
        Matcher m = Pattern.compile("sessions\\[(\\d+)]\\.(\\w+).*").matcher(apiField);
        if (m.matches()) {
            return "sessions-" + m.group(1) + "-" + m.group(2);
        }
        int cut = apiField.indexOf('[');
        return cut > 0 ? apiField.substring(0, cut) : apiField;
    }

    static OffsetDateTime dateTime(String field, String value, boolean required, FieldErrors errors, Texts texts) {
        if (blank(value)) {
            if (required) {
                errors.add(field, texts.text("registration.eventForm.error.required"));
            }
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip().replace(' ', 'T')).atZone(ForumEvent.SEOUL).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            errors.add(field, texts.text("registration.eventForm.error.dateTime"));
            return null;
        }
    }

    static Integer number(String field, String value, boolean required, FieldErrors errors, Texts texts) {
        if (blank(value)) {
            if (required) {
                errors.add(field, texts.text("registration.eventForm.error.required"));
            }
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_CAPACITY) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.add(field, texts.text("registration.eventForm.error.capacity"));
        return null;
    }

    private static void required(String field, String value, FieldErrors errors, Texts texts) {
        if (blank(value)) {
            errors.add(field, texts.text("registration.eventForm.error.required"));
        }
    }

    /** Hosts, organisers and sponsors: one per line. */
    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
