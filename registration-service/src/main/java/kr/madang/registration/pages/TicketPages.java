package kr.madang.registration.pages;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kr.madang.platform.pages.MadangPagesAutoConfiguration;
import kr.madang.platform.pages.PageController;
import kr.madang.registration.attendee.Language;
import kr.madang.registration.attendee.Registration;
import kr.madang.registration.attendee.RegistrationRepository;
import kr.madang.registration.attendee.RegistrationService;
import kr.madang.registration.attendee.RegistrationStatus;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.forumevent.ForumEventView;
import kr.madang.registration.links.AttendeeLinks;
import kr.madang.registration.links.SignedLinks;
import kr.madang.registration.ticket.CalendarLinks;
import kr.madang.registration.ticket.ShortCodes;
import kr.madang.registration.ticket.TicketCodes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The attendee's ticket, reachable by a signed link of its own purpose (from the confirmation email, and where the
 * public form redirects after its POST, so a reload shows the ticket again instead of posting twice): the status, the
 * QR code, the short code, and the event's title, dates and venue in the page's language. It names nobody.
 * <p>
 * A stranger who submits someone else's address is answered as a newcomer would be (issue 13): they get a ticket
 * link for a registration that does not exist. That ticket looks like any other (status a newcomer would get now, a
 * QR code and a short code derived from the secret), so the link tells nobody whether the address was registered.
 */
@PageController
public class TicketPages {

    private final AttendeeLinks links;
    private final RegistrationRepository registrations;
    private final ForumEventRepository events;
    private final TicketCodes ticketCodes;
    private final MessageSource messages;
    private final CalendarLinks calendarLinks;

    public TicketPages(AttendeeLinks links, RegistrationRepository registrations, ForumEventRepository events,
                       TicketCodes ticketCodes, MessageSource messages, CalendarLinks calendarLinks) {
        this.calendarLinks = calendarLinks;
        this.links = links;
        this.registrations = registrations;
        this.events = events;
        this.ticketCodes = ticketCodes;
        this.messages = messages;
    }

    @GetMapping("/ticket/{token}")
    String ticket(@PathVariable String token, @RequestParam(required = false) String lang,
                  @CookieValue(name = MadangPagesAutoConfiguration.LANGUAGE_COOKIE, required = false) String chosen,
                  HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        SignedLinks.Grant grant;
        try {
            grant = links.verify(token, SignedLinks.Purpose.TICKET);
        } catch (SignedLinks.InvalidLink e) {
            boolean expired = "EXPIRED".equals(e.reason());
            response.setStatus(expired ? 410 : 404);
            model.addAttribute("linkProblem", expired ? "expired" : "invalid");
            return "registration/ticket";
        }
        Optional<ForumEvent> found = events.find(grant.eventId());
        if (found.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("linkProblem", "invalid");
            return "registration/ticket";
        }
        ForumEvent event = found.get();
        Optional<Registration> registration = registrations.find(grant.registrationId())
                .filter(r -> r.eventId().equals(event.id()));
        if (registration.isPresent() && registration.get().erased()) {
            response.setStatus(410);
            model.addAttribute("linkProblem", "erased");
            return "registration/ticket";
        }
        if (lang == null && chosen == null && registration.map(r -> r.language() == Language.EN).orElse(false)) {
            // opened from an English email by someone who never chose a language here: their language
            return "redirect:/ticket/" + token + "?lang=en";
        }
        RegistrationStatus status = registration.map(Registration::status)
                .orElseGet(() -> RegistrationService.statusOfANewcomer(event));
        model.addAttribute("event", ForumEventView.of(event, null, null, null));
        model.addAttribute("status", status.name());
        if (status == RegistrationStatus.CONFIRMED) {
            String checkInCode = links.checkInCode(grant.registrationId(), event);
            String shortCode = registration.isPresent() ? ticketCodes.codeFor(grant.registrationId(), event.id())
                    : ShortCodes.derived(checkInCode);
            model.addAttribute("qr", QrCodes.svg(checkInCode, messages.getMessage("registration.ticket.qr.alt",
                    new Object[]{ShortCodes.display(shortCode)}, LocaleContextHolder.getLocale())));
            model.addAttribute("shortCode", ShortCodes.display(shortCode));
            // the calendar file the emails carry, served by notification-service; offered to every confirmed ticket,
            // a newcomer's-looking one included (issue 13), in the attendee's language (the page's for nobody's)
            String language = registration.map(r -> r.language() == Language.EN ? "en" : "ko")
                    .orElse(LocaleContextHolder.getLocale().getLanguage());
            model.addAttribute("calendarUrl", calendarLinks.calendarUrl(grant.registrationId(), event.id(), language,
                    links.expiry(event)));
        }
        if (status.isLive()) {
            String cancelUrl = links.cancellationUrl(grant.registrationId(), event);
            model.addAttribute("cancelPath", "/cancel/" + cancelUrl.substring(cancelUrl.lastIndexOf('/') + 1));
        }
        return "registration/ticket";
    }
}
