package kr.madang.notification.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One attendee's calendar entry for a forum event, as the attendee's calendar should hold it after this email.
 * Names no person: the UID is derived from the registration id, the organiser is the forum's sending address.
 *
 * @param uid            stable for the registration, so every later file updates (or cancels) the same entry
 * @param sequence       raised on each reschedule and on cancellation; clients ignore a file older than the one they hold
 * @param method         {@link Method#REQUEST} to add or update the entry, {@link Method#CANCEL} to remove it
 * @param stamp          when this version was made (DTSTAMP)
 * @param organizerName  display name of the sending address, or null
 * @param organizerEmail the forum's sending address, or null to leave ORGANIZER out
 * @param sessions       the sessions the attendee chose, each its own entry in the same file, with the same sequence
 *                       and method as the forum's
 */
public record CalendarInvite(String uid, int sequence, Method method, Instant stamp, String summary, String location,
                             String description, Instant startsAt, Instant endsAt, String organizerName,
                             String organizerEmail, List<SessionEntry> sessions) {

    public enum Method { REQUEST, CANCEL }

    /** One chosen session's entry: its own UID (stable per registration and session), title, place and times. */
    public record SessionEntry(String uid, String summary, String location, String description, Instant startsAt,
                               Instant endsAt) {

        public SessionEntry {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(endsAt, "endsAt");
        }
    }

    /** An entry for the forum alone, no session. */
    public CalendarInvite(String uid, int sequence, Method method, Instant stamp, String summary, String location,
                          String description, Instant startsAt, Instant endsAt, String organizerName,
                          String organizerEmail) {
        this(uid, sequence, method, stamp, summary, location, description, startsAt, endsAt, organizerName,
                organizerEmail, List.of());
    }

    public CalendarInvite {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
    }

    /** The UID of a registration's entry: the registration id at the service's mail domain (RFC 5545 3.8.4.7). */
    public static String uidOf(String registrationId, String domain) {
        return "registration-" + registrationId + "@" + domain;
    }

    /** The UID of one chosen session's entry: derived from the registration's, so it is as stable. */
    public static String sessionUidOf(String registrationId, String sessionId, String domain) {
        return "registration-" + registrationId + "-session-" + sessionId + "@" + domain;
    }
}
