package kr.madang.notification.calendar;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

/** A calendar file read back with ical4j, as a calendar client would, for assertions. */
public record ParsedIcs(Calendar calendar) {

    public static ParsedIcs parse(String ics) {
        try {
            return new ParsedIcs(new CalendarBuilder().build(new StringReader(ics)));
        } catch (Exception e) {
            throw new AssertionError("not a readable calendar file: " + e.getMessage(), e);
        }
    }

    public String method() {
        return calendar.getProperty(Property.METHOD).map(Property::getValue).orElse(null);
    }

    public List<String> timeZones() {
        return calendar.getComponents(Component.VTIMEZONE).stream()
                .map(tz -> tz.getProperty(Property.TZID).map(Property::getValue).orElse(null)).toList();
    }

    public List<VEvent> events() {
        return calendar.getComponents(Component.VEVENT).stream().map(VEvent.class::cast).toList();
    }

    public VEvent event() {
        List<VEvent> events = events();
        if (events.size() != 1) {
            throw new AssertionError("expected one VEVENT, found " + events.size());
        }
        return events.getFirst();
    }

    /** The entry with this UID (a file holds the forum's entry and one per chosen session). */
    public VEvent event(String uid) {
        return events().stream().filter(e -> uid.equals(e.getProperty(Property.UID).map(Property::getValue).orElse(null)))
                .findFirst().orElseThrow(() -> new AssertionError("no VEVENT with UID " + uid));
    }

    public static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    public static String tzidOf(VEvent event, String dateProperty) {
        Property date = event.getProperty(dateProperty).orElseThrow();
        return date.<Parameter>getParameter(Parameter.TZID).map(Parameter::getValue).orElse(null);
    }

    public static LocalDateTime localTime(VEvent event, String dateProperty) {
        DateProperty<?> date = (DateProperty<?>) event.getProperty(dateProperty).orElseThrow();
        return ((ZonedDateTime) date.getDate()).toLocalDateTime();
    }

    public String value(String property) {
        return event().getProperty(property).map(Property::getValue).orElse(null);
    }

    public String tzidOf(String dateProperty) {
        Property date = event().getProperty(dateProperty).orElseThrow();
        return date.<Parameter>getParameter(Parameter.TZID).map(Parameter::getValue).orElse(null);
    }

    /** DTSTART or DTEND as the file states it: a local time in the zone its TZID names. */
    public LocalDateTime localTime(String dateProperty) {
        return zoned(dateProperty).toLocalDateTime();
    }

    public ZonedDateTime zoned(String dateProperty) {
        DateProperty<?> date = (DateProperty<?>) event().getProperty(dateProperty).orElseThrow();
        return (ZonedDateTime) date.getDate();
    }
}
