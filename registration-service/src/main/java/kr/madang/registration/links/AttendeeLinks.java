package kr.madang.registration.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import kr.madang.registration.forumevent.ForumEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The links an attendee receives: a cancellation URL and a check-in code, valid until a while after the event ends
 * (so a later reschedule by a few weeks does not break them; the registration's status is checked on use anyway).
 */
@Component
public class AttendeeLinks {

    private final SignedLinks links;
    private final String publicBaseUrl;
    private final Duration validityAfterEvent;
    private final Clock clock;

    public AttendeeLinks(@Value("${madang.links.secret}") String secret,
                         @Value("${madang.public-base-url}") String publicBaseUrl,
                         @Value("${madang.links.validity-after-event:P30D}") Duration validityAfterEvent, Clock clock) {
        this.links = new SignedLinks(secret);
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        this.validityAfterEvent = validityAfterEvent;
        this.clock = clock;
    }

    public String cancellationUrl(UUID registrationId, ForumEvent event) {
        return publicBaseUrl + "/api/cancellations/" + links.sign(SignedLinks.Purpose.CANCEL, registrationId, event.id(),
                expiry(event));
    }

    /** The attendee's ticket page (QR code, short code), in the confirmation email and after the form's POST. */
    public String ticketUrl(UUID registrationId, ForumEvent event) {
        return publicBaseUrl + ticketPath(registrationId, event);
    }

    public String ticketPath(UUID registrationId, ForumEvent event) {
        return "/ticket/" + links.sign(SignedLinks.Purpose.TICKET, registrationId, event.id(), expiry(event));
    }

    public String checkInCode(UUID registrationId, ForumEvent event) {
        return links.sign(SignedLinks.Purpose.CHECK_IN, registrationId, event.id(), expiry(event));
    }

    public SignedLinks.Grant verify(String token, SignedLinks.Purpose purpose) {
        return links.verify(token, purpose, clock.instant());
    }

    /** Signature and purpose only: lets a caller decide who may ask before telling them the link expired. */
    public SignedLinks.Grant verifySignature(String token, SignedLinks.Purpose purpose) {
        return links.verify(token, purpose, null);
    }

    /** Until when the attendee's own links work (the ticket's, and the calendar link on the ticket page). */
    public Instant expiry(ForumEvent event) {
        return event.endsAt().plus(validityAfterEvent);
    }
}
