package kr.madang.registration.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import kr.madang.platform.links.CalendarLinkToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ticket page's link to the attendee's calendar file. notification-service makes the calendar files (the ones its
 * emails carry) and serves them; this service only signs the link, its token sealed by the platform's
 * {@link CalendarLinkToken} (the one form both services use) with the key the services share
 * ({@code madang.links.shared.*}).
 */
@Component
public class CalendarLinks {

    private final CalendarLinkToken tokens;
    private final String notificationBaseUrl;

    public CalendarLinks(@Value("${madang.links.shared.key-id}") String keyId,
                         @Value("${madang.links.shared.secret}") String secret,
                         @Value("${madang.notification-base-url}") String notificationBaseUrl, Clock clock) {
        this.tokens = new CalendarLinkToken(keyId, secret, clock);
        this.notificationBaseUrl = notificationBaseUrl.endsWith("/")
                ? notificationBaseUrl.substring(0, notificationBaseUrl.length() - 1) : notificationBaseUrl;
    }

    /** The download address of this registration's calendar file, in the attendee's language, until {@code expiresAt}. */
    public String calendarUrl(UUID registrationId, UUID forumEventId, String language, Instant expiresAt) {
        return notificationBaseUrl + "/api/calendar/" + token(registrationId, forumEventId, language, expiresAt);
    }

    String token(UUID registrationId, UUID forumEventId, String language, Instant expiresAt) {
        return tokens.seal(registrationId.toString(), forumEventId.toString(), language, expiresAt);
    }
}
