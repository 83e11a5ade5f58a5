package kr.madang.registration.attendee;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import kr.madang.platform.security.CurrentUser;
import kr.madang.registration.access.Access;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import kr.madang.platform.accesslog.PersonalDataAccess.Action;
import kr.madang.registration.access.StaffAccessLog;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Registrations", description = "Attendees of a forum event: register, approve, cancel, erase")
public class RegistrationController {

    private final RegistrationService service;
    private final RegistrationQueries queries;
    private final StaffAccessLog accessLog;

    public RegistrationController(RegistrationService service, RegistrationQueries queries, StaffAccessLog accessLog) {
        this.service = service;
        this.queries = queries;
        this.accessLog = accessLog;
    }

    @PostMapping(path = "/api/events/{eventId}/registrations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an attendee",
            description = "Staff of the event's region, or anyone without a token where the event allows self-registration. "
                    + "Answers CONFIRMED, WAITLISTED (with waitlistPosition) or PENDING_APPROVAL. An email already registered: "
                    + "staff get 409 with existingRegistrationId; anyone else gets the answer a new registration would get "
                    + "(nothing is written; the person is told by email), so the API says to nobody whether an address is "
                    + "registered. Honours Idempotency-Key (anonymous callers' keys are per client address).")
    public ResponseEntity<RegistrationView> register(@PathVariable UUID eventId,
                                                     @RequestBody RegistrationRequests.Register request,
                                                     Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        RegistrationService.Found found = service.register(eventId, request.form(), user);
        Registration r = found.registration();
        RegistrationView view = Access.isStaff(user) ? queries.viewCreated(r, found.event())
                : RegistrationView.of(r, null, null, null);
        return ResponseEntity.created(URI.create("/api/registrations/" + r.id())).body(view);
    }

    @GetMapping(path = "/api/registrations/{registrationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A registration, with its check-in code and check-ins")
    public RegistrationView get(@PathVariable UUID registrationId, Authentication authentication) {
        RegistrationView view = queries.view(service.get(registrationId, CurrentUser.of(authentication)).registration());
        accessLog.record(authentication, Action.VIEW, view.eventId(), List.of(view.id()), null, null);
        return view;
    }

    @PostMapping(path = "/api/registrations/{registrationId}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel a registration (staff)", description = "A freed seat goes to the first in line (RegistrationPromoted).")
    public RegistrationView cancel(@PathVariable UUID registrationId,
                                   @Valid @RequestBody RegistrationRequests.Reason request, Authentication authentication) {
        return queries.view(service.cancelByStaff(registrationId, request.reason(), CurrentUser.of(authentication)));
    }

    @PostMapping(path = "/api/registrations/{registrationId}/approve", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve a registration pending approval", description = "It takes a seat, or a waitlist position when full.")
    public RegistrationView approve(@PathVariable UUID registrationId, Authentication authentication) {
        return queries.view(service.approve(registrationId, CurrentUser.of(authentication)));
    }

    @PostMapping(path = "/api/registrations/{registrationId}/reject", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reject a registration pending approval")
    public RegistrationView reject(@PathVariable UUID registrationId,
                                   @Valid @RequestBody RegistrationRequests.Reason request, Authentication authentication) {
        return queries.view(service.reject(registrationId, request.reason(), CurrentUser.of(authentication)));
    }

    @PostMapping(path = "/api/registrations/{registrationId}/erasure", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erase the attendee's personal data now (on their request)",
            description = "A live registration is cancelled first. Publishes AttendeeDataErased so other services delete their copies.")
    public RegistrationView erase(@PathVariable UUID registrationId, Authentication authentication) {
        RegistrationView view = queries.view(service.eraseOnRequest(registrationId, CurrentUser.of(authentication)));
        accessLog.record(authentication, Action.ERASE, view.eventId(), List.of(view.id()), null, null);
        return view;
    }

    @GetMapping(path = "/api/cancellations/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What the attendee's cancellation link would cancel", description = "No token needed: the link is signed and expires.")
    public CancellationPreview preview(@PathVariable String token) {
        var found = service.previewByLink(token);
        Registration r = found.registration();
        return new CancellationPreview(r.id(), r.status(), r.name(), found.event().title(), found.event().titleEn(),
                kr.madang.registration.forumevent.ForumEventView.seoul(found.event().startsAt()),
                r.status().isLive());
    }

    @PostMapping(path = "/api/cancellations/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The attendee cancels with their signed link")
    public CancellationPreview cancelByLink(@PathVariable String token,
                                            @Valid @RequestBody(required = false) RegistrationRequests.Reason request) {
        Registration r = service.cancelByLink(token, request == null ? null : request.reason());
        var found = service.previewByLink(token);
        return new CancellationPreview(r.id(), r.status(), r.name(), found.event().title(), found.event().titleEn(),
                kr.madang.registration.forumevent.ForumEventView.seoul(found.event().startsAt()), false);
    }

    public record CancellationPreview(UUID registrationId, RegistrationStatus status, String name, String eventTitle,
                                      String eventTitleEn, java.time.OffsetDateTime eventStartsAt, boolean cancellable) {
    }
}
