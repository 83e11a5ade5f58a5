package kr.madang.notification.calendar;

import java.time.Clock;
import java.time.Instant;

import kr.madang.platform.links.CalendarLinkToken;

/**
 * Opens the signed link of an attendee's calendar file, the one the ticket page of registration-service offers; the
 * token's form is the platform's {@link CalendarLinkToken}, shared by both services, keyed with the secret they share
 * ({@code madang.links.shared.*}). Free of Spring.
 */
public final class CalendarLinks {

    public static final String PURPOSE = CalendarLinkToken.PURPOSE;

    /** What a genuine, unexpired link grants: this registration's calendar file, in this language. */
    public record Grant(String registrationId, String forumEventId, String language) {
    }

    /** Why a link is refused (never which part of the seal failed). */
    public enum Refusal { INVALID, EXPIRED }

    /** The grant, or the refusal. */
    public record Opened(Grant grant, Refusal refusal) {
    }

    private final CalendarLinkToken tokens;

    public CalendarLinks(String keyId, String secret, Clock clock) {
        this.tokens = new CalendarLinkToken(keyId, secret, clock);
    }

    public Opened open(String token) {
        CalendarLinkToken.Opened opened = tokens.open(token);
        if (opened.grant() == null) {
            return new Opened(null, opened.refusal() == CalendarLinkToken.Refusal.EXPIRED ? Refusal.EXPIRED : Refusal.INVALID);
        }
        CalendarLinkToken.Grant grant = opened.grant();
        return new Opened(new Grant(grant.registrationId(), grant.forumEventId(), grant.language()), null);
    }

    /** The token registration-service makes (here for tests, which must not import that service's code). */
    public String seal(String registrationId, String forumEventId, String language, Instant expiresAt) {
        return tokens.seal(registrationId, forumEventId, language, expiresAt);
    }
}
