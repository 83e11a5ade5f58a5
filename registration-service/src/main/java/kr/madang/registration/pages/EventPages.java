package kr.madang.registration.pages;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import kr.madang.platform.pages.FieldErrors;
import kr.madang.platform.pages.PageController;
import kr.madang.platform.pages.PageUser;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.security.Roles;
import kr.madang.platform.web.ApiProblem;
import kr.madang.registration.forumevent.ForumEventRequests;
import kr.madang.registration.forumevent.ForumEventService;
import kr.madang.registration.forumevent.ForumEventView;
import kr.madang.registration.forumevent.Region;
import kr.madang.registration.forumevent.SessionKind;
import kr.madang.registration.rules.RuleViolation;
import kr.madang.registration.rules.StateConflict;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * HQ's pages to create a forum event (with its sessions, hosts and sponsors) and to open, close, reschedule, cancel
 * it or change its seats, each behind a confirmation page. They call the API's own {@link ForumEventService}, so the
 * rules and the events published are the API's; a regional office sees the event but is refused here (403 page).
 */
@PageController
public class EventPages {

    /** What the event page offers, in the order of its buttons; each is a confirmation page, then a POST. */
    static final List<String> ACTIONS = List.of("open", "close", "reschedule", "capacity", "cancel");

    private final ForumEventService service;
    private final Validator validator;
    private final MessageSource messages;
    private final ApiMessages apiMessages;

    public EventPages(ForumEventService service, Validator validator, MessageSource messages, ApiMessages apiMessages) {
        this.service = service;
        this.validator = validator;
        this.messages = messages;
        this.apiMessages = apiMessages;
    }

    private static CurrentUser hq(Authentication authentication) {
        return PageUser.require(authentication, Roles.HQ_ADMIN);
    }

    // ---- creating ------------------------------------------------------------------------------------------------

    @GetMapping("/events/new")
    String newEvent(Authentication authentication, Model model) {
        hq(authentication);
        return form(model, EventFormInput.blank(), FieldErrors.none());
    }

    /** Creates the event; "add a session" and "remove session i" post the form too and come back with the rows. */
    @PostMapping("/events/new")
    String create(@RequestParam(required = false) String addSession, @RequestParam(required = false) String removeSession,
                  Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        CurrentUser user = hq(authentication);
        EventFormInput input = EventFormInput.of(request.getParameterMap());
        if (addSession != null) {
            return form(model, input.withSessionAdded(), FieldErrors.none());
        }
        if (removeSession != null) {
            return form(model, input.withSessionRemoved(parseIndex(removeSession)), FieldErrors.none());
        }
        FieldErrors errors = FieldErrors.none();
        ForumEventRequests.Create create = input.request(errors, this::text);
        if (create != null) {
            // The API's own constraints (lengths, plain text) on what could be read.
            for (ConstraintViolation<ForumEventRequests.Create> v : validator.validate(create)) {
                errors.add(EventFormInput.inputOf(v.getPropertyPath().toString()), apiMessages.text(v.getMessage()));
            }
        }
        if (errors.isEmpty()) {
            try {
                var created = service.create(create.details(), user);
                redirect.addFlashAttribute("eventChanged", "created");
                return "redirect:/events/" + created.event().id();
            } catch (RuleViolation rule) {
                errors.add(EventFormInput.inputOf(rule.field()), apiMessages.text(rule.getMessage()));
            }
        }
        response.setStatus(400);
        return form(model, input, errors);
    }

    private String form(Model model, EventFormInput input, FieldErrors errors) {
        model.addAttribute("form", input);
        model.addAttribute("errors", errors);
        model.addAttribute("regions", Region.values());
        model.addAttribute("kinds", SessionKind.values());
        return "registration/event-form";
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------------

    public record ActionInput(String startsAt, String endsAt, String venue, String capacity, String reason) {
        static ActionInput of(ForumEventView e) {
            return new ActionInput(local(e.startsAt()), local(e.endsAt()), "", Integer.toString(e.capacity()), "");
        }

        private static String local(OffsetDateTime t) {
            return t == null ? "" : t.toLocalDateTime().toString();
        }
    }

    @GetMapping("/events/{eventId}/manage/{action}")
    String confirm(@PathVariable UUID eventId, @PathVariable String action, Authentication authentication, Model model) {
        CurrentUser user = hq(authentication);
        ForumEventView event = ForumEventView.of(service.get(eventId, user));
        requireAction(action);
        return actionPage(model, event, action, ActionInput.of(event), FieldErrors.none());
    }

    @PostMapping("/events/{eventId}/manage/{action}")
    String act(@PathVariable UUID eventId, @PathVariable String action,
               @RequestParam(defaultValue = "") String startsAt, @RequestParam(defaultValue = "") String endsAt,
               @RequestParam(defaultValue = "") String venue, @RequestParam(defaultValue = "") String capacity,
               @RequestParam(defaultValue = "") String reason, Authentication authentication,
               HttpServletResponse response, Model model, RedirectAttributes redirect) {
        CurrentUser user = hq(authentication);
        requireAction(action);
        ActionInput input = new ActionInput(startsAt, endsAt, venue, capacity, reason);
        FieldErrors errors = FieldErrors.none();
        try {
            switch (action) {
                case "open" -> service.open(eventId, user);
                case "close" -> service.close(eventId, user);
                case "reschedule" -> {
                    OffsetDateTime start = EventFormInput.dateTime("startsAt", startsAt, true, errors, this::text);
                    OffsetDateTime end = EventFormInput.dateTime("endsAt", endsAt, true, errors, this::text);
                    checkPlainText(venue, 200, "venue", errors);
                    if (errors.isEmpty()) {
                        service.reschedule(eventId, start.toInstant(), end.toInstant(),
                                venue.isBlank() ? null : venue.strip(), user);
                    }
                }
                case "capacity" -> {
                    Integer seats = EventFormInput.number("capacity", capacity, true, errors, this::text);
                    if (errors.isEmpty()) {
                        service.changeCapacity(eventId, seats, user);
                    }
                }
                case "cancel" -> {
                    // The API lets the reason out; a person cancelling a forum is asked for it (attendees are told).
                    if (reason.isBlank()) {
                        errors.add("reason", text("registration.manage.error.reason"));
                    } else {
                        checkPlainText(reason, 500, "reason", errors);
                    }
                    if (errors.isEmpty()) {
                        service.cancel(eventId, reason.strip(), user);
                    }
                }
                default -> throw new IllegalStateException(action);
            }
        } catch (RuleViolation rule) {
            errors.add(rule.field() == null ? FieldErrors.FORM : rule.field(), apiMessages.text(rule.getMessage()));
        } catch (StateConflict conflict) {
            errors.add(FieldErrors.FORM, apiMessages.text(conflict.getMessage()));
        }
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("eventChanged", action);
            return "redirect:/events/" + eventId;
        }
        response.setStatus(errors.has(FieldErrors.FORM) && errors.all().size() == 1 ? 409 : 400);
        return actionPage(model, ForumEventView.of(service.get(eventId, user)), action, input, errors);
    }

    private String actionPage(Model model, ForumEventView event, String action, ActionInput input, FieldErrors errors) {
        model.addAttribute("event", event);
        model.addAttribute("action", action);
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        return "registration/event-action";
    }

    private void checkPlainText(String value, int max, String field, FieldErrors errors) {
        Set<ConstraintViolation<ForumEventRequests.Cancel>> found = validator.validate(
                new ForumEventRequests.Cancel(value.isBlank() ? null : value.strip()));
        if (value.strip().length() > max) {
            errors.add(field, messages.getMessage("registration.apiError.tooLong", new Object[]{max},
                    LocaleContextHolder.getLocale()));
        } else if (!found.isEmpty()) {
            errors.add(field, apiMessages.text(found.iterator().next().getMessage()));
        }
    }

    private static void requireAction(String action) {
        if (!ACTIONS.contains(action)) {
            throw ApiProblem.notFound("Action " + action);
        }
    }

    private static int parseIndex(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
