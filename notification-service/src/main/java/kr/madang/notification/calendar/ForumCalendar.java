package kr.madang.notification.calendar;

import java.time.Instant;
import java.util.List;

import kr.madang.events.ForumEventSummary;
import kr.madang.notification.routing.Formats;

/**
 * Makes an attendee's calendar entry for a forum event, in the attendee's language: the title (English where the
 * event has one), the venue as the event carries it, and a short description of why the file came. Free of Spring.
 */
public final class ForumCalendar {

    /** Why the file is sent; picks the description and the iTIP method. */
    public enum Occasion {
        CONFIRMED("notification.calendar.description.confirmed", CalendarInvite.Method.REQUEST),
        PROMOTED("notification.calendar.description.confirmed", CalendarInvite.Method.REQUEST),
        RESCHEDULED("notification.calendar.description.rescheduled", CalendarInvite.Method.REQUEST),
        REGISTRATION_CANCELLED("notification.calendar.description.registrationCancelled", CalendarInvite.Method.CANCEL),
        EVENT_CANCELLED("notification.calendar.description.eventCancelled", CalendarInvite.Method.CANCEL);

        final String descriptionKey;
        final CalendarInvite.Method method;

        Occasion(String descriptionKey, CalendarInvite.Method method) {
            this.descriptionKey = descriptionKey;
            this.method = method;
        }
    }

    /** Texts from the message bundles: {@code key} in {@code language} ("ko" or "en") with its arguments filled. */
    @FunctionalInterface
    public interface Labels {
        String text(String key, String language, Object... args);
    }

    private final String uidDomain;
    private final String organizerEmail;
    private final Labels labels;

    /**
     * @param uidDomain      the domain of every UID (the service's mail domain)
     * @param organizerEmail the forum's sending address, the ORGANIZER of every entry (null to leave it out)
     */
    public ForumCalendar(String uidDomain, String organizerEmail, Labels labels) {
        this.uidDomain = uidDomain;
        this.organizerEmail = organizerEmail;
        this.labels = labels;
    }

    public CalendarInvite invite(String registrationId, ForumEventSummary forum, String language, int sequence,
                                 Occasion occasion, Instant stamp) {
        return invite(registrationId, forum, language, sequence, occasion, stamp, List.of());
    }

    /**
     * The entry with one more per chosen session: the session's title in the attendee's language (English where it
     * has one), at the forum's venue and the session's room, described by the forum's title it belongs to.
     */
    public CalendarInvite invite(String registrationId, ForumEventSummary forum, String language, int sequence,
                                 Occasion occasion, Instant stamp, List<ChosenSession> sessions) {
        String title = "en".equals(language) && forum.getTitleEn() != null ? forum.getTitleEn() : forum.getTitle();
        String location = forum.getVenue() != null && !forum.getVenue().isBlank() ? forum.getVenue() : forum.getRegion();
        String description = labels.text(occasion.descriptionKey, language, title, location,
                Formats.dateTime(forum.getStartsAt(), language), Formats.dateTime(forum.getEndsAt(), language));
        List<CalendarInvite.SessionEntry> entries = sessions == null ? List.of() : sessions.stream()
                .map(session -> new CalendarInvite.SessionEntry(
                        CalendarInvite.sessionUidOf(registrationId, session.sessionId(), uidDomain),
                        "en".equals(language) && session.titleEn() != null ? session.titleEn() : session.title(),
                        session.room() != null && !session.room().isBlank() ? location + ", " + session.room() : location,
                        title, session.startsAt(), session.endsAt()))
                .toList();
        return new CalendarInvite(CalendarInvite.uidOf(registrationId, uidDomain), sequence, occasion.method, stamp,
                title, location, description, forum.getStartsAt(), forum.getEndsAt(),
                organizerEmail == null ? null : labels.text("notification.calendar.organizer", language), organizerEmail,
                entries);
    }
}
