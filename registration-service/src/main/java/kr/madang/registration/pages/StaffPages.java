package kr.madang.registration.pages;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kr.madang.platform.pages.FieldErrors;
import kr.madang.platform.pages.PageController;
import kr.madang.platform.pages.PageUser;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.security.Roles;
import kr.madang.platform.web.ApiProblem;
import kr.madang.registration.attendee.AttendeeType;
import kr.madang.registration.attendee.RegistrationController;
import kr.madang.registration.attendee.RegistrationListController;
import kr.madang.registration.attendee.RegistrationQueries;
import kr.madang.registration.attendee.RegistrationRequests;
import kr.madang.registration.attendee.RegistrationService;
import kr.madang.registration.attendee.RegistrationStatus;
import kr.madang.registration.checkin.CheckInController;
import kr.madang.registration.ticket.ShortCodes;
import kr.madang.registration.forumevent.ForumEventController;
import kr.madang.registration.forumevent.ForumEventView;
import kr.madang.registration.importing.ImportService;
import kr.madang.registration.links.AttendeeLinks;
import kr.madang.registration.links.SignedLinks;
import kr.madang.registration.rules.InvalidFields;
import kr.madang.registration.rules.RuleViolation;
import kr.madang.registration.rules.StateConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Regional offices' and HQ's pages: events of my region with capacity gauges, an event with sessions, hosts and
 * sponsors, registering an attendee, the attendee list (filters, search, paging, status changes, CSV export), bulk
 * import (upload, dry-run report row by row, confirm) and the door's check-in page. Every action goes through the
 * API's own services, so region scoping and rules are the API's.
 */
@PageController
public class StaffPages {

    private static final int PAGE_SIZE = 25;
    /** An upload waits in the session between its dry run and its confirmation; bigger files use the API. */
    private static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

    private final ForumEventController events;
    private final RegistrationController registrations;
    private final RegistrationListController lists;
    private final RegistrationService registering;
    private final RegistrationQueries queries;
    private final CheckInController checkIns;
    private final ImportService imports;
    private final MessageSource messages;
    private final ApiMessages apiMessages;
    private final AttendeeLinks links;
    private final String policyVersion;

    public StaffPages(ForumEventController events, RegistrationController registrations, RegistrationListController lists,
                      RegistrationService registering, RegistrationQueries queries, CheckInController checkIns,
                      ImportService imports, MessageSource messages, ApiMessages apiMessages, AttendeeLinks links,
                      @Value("${madang.pages.privacy-policy-version:2023-01}") String policyVersion) {
        this.events = events;
        this.registrations = registrations;
        this.lists = lists;
        this.registering = registering;
        this.queries = queries;
        this.checkIns = checkIns;
        this.imports = imports;
        this.messages = messages;
        this.apiMessages = apiMessages;
        this.links = links;
        this.policyVersion = policyVersion;
    }

    private static Authentication staff(Authentication authentication) {
        PageUser.require(authentication, Roles.HQ_ADMIN, Roles.REGIONAL_OFFICE);
        return PageUser.asApiAuthentication(authentication);
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        CurrentUser user = PageUser.of(authentication);
        if (user.has(Roles.CHECKIN_STAFF) && user.eventId() != null && !user.isHq() && !user.has(Roles.REGIONAL_OFFICE)) {
            return "redirect:/events/" + user.eventId() + "/check-in";
        }
        return "redirect:/events";
    }

    // ---- events -------------------------------------------------------------------------------------------------

    @GetMapping("/events")
    String events(@RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
        Authentication api = staff(authentication);
        var result = events.list(null, null, null, null, Math.max(0, page), PAGE_SIZE, api);
        List<ForumEventView> rows = new ArrayList<>();
        // The list leaves the waitlist out; each row's page read has it (at most one page of events).
        result.items().forEach(e -> rows.add(events.get(e.id(), api)));
        model.addAttribute("rows", rows);
        model.addAttribute("result", result);
        model.addAttribute("canManage", PageUser.of(authentication).isHq());
        return "registration/events";
    }

    @GetMapping("/events/{eventId}")
    String event(@PathVariable UUID eventId, Authentication authentication, Model model) {
        model.addAttribute("event", events.get(eventId, staff(authentication)));
        // Only HQ manages events from the pages (EventPages refuses anyone else too); a regional office only sees.
        model.addAttribute("canManage", PageUser.of(authentication).isHq());
        model.addAttribute("manageActions", EventPages.ACTIONS);
        return "registration/event";
    }

    // ---- registering ----------------------------------------------------------------------------------------------

    @GetMapping("/events/{eventId}/register")
    String registerForm(@PathVariable UUID eventId, Authentication authentication, Model model) {
        model.addAttribute("event", events.get(eventId, staff(authentication)));
        model.addAttribute("form", AttendeeFormInput.empty("ko"));
        model.addAttribute("errors", FieldErrors.none());
        model.addAttribute("types", AttendeeType.values());
        return "registration/register";
    }

    @PostMapping("/events/{eventId}/register")
    String register(@PathVariable UUID eventId, @ModelAttribute("form") AttendeeFormInput form, BindingResult binding,
                    Authentication authentication, HttpServletResponse response, RedirectAttributes redirect,
                    Model model) {
        Authentication api = staff(authentication);
        FieldErrors errors;
        if (binding.hasErrors() || form == null) {
            // Only a tampered post gets here (every input is text or a checkbox): say so next to the field.
            errors = FieldErrors.of(binding, messages, LocaleContextHolder.getLocale());
            form = form == null ? AttendeeFormInput.empty("ko") : form;
        } else {
            try {
                var found = registering.register(eventId, form.form(policyVersion), PageUser.of(authentication));
                redirect.addFlashAttribute("registered", found.registration().name());
                redirect.addFlashAttribute("registeredStatus", found.registration().status().name());
                return "redirect:/events/" + eventId + "/attendees?q=" + URLEncoder.encode(
                        found.registration().email(), StandardCharsets.UTF_8);
            } catch (InvalidFields | RuleViolation | StateConflict | ApiProblem e) {
                if (e instanceof ApiProblem p && (p.status().value() == 403 || p.status().value() == 404)) {
                    throw p;
                }
                response.setStatus(e instanceof StateConflict || e instanceof ApiProblem ? 409 : 400);
                errors = AttendeeFormInput.errorsOf(e, apiMessages);
            }
        }
        if (response.getStatus() < 400) {
            response.setStatus(400);
        }
        model.addAttribute("event", events.get(eventId, api));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", AttendeeType.values());
        return "registration/register";
    }

    // ---- attendees ------------------------------------------------------------------------------------------------

    public record ListFilter(String status, String attendeeType, String checkedIn, String q) {
        String query() {
            return "status=" + enc(status) + "&attendeeType=" + enc(attendeeType) + "&checkedIn=" + enc(checkedIn)
                    + "&q=" + enc(q);
        }

        private static String enc(String s) {
            return s == null ? "" : java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @GetMapping("/events/{eventId}/attendees")
    String attendees(@PathVariable UUID eventId, @ModelAttribute ListFilter filter,
                     @RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
        return attendeesPage(eventId, filter, page, authentication, model, FieldErrors.none());
    }

    private String attendeesPage(UUID eventId, ListFilter filter, int page, Authentication authentication, Model model,
                                 FieldErrors errors) {
        Authentication api = staff(authentication);
        RegistrationStatus status = parse(RegistrationStatus.class, filter.status(), "status", errors);
        AttendeeType type = parse(AttendeeType.class, filter.attendeeType(), "attendeeType", errors);
        Boolean checkedIn = filter.checkedIn() == null || filter.checkedIn().isBlank() ? null : Boolean.valueOf(filter.checkedIn());
        String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip();
        if (q != null && q.length() > 200) {
            errors.add("q", text("registration.error.search"));
            q = null;
        }
        model.addAttribute("event", events.get(eventId, api));
        model.addAttribute("result", lists.list(eventId, status, type, null, checkedIn, q,
                RegistrationQueries.Sort.CREATED, Math.max(0, Math.min(page, 100_000)), PAGE_SIZE, api));
        model.addAttribute("filter", filter);
        model.addAttribute("query", filter.query());
        model.addAttribute("statuses", RegistrationStatus.values());
        model.addAttribute("types", AttendeeType.values());
        model.addAttribute("errors", errors);
        return "registration/attendees";
    }

    /** The list as CSV; a download of personal data asks for its reason, which the access log keeps. */
    @GetMapping("/events/{eventId}/attendees.csv")
    Object export(@PathVariable UUID eventId, @ModelAttribute ListFilter filter,
                  @RequestParam(required = false) String reason, Authentication authentication, Model model,
                  jakarta.servlet.http.HttpServletResponse response) {
        Authentication api = staff(authentication);
        if (reason == null || reason.strip().length() < 5 || reason.strip().length() > 200) {
            FieldErrors errors = FieldErrors.none();
            errors.add("reason", text("registration.export.reason.missing"));
            response.setStatus(400);
            return attendeesPage(eventId, filter, 0, authentication, model, errors);
        }
        FieldErrors ignored = FieldErrors.none();
        Boolean checkedIn = filter.checkedIn() == null || filter.checkedIn().isBlank() ? null : Boolean.valueOf(filter.checkedIn());
        String q = filter.q() == null || filter.q().isBlank() || filter.q().length() > 200 ? null : filter.q().strip();
        return lists.export(eventId, reason, parse(RegistrationStatus.class, filter.status(), "status", ignored),
                parse(AttendeeType.class, filter.attendeeType(), "attendeeType", ignored), null, checkedIn, q,
                RegistrationQueries.Sort.CREATED, api);
    }

    /**
     * Cancelling from the list is never one click (issue 16, item 6): the list's button opens this page, which names
     * the attendee and asks for the reason; only its POST cancels.
     */
    @GetMapping("/events/{eventId}/attendees/{registrationId}/cancel")
    String cancelConfirmation(@PathVariable UUID eventId, @PathVariable UUID registrationId,
                              @RequestParam(defaultValue = "") String back, Authentication authentication, Model model) {
        return cancelPage(eventId, registrationId, back, "", FieldErrors.none(), staff(authentication), model);
    }

    @PostMapping("/events/{eventId}/attendees/{registrationId}/cancel")
    String cancelConfirmed(@PathVariable UUID eventId, @PathVariable UUID registrationId,
                           @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String back,
                           Authentication authentication, HttpServletResponse response, RedirectAttributes redirect,
                           Model model) {
        Authentication api = staff(authentication);
        String why = reason.strip();
        FieldErrors errors = FieldErrors.none();
        if (why.isEmpty()) {
            errors.add("reason", text("registration.staffCancel.reason.missing"));
        } else if (why.length() > 500 || why.indexOf('<') >= 0 || why.indexOf('>') >= 0) {
            errors.add("reason", text("registration.cancel.error.reason"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return cancelPage(eventId, registrationId, back, reason, errors, api, model);
        }
        try {
            var changed = registrations.cancel(registrationId, new RegistrationRequests.Reason(why), api);
            redirect.addFlashAttribute("changed", changed.name());
            redirect.addFlashAttribute("changedStatus", changed.status().name());
        } catch (StateConflict | RuleViolation e) {
            redirect.addFlashAttribute("changeError", e.getMessage());
        }
        String query = back.startsWith("status=") ? "?" + back : "";
        return "redirect:/events/" + eventId + "/attendees" + query;
    }

    private String cancelPage(UUID eventId, UUID registrationId, String back, String reason, FieldErrors errors,
                              Authentication api, Model model) {
        var registration = registrations.get(registrationId, api);
        if (!registration.eventId().equals(eventId)) {
            throw ApiProblem.notFound("Registration " + registrationId);
        }
        model.addAttribute("event", events.get(eventId, api));
        model.addAttribute("registration", registration);
        model.addAttribute("back", back.startsWith("status=") ? back : "");
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "registration/staff-cancel";
    }

    /** Approve, reject or cancel one registration from the list (the allowed ones are the only buttons shown). */
    @PostMapping("/events/{eventId}/attendees/{registrationId}/{action}")
    String change(@PathVariable UUID eventId, @PathVariable UUID registrationId, @PathVariable String action,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String back,
                  Authentication authentication, RedirectAttributes redirect) {
        Authentication api = staff(authentication);
        String why = reason.isBlank() ? null : reason.strip();
        try {
            var changed = switch (action) {
                case "approve" -> registrations.approve(registrationId, api);
                case "reject" -> registrations.reject(registrationId, new RegistrationRequests.Reason(why), api);
                default -> throw ApiProblem.badField("action", "must be approve or reject (cancel asks for a reason first)");
            };
            redirect.addFlashAttribute("changed", changed.name());
            redirect.addFlashAttribute("changedStatus", changed.status().name());
        } catch (StateConflict | RuleViolation e) {
            redirect.addFlashAttribute("changeError", e.getMessage());
        }
        String query = back.startsWith("status=") ? "?" + back : "";
        return "redirect:/events/" + eventId + "/attendees" + query;
    }

    // ---- bulk import ----------------------------------------------------------------------------------------------

    @GetMapping("/events/{eventId}/import")
    String importForm(@PathVariable UUID eventId, Authentication authentication, Model model) {
        model.addAttribute("event", events.get(eventId, staff(authentication)));
        model.addAttribute("errors", FieldErrors.none());
        return "registration/import";
    }

    /** Upload: a dry run whose report is shown row by row; the file waits in the session for the confirmation. */
    @PostMapping("/events/{eventId}/import")
    String importDryRun(@PathVariable UUID eventId, @RequestParam(name = "file", required = false) MultipartFile file,
                        Authentication authentication, HttpSession session, HttpServletResponse response, Model model)
            throws IOException {
        Authentication api = staff(authentication);
        model.addAttribute("event", events.get(eventId, api));
        FieldErrors errors = FieldErrors.none();
        if (file == null || file.isEmpty()) {
            errors.add("file", text("registration.import.error.file"));
        } else if (file.getSize() > MAX_UPLOAD_BYTES) {
            errors.add("file", text("registration.import.error.size"));
        }
        if (errors.isEmpty()) {
            byte[] bytes = file.getBytes();
            try {
                ImportService.Report report = imports.importCsv(eventId, bytes, null, true, policyVersion,
                        PageUser.of(authentication));
                String uploadId = UUID.randomUUID().toString();
                session.setAttribute(uploadKey(eventId), new PendingUpload(uploadId, bytes));
                model.addAttribute("report", report);
                model.addAttribute("uploadId", uploadId);
                model.addAttribute("errors", errors);
                return "registration/import";
            } catch (RuleViolation | InvalidFields | ApiProblem e) {
                if (e instanceof ApiProblem p && (p.status().value() == 403 || p.status().value() == 404)) {
                    throw p;
                }
                errors = AttendeeFormInput.errorsOf(e, apiMessages);
                if (!errors.has("file")) {
                    errors = FieldErrors.none().add("file", errors.entries().getFirst().getValue());
                }
            }
        }
        response.setStatus(400);
        model.addAttribute("errors", errors);
        return "registration/import";
    }

    @PostMapping("/events/{eventId}/import/confirm")
    String importConfirm(@PathVariable UUID eventId, @RequestParam(defaultValue = "") String uploadId,
                         Authentication authentication, HttpSession session, HttpServletResponse response,
                         RedirectAttributes redirect, Model model) {
        Authentication api = staff(authentication);
        if (!(session.getAttribute(uploadKey(eventId)) instanceof PendingUpload pending) || !pending.id().equals(uploadId)) {
            // Confirmed twice (back button, second click) or after the session ended: nothing is imported again.
            redirect.addFlashAttribute("importError", true);
            return "redirect:/events/" + eventId + "/import";
        }
        session.removeAttribute(uploadKey(eventId));
        model.addAttribute("event", events.get(eventId, api));
        try {
            model.addAttribute("report", imports.importCsv(eventId, pending.bytes(), null, false, policyVersion,
                    PageUser.of(authentication)));
            model.addAttribute("errors", FieldErrors.none());
        } catch (RuleViolation | InvalidFields | ApiProblem e) {
            if (e instanceof ApiProblem p && (p.status().value() == 403 || p.status().value() == 404)) {
                throw p;
            }
            // Nothing was imported (one transaction): the reason is shown on the upload form.
            response.setStatus(409);
            String why = e instanceof ApiProblem p && "CHANGED_MEANWHILE".equals(p.properties().get("reason"))
                    ? messages.getMessage("registration.import.error.changed", null, LocaleContextHolder.getLocale())
                    : apiMessages.text(e.getMessage());
            model.addAttribute("errors", FieldErrors.none().add("file", why));
        }
        return "registration/import";
    }

    record PendingUpload(String id, byte[] bytes) implements java.io.Serializable {
    }

    private static String uploadKey(UUID eventId) {
        return "madang.import." + eventId;
    }

    // ---- check-in -------------------------------------------------------------------------------------------------

    @GetMapping("/events/{eventId}/check-in")
    String checkInPage(@PathVariable UUID eventId, Authentication authentication, Model model) {
        model.addAttribute("count", checkedInCount(eventId, authentication));
        model.addAttribute("eventId", eventId);
        model.addAttribute("doorEvent", events.get(eventId, PageUser.asApiAuthentication(authentication)));
        model.addAttribute("errors", FieldErrors.none());
        return "registration/check-in";
    }

    @PostMapping("/events/{eventId}/check-in")
    String checkIn(@PathVariable UUID eventId, @RequestParam(defaultValue = "") String code,
                   Authentication authentication, HttpServletResponse response, Model model) {
        checkedInCount(eventId, authentication); // the same access as the page itself, before anything is done
        model.addAttribute("eventId", eventId);
        model.addAttribute("doorEvent", events.get(eventId, PageUser.asApiAuthentication(authentication)));
        FieldErrors errors = FieldErrors.none();
        String token = code.strip();
        if (token.isEmpty() || token.length() > 200) {
            errors.add("code", text("registration.checkIn.error.code"));
            response.setStatus(400);
        } else {
            scan(eventId, token, authentication, response, model);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("count", checkedInCount(eventId, authentication));
        return "registration/check-in";
    }

    /**
     * A code of another event is refused before anything is written (the door of this event must never check someone
     * in to another one); otherwise the API's check-in decides, and a refusal shows its reason.
     */
    private void scan(UUID eventId, String token, Authentication authentication, HttpServletResponse response,
                         Model model) {
        try {
            if (token.indexOf('.') < 0 && ShortCodes.normalise(token).isPresent()) {
                // the short code typed from the ticket: looked up within this door's event only
                model.addAttribute("checkIn", checkIns.checkIn(new CheckInController.CheckInRequest(token, null, eventId),
                        PageUser.asApiAuthentication(authentication)).getBody());
                return;
            }
            SignedLinks.Grant grant = links.verifySignature(token, SignedLinks.Purpose.CHECK_IN);
            if (!grant.eventId().equals(eventId)) {
                refuse(response, model, "WRONG_EVENT");
                return;
            }
            model.addAttribute("checkIn", checkIns.checkIn(new CheckInController.CheckInRequest(token, null),
                    PageUser.asApiAuthentication(authentication)).getBody());
        } catch (SignedLinks.InvalidLink invalid) {
            refuse(response, model, invalid.reason());
        } catch (ApiProblem problem) {
            if (problem.status().value() == 403) {
                throw problem;
            }
            Object reason = problem.properties().get("reason");
            refuse(response, model, reason == null ? "NOT_VALID" : reason.toString());
        }
    }

    private void refuse(HttpServletResponse response, Model model, String reason) {
        response.setStatus(422);
        // An unknown reason still gets a sentence, never a raw key.
        String key = "registration.checkIn.reason." + reason;
        model.addAttribute("refusal", messages.getMessage(key, null, null, LocaleContextHolder.getLocale()) == null
                ? "NOT_VALID" : reason);
    }

    /** The running count: attendees of this event checked in (any day), as the staff's role may read it. */
    private long checkedInCount(UUID eventId, Authentication authentication) {
        CurrentUser user = PageUser.require(authentication, Roles.CHECKIN_STAFF, Roles.HQ_ADMIN, Roles.REGIONAL_OFFICE);
        if (user.has(Roles.CHECKIN_STAFF) && !user.isHq() && !user.has(Roles.REGIONAL_OFFICE)
                && !eventId.toString().equals(user.eventId())) {
            throw new org.springframework.security.access.AccessDeniedException("another event");
        }
        if (!user.isHq() && !user.has(Roles.REGIONAL_OFFICE)) {
            // door staff read the event's count, not the attendee list
            return queries.list(eventId, new RegistrationQueries.Filter(null, null, null, true, null),
                    RegistrationQueries.Sort.CREATED, 0, 1).total();
        }
        queries.eventForStaff(eventId, user);
        return queries.list(eventId, new RegistrationQueries.Filter(null, null, null, true, null),
                RegistrationQueries.Sort.CREATED, 0, 1).total();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private <E extends Enum<E>> E parse(Class<E> type, String value, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, text("registration.error.filter"));
            return null;
        }
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
