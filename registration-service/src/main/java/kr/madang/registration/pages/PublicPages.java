package kr.madang.registration.pages;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import kr.madang.platform.pages.FieldErrors;
import kr.madang.platform.pages.MadangPagesAutoConfiguration;
import kr.madang.platform.pages.PageController;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import kr.madang.registration.access.PublicRateLimit;
import kr.madang.registration.attendee.AttendeeType;
import kr.madang.registration.consent.ConsentPolicies;
import kr.madang.registration.consent.ConsentPolicy;
import kr.madang.registration.attendee.Language;
import kr.madang.registration.attendee.Registration;
import kr.madang.registration.attendee.RegistrationController;
import kr.madang.registration.attendee.RegistrationRequests;
import kr.madang.registration.attendee.RegistrationService;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.forumevent.ForumEventStatus;
import kr.madang.registration.forumevent.ForumEventView;
import kr.madang.registration.links.AttendeeLinks;
import kr.madang.registration.rules.InvalidFields;
import kr.madang.registration.rules.RuleViolation;
import kr.madang.registration.rules.StateConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Attendees' own pages, no account: self-registration for events that allow it, the confirmation with the check-in
 * QR code, and cancellation from the signed link.
 */
@PageController
public class PublicPages {

    private final ForumEventRepository forumEvents;
    private final RegistrationService registering;
    private final RegistrationController registrations;
    private final AttendeeLinks links;
    private final ApiMessages apiMessages;
    private final MessageSource messages;
    private final Validator validator;
    private final String policyVersion;
    private final PublicRateLimit rateLimit;

    private final ConsentPolicies consentPolicies;

    public PublicPages(PublicRateLimit rateLimit, ConsentPolicies consentPolicies, ForumEventRepository forumEvents, RegistrationService registering,
                       RegistrationController registrations, AttendeeLinks links, ApiMessages apiMessages,
                       MessageSource messages, Validator validator,
                       @Value("${madang.pages.privacy-policy-version:2023-01}") String policyVersion) {
        this.rateLimit = rateLimit;
        this.consentPolicies = consentPolicies;
        this.validator = validator;
        this.apiMessages = apiMessages;
        this.messages = messages;
        this.forumEvents = forumEvents;
        this.registering = registering;
        this.registrations = registrations;
        this.links = links;
        this.policyVersion = policyVersion;
    }

    /** Only events that take self-registrations are shown at all; anything else is "not found". */
    private ForumEventView publicEvent(UUID eventId) {
        ForumEvent e = forumEvents.find(eventId).filter(ForumEvent::selfRegistration)
                .filter(x -> x.status() != ForumEventStatus.DRAFT)
                .orElseThrow(() -> ApiProblem.notFound("Event " + eventId));
        // with its sessions, so the attendee can choose them (issue 16 item 12)
        return ForumEventView.of(e, forumEvents.sessions(eventId), null, null);
    }

    @GetMapping("/e/{eventId}")
    String form(@PathVariable UUID eventId, Model model) {
        model.addAttribute("event", publicEvent(eventId));
        model.addAttribute("form", AttendeeFormInput.empty(LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("errors", FieldErrors.none());
        model.addAttribute("types", AttendeeType.values());
        model.addAttribute("policyVersion", policyVersion);
        model.addAttribute("consentPolicy", consentText());
        return "registration/public-register";
    }

    @PostMapping("/e/{eventId}")
    String register(@PathVariable UUID eventId, @ModelAttribute("form") AttendeeFormInput form, BindingResult binding,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        limitPerClient(request, response);
        ForumEventView event = publicEvent(eventId);
        noStore(response);
        FieldErrors errors;
        if (binding.hasErrors() || form == null) {
            errors = FieldErrors.of(binding, messages, LocaleContextHolder.getLocale());
            form = form == null ? AttendeeFormInput.empty(LocaleContextHolder.getLocale().getLanguage()) : form;
            response.setStatus(400);
        } else {
            try {
                var found = registering.register(eventId, form.form(policyVersion), CurrentUser.of(null));
                Registration r = found.registration();
                // post/redirect/get: the ticket has its own signed link, so a reload shows it again (no second POST)
                return "redirect:" + links.ticketPath(r.id(), found.event()) + "?lang="
                        + LocaleContextHolder.getLocale().getLanguage();
            } catch (InvalidFields | RuleViolation | StateConflict | ApiProblem e) {
                if (e instanceof ApiProblem p && p.status().value() != 409) {
                    throw p; // 429 (too many from this address), 404: the problem page says it
                }
                response.setStatus(e instanceof StateConflict || e instanceof ApiProblem ? 409 : 400);
                errors = AttendeeFormInput.errorsOf(e, apiMessages);
            }
        }
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", AttendeeType.values());
        model.addAttribute("policyVersion", policyVersion);
        model.addAttribute("consentPolicy", consentText());
        return "registration/public-register";
    }

    @GetMapping("/cancel/{token}")
    String cancelPage(@PathVariable String token, @RequestParam(required = false) String lang,
                      @CookieValue(name = MadangPagesAutoConfiguration.LANGUAGE_COOKIE, required = false) String chosen,
                      HttpServletResponse response, Model model) {
        noStore(response);
        if (lang == null && chosen == null && englishSpeaker(token)) {
            // Opened from an English email by someone who never chose a language here: their language, not Korean.
            return "redirect:/cancel/" + token + "?lang=en";
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", FieldErrors.none());
        model.addAttribute("reason", "");
        return preview(token, response, model);
    }

    @PostMapping("/cancel/{token}")
    String cancel(@PathVariable String token, @RequestParam(defaultValue = "") String reason,
                  HttpServletResponse response, Model model) {
        noStore(response);
        model.addAttribute("token", token);
        model.addAttribute("reason", reason);
        RegistrationRequests.Reason request = new RegistrationRequests.Reason(reason.isBlank() ? null : reason.strip());
        // The API's own constraints on the reason (length, plain text), checked here as the API would.
        if (!validator.validate(request).isEmpty()) {
            response.setStatus(400);
            model.addAttribute("errors", FieldErrors.none().add("reason", text("registration.cancel.error.reason")));
            return preview(token, response, model);
        }
        try {
            model.addAttribute("preview", registrations.cancelByLink(token, request));
            model.addAttribute("cancelled", true);
            model.addAttribute("errors", FieldErrors.none());
            return "registration/cancel";
        } catch (RuleViolation | StateConflict e) {
            response.setStatus(e instanceof StateConflict ? 409 : 400);
            model.addAttribute("errors", AttendeeFormInput.errorsOf(e, apiMessages));
        } catch (ApiProblem problem) {
            if (problem.properties().get("reason") == null) {
                throw problem;
            }
            model.addAttribute("errors", FieldErrors.none());
        }
        return preview(token, response, model);
    }

    private boolean englishSpeaker(String token) {
        try {
            return registering.previewByLink(token).registration().language() == Language.EN;
        } catch (ApiProblem unusable) {
            return false; // the page itself says why the link does not open
        }
    }

    /** The registration behind the link, or why the link does not open it (expired, altered). */
    private String preview(String token, HttpServletResponse response, Model model) {
        try {
            model.addAttribute("preview", registrations.preview(token));
        } catch (ApiProblem problem) {
            Object reason = problem.properties().get("reason");
            if (reason == null) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            model.addAttribute("linkProblem", "EXPIRED".equals(reason) ? "expired" : "invalid");
        }
        return "registration/cancel";
    }

    /**
     * The API's per-client limit, on the same buckets: a script gains nothing by posting the form instead. The
     * client address is the one {@link kr.madang.registration.access.ClientAddressFilter} resolved.
     */
    private void limitPerClient(HttpServletRequest request, HttpServletResponse response) {
        PublicRateLimit.Decision decision = rateLimit.tryAcquire(request.getRemoteAddr());
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", messages.getMessage(
                    "registration.public.tooMany", new Object[]{decision.retryAfterSeconds()},
                    LocaleContextHolder.getLocale()), null);
        }
    }

    /** What the person is asked to agree to (PIPA Art. 15(2)), from the published policy, in the page's language. */
    private ConsentPolicy.Text consentText() {
        return consentPolicies.require(policyVersion, "consent.policyVersion")
                .in(LocaleContextHolder.getLocale().getLanguage());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    }
}
