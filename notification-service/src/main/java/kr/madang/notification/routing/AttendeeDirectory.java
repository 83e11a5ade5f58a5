package kr.madang.notification.routing;

import java.util.List;

/** The local copy of who is registered for a forum event, for notices the source event does not address itself. */
public interface AttendeeDirectory {

    record Attendee(String registrationId, String status, Recipient recipient, String organisation,
                    String cancellationUrl, String checkInCode) {
    }

    /** Attendees still registered (confirmed, waitlisted or awaiting approval). */
    List<Attendee> registeredFor(String forumEventId);
}
