package kr.madang.notification.calendar;

import java.time.Instant;
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
 */
public record CalendarInvite(String uid, int sequence, Method method, Instant stamp, String summary, String location,
                             String description, Instant startsAt, Instant endsAt, String organizerName,
                             String organizerEmail) {

    public enum Method { REQUEST, CANCEL }

    public CalendarInvite {
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
}
