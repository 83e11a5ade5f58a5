package kr.madang.notification.calendar;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kr.madang.platform.links.LinkKeyRing;

/**
 * Opens the signed link of an attendee's calendar file, the one the ticket page of registration-service offers. The
 * link is made there and opened here, so its form is a small contract between the two services (pinned by a test on
 * each side with the same token): {@link LinkKeyRing} purpose {@value #PURPOSE}, payload
 * {@code <registration id>.<forum event id>.<ko|en>.<expiry, epoch seconds in base 36>}. Ids only, no personal data;
 * the key is the secret the services share ({@code madang.links.shared.*}). Free of Spring.
 */
public final class CalendarLinks {

    public static final String PURPOSE = "calendar";

    /** What a genuine, unexpired link grants: this registration's calendar file, in this language. */
    public record Grant(String registrationId, String forumEventId, String language) {
    }

    /** Why a link is refused (never which part of the seal failed). */
    public enum Refusal { INVALID, EXPIRED }

    /** The grant, or the refusal. */
    public record Opened(Grant grant, Refusal refusal) {
    }

    private final LinkKeyRing keys;
    private final Clock clock;

    public CalendarLinks(String keyId, String secret, Clock clock) {
        this.keys = new LinkKeyRing(List.of(new LinkKeyRing.Key(keyId, secret, null)), 16, clock);
        this.clock = clock;
    }

    public Opened open(String token) {
        Optional<String> payload = keys.open(PURPOSE, token);
        if (payload.isEmpty()) {
            return new Opened(null, Refusal.INVALID);
        }
        String[] parts = payload.get().split("\\.");
        if (parts.length != 4 || !("ko".equals(parts[2]) || "en".equals(parts[2]))) {
            return new Opened(null, Refusal.INVALID);
        }
        Instant expiresAt;
        try {
            UUID.fromString(parts[0]);
            UUID.fromString(parts[1]);
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[3], 36));
        } catch (RuntimeException e) {
            return new Opened(null, Refusal.INVALID);
        }
        if (!clock.instant().isBefore(expiresAt)) {
            return new Opened(null, Refusal.EXPIRED);
        }
        return new Opened(new Grant(parts[0], parts[1], parts[2]), null);
    }

    /** The token registration-service makes (here for tests, which must not import that service's code). */
    public String seal(String registrationId, String forumEventId, String language, Instant expiresAt) {
        return keys.seal(PURPOSE, registrationId + "." + forumEventId + "." + language + "."
                + Long.toString(expiresAt.getEpochSecond(), 36));
    }
}
