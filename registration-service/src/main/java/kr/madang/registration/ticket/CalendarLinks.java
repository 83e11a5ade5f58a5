package kr.madang.registration.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kr.madang.platform.links.LinkKeyRing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ticket page's link to the attendee's calendar file. notification-service makes the calendar files (the ones its
 * emails carry) and serves them; this service only signs the link, so there is one builder of the file and no shared
 * code: the link is a small contract, pinned by a test on each side with the same token. {@link LinkKeyRing} purpose
 * {@value #PURPOSE}, payload {@code <registration id>.<forum event id>.<ko|en>.<expiry, epoch seconds in base 36>}:
 * ids only, no personal data; the key is the one the services share ({@code madang.links.shared.*}).
 */
@Component
public class CalendarLinks {

    public static final String PURPOSE = "calendar";

    private final LinkKeyRing keys;
    private final String notificationBaseUrl;

    public CalendarLinks(@Value("${madang.links.shared.key-id}") String keyId,
                         @Value("${madang.links.shared.secret}") String secret,
                         @Value("${madang.notification-base-url}") String notificationBaseUrl, Clock clock) {
        this.keys = new LinkKeyRing(List.of(new LinkKeyRing.Key(keyId, secret, null)), 16, clock);
        this.notificationBaseUrl = notificationBaseUrl.endsWith("/")
                ? notificationBaseUrl.substring(0, notificationBaseUrl.length() - 1) : notificationBaseUrl;
    }

    /** The download address of this registration's calendar file, in the attendee's language, until {@code expiresAt}. */
    public String calendarUrl(UUID registrationId, UUID forumEventId, String language, Instant expiresAt) {
        return notificationBaseUrl + "/api/calendar/" + token(registrationId, forumEventId, language, expiresAt);
    }

    String token(UUID registrationId, UUID forumEventId, String language, Instant expiresAt) {
        String lang = "en".equals(language) ? "en" : "ko";
        return keys.seal(PURPOSE, registrationId + "." + forumEventId + "." + lang + "."
                + Long.toString(expiresAt.getEpochSecond(), 36));
    }
}
