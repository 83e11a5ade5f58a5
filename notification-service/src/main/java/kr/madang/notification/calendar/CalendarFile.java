package kr.madang.notification.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes a {@link CalendarInvite} as an iCalendar file (RFC 5545, iTIP method of RFC 5546): times in Asia/Seoul with
 * the zone's VTIMEZONE, so every client shows the forum's local time whatever the attendee's own zone.
 */
public final class CalendarFile {

    /** Where every forum takes place. */
    public static final String TZID = "Asia/Seoul";
    public static final String MEDIA_TYPE = "text/calendar";
    private static final String PRODUCT = "-//Madang//Digital Regional Innovation Forum//KO";

    /* the zone definition is read from ical4j's jar once (see ical4j.properties: no network) */
    private static final VTimeZone SEOUL = seoul();
    private static final String END = "END:VCALENDAR\r\n";
    private static final Map<CalendarInvite.Method, String> HEADS = heads();

    private CalendarFile() {
    }

    public static String write(CalendarInvite invite) {
        StringWriter out = new StringWriter(3072);
        out.write(HEADS.get(invite.method()));
        try (FoldingWriter folding = new FoldingWriter(out, FoldingWriter.REDUCED_FOLD_LENGTH)) {
            for (VEvent entry : entries(invite)) {
                folding.write(entry.toString());
            }
            folding.write(END);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The whole file as ical4j writes it in one go: what {@link #write} must equal, byte for byte. */
    static String writeWhole(CalendarInvite invite) {
        Calendar calendar = head(invite.method());
        entries(invite).forEach(calendar::add);
        return output(calendar);
    }

    /** The forum's entry, then each chosen session's, updated and cancelled with the forum's (same SEQUENCE, METHOD). */
    private static List<VEvent> entries(CalendarInvite invite) {
        List<VEvent> entries = new java.util.ArrayList<>(1 + invite.sessions().size());
        entries.add(entry(invite, invite.uid(), invite.summary(), invite.location(), invite.description(),
                invite.startsAt(), invite.endsAt()));
        for (CalendarInvite.SessionEntry session : invite.sessions()) {
            entries.add(entry(invite, session.uid(), session.summary(), session.location(), session.description(),
                    session.startsAt(), session.endsAt()));
        }
        return entries;
    }

    /** The calendar's own properties and the zone: the same for every file of a method. */
    private static Calendar head(CalendarInvite.Method method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method == CalendarInvite.Method.CANCEL ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(SEOUL);
        return calendar;
    }

    private static String output(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            // not validating: iTIP validation would demand an ATTENDEE, which we leave out on purpose (no personal data)
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Everything before the first VEVENT, written once per method by ical4j. Why: the zone's definition (Seoul's
     * history since 1908) is 80 % of every file, and writing it again for each confirmation was most of the
     * calendar's 9 % of notification-service's CPU under load (issue 15's profile).
     */
    private static Map<CalendarInvite.Method, String> heads() {
        Map<CalendarInvite.Method, String> heads = new EnumMap<>(CalendarInvite.Method.class);
        for (CalendarInvite.Method method : CalendarInvite.Method.values()) {
            String whole = output(head(method));
            heads.put(method, whole.substring(0, whole.length() - END.length()));
        }
        return heads;
    }

    private static VEvent entry(CalendarInvite invite, String uid, String summary, String location, String description,
                                Instant startsAt, Instant endsAt) {
        VEvent event = new VEvent();
        event.replace(new DtStamp(invite.stamp()));
        event.add(new DtStart<>(new ParameterList(List.of(SeoulTzId.INSTANCE)), SeoulTzId.localTime(startsAt)));
        event.add(new DtEnd<>(new ParameterList(List.of(SeoulTzId.INSTANCE)), SeoulTzId.localTime(endsAt)));
        event.add(new Summary(summary));
        event.add(new Uid(uid));
        event.add(new Sequence(invite.sequence()));
        if (location != null && !location.isBlank()) {
            event.add(new Location(location));
        }
        if (description != null && !description.isBlank()) {
            event.add(new Description(description));
        }
        event.add(invite.method() == CalendarInvite.Method.CANCEL ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(ImmutableTransp.OPAQUE);
        if (invite.organizerEmail() != null) {
            // iTIP wants an organiser: the forum's sending address, never a person's
            Organizer organizer = new Organizer(URI.create("mailto:" + invite.organizerEmail()));
            if (invite.organizerName() != null && !invite.organizerName().isBlank()) {
                organizer.add(new Cn(invite.organizerName()));
            }
            event.add(organizer);
        }
        return event;
    }

    /**
     * The TZID parameter that knows its zone. ical4j's own resolves the id for every date it writes through
     * {@code ZoneId.getAvailableZoneIds()}, a copy of ~600 ids each time: 93 % of writing a DTSTART (110 µs against
     * 3 µs), and most of the calendar file's share of notification-service's CPU (issue 15's profile). The local time
     * it labels is the same one ical4j would write: {@code DTSTART;TZID=Asia/Seoul:20261210T130000}.
     */
    static final class SeoulTzId extends TzId {
        static final SeoulTzId INSTANCE = new SeoulTzId();
        private static final ZoneId ZONE = ZoneId.of(CalendarFile.TZID);

        private SeoulTzId() {
            super(CalendarFile.TZID); // qualified: Parameter.TZID, the parameter's name, would shadow it
        }

        static LocalDateTime localTime(Instant instant) {
            return LocalDateTime.ofInstant(instant, ZONE);
        }

        @Override
        public ZoneId toZoneId() {
            return ZONE;
        }

        @Override
        public ZoneId toZoneId(TimeZoneRegistry registry) {
            return ZONE;
        }
    }

    private static VTimeZone seoul() {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        return registry.getTimeZone(TZID).getVTimeZone();
    }
}
