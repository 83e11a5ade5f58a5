package kr.madang.registration.badges;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kr.madang.platform.pages.FieldErrors;
import kr.madang.platform.pages.PageController;
import kr.madang.platform.pages.PageUser;
import kr.madang.platform.security.Roles;
import kr.madang.platform.web.ApiProblem;
import kr.madang.registration.attendee.AttendeeType;
import kr.madang.registration.forumevent.ForumEventController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The badge print form of an event (format, order, attendee types) and its download, and the door's reprint of one
 * attendee's badge from the check-in result. Each goes through {@link BadgeService}, so access and the access log
 * are the API's.
 */
@PageController
public class BadgePages {

    private final BadgeService badges;
    private final ForumEventController events;
    private final MessageSource messages;

    public BadgePages(BadgeService badges, ForumEventController events, MessageSource messages) {
        this.badges = badges;
        this.events = events;
        this.messages = messages;
    }

    /** The form as submitted (strings, so a tampered value is shown as a field error, not a broken page). */
    public record BadgeForm(String format, String sort, List<String> attendeeType) {
        public boolean has(String type) {
            return attendeeType != null && attendeeType.contains(type);
        }
    }

    @GetMapping("/events/{eventId}/badges")
    String form(@PathVariable UUID eventId, Authentication authentication, Model model) {
        return page(eventId, new BadgeForm("A4_2X4", "NAME", List.of()), FieldErrors.none(), authentication, model);
    }

    @GetMapping("/events/{eventId}/badges.pdf")
    Object download(@PathVariable UUID eventId, @RequestParam(required = false) String format,
                    @RequestParam(required = false) String sort, @RequestParam(required = false) List<String> attendeeType,
                    Authentication authentication, HttpServletResponse response, Model model) {
        Authentication api = staff(authentication);
        BadgeForm form = new BadgeForm(format, sort, attendeeType);
        BadgeService.Selection selection;
        try {
            selection = BadgeService.Selection.parse(format, sort, attendeeType);
        } catch (ApiProblem problem) {
            response.setStatus(400);
            return page(eventId, form, FieldErrors.none().add(problem.field(), text("registration.badges.error." + problem.field())),
                    authentication, model);
        }
        return BadgeController.pdf(badges.eventBadges(eventId, selection, api));
    }

    @GetMapping("/events/{eventId}/check-in/{registrationId}/badge.pdf")
    Object reprint(@PathVariable UUID eventId, @PathVariable UUID registrationId, Authentication authentication) {
        PageUser.require(authentication, Roles.CHECKIN_STAFF, Roles.HQ_ADMIN, Roles.REGIONAL_OFFICE);
        return BadgeController.pdf(badges.reprint(eventId, registrationId, BadgeFormat.A4_2X4,
                PageUser.asApiAuthentication(authentication)));
    }

    private String page(UUID eventId, BadgeForm form, FieldErrors errors, Authentication authentication, Model model) {
        model.addAttribute("event", events.get(eventId, staff(authentication)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formats", BadgeFormat.values());
        model.addAttribute("sorts", BadgeSort.values());
        model.addAttribute("types", AttendeeType.values());
        return "registration/badges";
    }

    private static Authentication staff(Authentication authentication) {
        PageUser.require(authentication, Roles.HQ_ADMIN, Roles.REGIONAL_OFFICE);
        return PageUser.asApiAuthentication(authentication);
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
