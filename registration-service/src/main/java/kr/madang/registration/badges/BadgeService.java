package kr.madang.registration.badges;

import kr.madang.registration.ticket.ShortCodes;
import kr.madang.registration.ticket.TicketCodes;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import kr.madang.platform.accesslog.PersonalDataAccess.Action;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.security.Roles;
import kr.madang.platform.web.ApiProblem;
import kr.madang.registration.access.Access;
import kr.madang.registration.access.StaffAccessLog;
import kr.madang.registration.attendee.AttendeeType;
import kr.madang.registration.attendee.Registration;
import kr.madang.registration.attendee.RegistrationQueries;
import kr.madang.registration.attendee.RegistrationRepository;
import kr.madang.registration.attendee.RegistrationStatus;
import kr.madang.registration.attendee.RegistrationView;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.links.AttendeeLinks;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Name badges of an event's confirmed attendees, for HQ and the event's regional office, and one attendee's badge
 * reprinted at the door. Badges carry names and organisations, so every print is personal-data access and goes to
 * the staff access log (action EXPORT, with the registrations printed).
 */
@Service
public class BadgeService {

    /** Why the access log's entry exists: printing badges is the purpose itself, so no reason is asked. */
    static final String PRINT_REASON = "name badges";
    static final String REPRINT_REASON = "badge reprint at the door";

    private final RegistrationQueries queries;
    private final RegistrationRepository registrations;
    private final ForumEventRepository events;
    private final AttendeeLinks links;
    private final StaffAccessLog accessLog;
    private final JdbcClient jdbc;

    private final TicketCodes ticketCodes;

    public BadgeService(RegistrationQueries queries, RegistrationRepository registrations, ForumEventRepository events,
                        AttendeeLinks links, StaffAccessLog accessLog, JdbcClient jdbc, TicketCodes ticketCodes) {
        this.ticketCodes = ticketCodes;
        this.queries = queries;
        this.registrations = registrations;
        this.events = events;
        this.links = links;
        this.accessLog = accessLog;
        this.jdbc = jdbc;
    }

    /** What to print; {@code types} empty means every attendee type. */
    public record Selection(BadgeFormat format, BadgeSort sort, Set<AttendeeType> types) {

        /**
         * From request parameters as typed (null or blank: the default); a value that is not one of the choices is a
         * 400 problem naming its parameter.
         */
        public static Selection parse(String format, String sort, List<String> types) {
            BadgeFormat f = choice(BadgeFormat.class, format, "format", BadgeFormat.A4_2X4);
            BadgeSort s = choice(BadgeSort.class, sort, "sort", BadgeSort.NAME);
            Set<AttendeeType> t = EnumSet.noneOf(AttendeeType.class);
            for (String value : types == null ? List.<String>of() : types) {
                for (String one : value.split(",")) {
                    if (!one.isBlank()) {
                        t.add(choice(AttendeeType.class, one, "attendeeType", null));
                    }
                }
            }
            return new Selection(f, s, t);
        }

        String query() {
            return StaffAccessLog.query("format", format, "sort", sort, "attendeeType",
                    types.stream().map(Enum::name).collect(Collectors.joining(",")));
        }
    }

    public record Pdf(String fileName, byte[] bytes) {
    }

    public Pdf eventBadges(UUID eventId, Selection selection, Authentication authentication) {
        ForumEvent event = queries.eventForStaff(eventId, CurrentUser.of(authentication));
        List<RegistrationView> rows = queries.all(eventId,
                new RegistrationQueries.Filter(RegistrationStatus.CONFIRMED, null, null, null, null),
                RegistrationQueries.Sort.CREATED).stream()
                .filter(r -> r.erasedAt() == null && r.name() != null)
                .filter(r -> selection.types().isEmpty() || selection.types().contains(r.attendeeType()))
                .sorted(order(selection.sort()))
                .toList();
        List<Badge> badges = new ArrayList<>(rows.size());
        for (RegistrationView r : rows) {
            badges.add(new Badge(r.id(), r.name(), r.organisation(), r.jobTitle(), r.attendeeType(),
                    links.checkInCode(r.id(), event), shortCodeOf(r.id())));
        }
        accessLog.record(authentication, Action.EXPORT, eventId, badges.stream().map(Badge::registrationId).toList(),
                selection.query(), PRINT_REASON);
        return new Pdf("badges-" + eventId + ".pdf", BadgeSheet.render(event.title(), badges, selection.format()));
    }

    /**
     * One attendee's badge: HQ and the event's regional office any confirmed attendee's; the event's door staff only
     * of someone already checked in (the reprint is for the person standing at the door).
     */
    public Pdf reprint(UUID eventId, UUID registrationId, BadgeFormat format, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        ForumEvent event = events.find(eventId).orElseThrow(() -> ApiProblem.notFound("Forum event " + eventId));
        boolean doorOnly = !user.isHq() && !user.has(Roles.REGIONAL_OFFICE) && user.has(Roles.CHECKIN_STAFF)
                && eventId.toString().equals(user.eventId());
        if (!doorOnly) {
            Access.requireStaff(user, event);
        }
        Registration r = registrations.find(registrationId).filter(x -> x.eventId().equals(eventId))
                .orElseThrow(() -> ApiProblem.notFound("Registration " + registrationId));
        if (r.erased() || r.status() != RegistrationStatus.CONFIRMED) {
            throw ApiProblem.conflict("No badge", "Only a confirmed registration has a badge; this one is "
                    + (r.erased() ? "erased" : r.status().name()));
        }
        if (doorOnly && !checkedIn(registrationId)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden",
                    "Door staff reprint the badge of someone checked in only", null);
        }
        accessLog.record(authentication, Action.EXPORT, eventId, List.of(registrationId),
                StaffAccessLog.query("format", format), REPRINT_REASON);
        Badge badge = new Badge(r.id(), r.name(), r.organisation(), r.jobTitle(), r.attendeeType(),
                links.checkInCode(r.id(), event), shortCodeOf(r.id()));
        return new Pdf("badge-" + registrationId + ".pdf", BadgeSheet.render(event.title(), List.of(badge), format));
    }

    /** The registration's ticket short code as door staff read it (ABCD-EFGH), printed under the QR code. */
    private String shortCodeOf(UUID registrationId) {
        return ticketCodes.find(registrationId).map(ShortCodes::display).orElse(null);
    }

    private boolean checkedIn(UUID registrationId) {
        return jdbc.sql("select exists (select 1 from check_in where registration_id = ?)").param(registrationId)
                .query(Boolean.class).single();
    }

    /** Korean dictionary order (가나다), Latin names among them by the collator's rules; then by id to be stable. */
    private static Comparator<RegistrationView> order(BadgeSort sort) {
        Collator collator = Collator.getInstance(Locale.KOREAN);
        Comparator<String> text = Comparator.nullsLast((a, b) -> collator.compare(a.strip(), b.strip()));
        Comparator<RegistrationView> byName = Comparator.comparing(RegistrationView::name, text);
        Comparator<RegistrationView> first = sort == BadgeSort.ORGANISATION
                ? Comparator.comparing((RegistrationView r) -> blankToNull(r.organisation()), text).thenComparing(byName)
                : byName;
        return first.thenComparing(RegistrationView::id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
