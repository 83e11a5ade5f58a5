package kr.madang.notification.routing;

import java.util.Map;

import kr.madang.notification.calendar.CalendarInvite;

/**
 * One message to make from a source event: which template, for whom, with which values and references, and the
 * calendar entry its email carries (null for none).
 */
public record Notice(String templateCode, Recipient recipient, Map<String, String> values,
                     String registrationId, String agreementId, String forumEventId, CalendarInvite calendar) {

    public Notice(String templateCode, Recipient recipient, Map<String, String> values,
                  String registrationId, String agreementId, String forumEventId) {
        this(templateCode, recipient, values, registrationId, agreementId, forumEventId, null);
    }

    public Notice withCalendar(CalendarInvite invite) {
        return new Notice(templateCode, recipient, values, registrationId, agreementId, forumEventId, invite);
    }
}
