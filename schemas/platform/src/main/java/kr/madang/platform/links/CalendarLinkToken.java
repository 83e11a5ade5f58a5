package kr.madang.platform.links;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The token of an attendee's calendar-file link: registration-service's ticket page seals it, notification-service
 * (which makes and serves the file) opens it, so its form lives here once. {@link LinkKeyRing} purpose
 * {@value #PURPOSE}, payload {@code <registration id>.<forum event id>.<ko|en>.<expiry, epoch seconds in base 36>}:
 * ids only, no personal data; the key is the secret the services share ({@code madang.links.shared.*}). The form is
 * frozen: links already mailed or shown must keep opening.
 */
public final class CalendarLinkToken {

    public static final String PURPOSE = "calendar";
    private static final int SIGNATURE_BYTES = 16;

    /** What a genuine, unexpired token grants: this registration's calendar file, in this language. */
    public record Grant(String registrationId, String forumEventId, String language, Instant expiresAt) {
    }

    /** Why a token is refused: {@code EXPIRED} only for a genuine one past its expiry (never which part of a seal failed). */
    public enum Refusal { INVALID, EXPIRED }

    /** The grant, or the refusal (exactly one of them). */
    public record Opened(Grant grant, Refusal refusal) {
    }

    private final LinkKeyRing keys;
    private final Clock clock;

    /** With the services' shared key ({@code madang.links.shared.key-id} and {@code .secret}). */
    public CalendarLinkToken(String keyId, String secret, Clock clock) {
        this(new LinkKeyRing(List.of(new LinkKeyRing.Key(keyId, secret, null)), SIGNATURE_BYTES, clock), clock);
    }

    public CalendarLinkToken(LinkKeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The token; any language other than {@code en} is Korean, the default. */
    public String seal(String registrationId, String forumEventId, String language, Instant expiresAt) {
        String lang = "en".equals(language) ? "en" : "ko";
        return keys.seal(PURPOSE, registrationId + "." + forumEventId + "." + lang + "."
                + Long.toString(expiresAt.getEpochSecond(), 36));
    }

    public Opened open(String token) {
        Optional<String> payload = keys.open(PURPOSE, token);
        if (payload.isEmpty()) {
            return refused(Refusal.INVALID);
        }
        String[] parts = payload.get().split("\\.");
        if (parts.length != 4 || !("ko".equals(parts[2]) || "en".equals(parts[2]))) {
            return refused(Refusal.INVALID);
        }
        Instant expiresAt;
        try {
            UUID.fromString(parts[0]);
            UUID.fromString(parts[1]);
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[3], 36));
        } catch (RuntimeException e) {
            return refused(Refusal.INVALID);
        }
        if (!clock.instant().isBefore(expiresAt)) {
            return refused(Refusal.EXPIRED);
        }
        return new Opened(new Grant(parts[0], parts[1], parts[2], expiresAt), null);
    }

    private static Opened refused(Refusal refusal) {
        return new Opened(null, refusal);
    }
}
