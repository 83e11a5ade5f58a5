package kr.madang.registration.forumevent;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kr.madang.platform.security.CurrentUser;
import kr.madang.registration.web.PageView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Forum events", description = "Forum editions: details, sessions, capacity and lifecycle")
public class ForumEventController {

    private final ForumEventService service;

    public ForumEventController(ForumEventService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a forum event (DRAFT)", description = "HQ in any region, a regional office in its own. Publishes ForumEventScheduled.")
    public ResponseEntity<ForumEventView> create(@Valid @RequestBody ForumEventRequests.Create request,
                                                 Authentication authentication) {
        ForumEventView view = ForumEventView.of(service.create(request.details(), CurrentUser.of(authentication)));
        return ResponseEntity.created(URI.create("/api/events/" + view.id())).body(view);
    }

    @GetMapping
    @Operation(summary = "List forum events", description = "A regional office sees its own region only.")
    public PageView<ForumEventView> list(@RequestParam(required = false) Region region,
                                         @RequestParam(required = false) ForumEventStatus status,
                                         @RequestParam(required = false) OffsetDateTime from,
                                         @RequestParam(required = false) OffsetDateTime to,
                                         @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                                         Authentication authentication) {
        var result = service.list(CurrentUser.of(authentication), region, status,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), page, size);
        return new PageView<>(result.items().stream().map(e -> ForumEventView.of(e, null, null, null)).toList(),
                page, size, result.total());
    }

    @GetMapping("/{eventId}")
    @Operation(summary = "A forum event with its sessions and seat counts")
    public ForumEventView get(@PathVariable UUID eventId, Authentication authentication) {
        return ForumEventView.of(service.get(eventId, CurrentUser.of(authentication)));
    }

    @PostMapping("/{eventId}/open")
    @Operation(summary = "Open registration (from DRAFT or CLOSED)", description = "Publishes ForumEventOpened.")
    public ForumEventView open(@PathVariable UUID eventId, Authentication authentication) {
        return ForumEventView.of(service.open(eventId, CurrentUser.of(authentication)));
    }

    @PostMapping("/{eventId}/close")
    @Operation(summary = "Close registration", description = "Publishes ForumEventClosed.")
    public ForumEventView close(@PathVariable UUID eventId, Authentication authentication) {
        return ForumEventView.of(service.close(eventId, CurrentUser.of(authentication)));
    }

    @PostMapping("/{eventId}/complete")
    @Operation(summary = "Mark the event as held and over", description = "Publishes ForumEventCompleted.")
    public ForumEventView complete(@PathVariable UUID eventId, Authentication authentication) {
        return ForumEventView.of(service.complete(eventId, CurrentUser.of(authentication)));
    }

    @PostMapping(path = "/{eventId}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel the event", description = "From any state before COMPLETED. Publishes ForumEventCancelled.")
    public ForumEventView cancel(@PathVariable UUID eventId, @Valid @RequestBody ForumEventRequests.Cancel request,
                                 Authentication authentication) {
        return ForumEventView.of(service.cancel(eventId, request.reason(), CurrentUser.of(authentication)));
    }

    @PostMapping(path = "/{eventId}/reschedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move the event to new dates and/or venue", description = "Sessions move with the start. Publishes ForumEventRescheduled.")
    public ForumEventView reschedule(@PathVariable UUID eventId,
                                     @Valid @RequestBody ForumEventRequests.Reschedule request,
                                     Authentication authentication) {
        return ForumEventView.of(service.reschedule(eventId, request.startsAt().toInstant(), request.endsAt().toInstant(),
                ForumEventRequests.blankToNull(request.venue()), CurrentUser.of(authentication)));
    }

    @PostMapping(path = "/{eventId}/capacity", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the number of seats", description = "More seats promote the waitlist in order (RegistrationPromoted); fewer than confirmed is refused.")
    public ForumEventView capacity(@PathVariable UUID eventId, @Valid @RequestBody ForumEventRequests.Capacity request,
                                   Authentication authentication) {
        return ForumEventView.of(service.changeCapacity(eventId, request.capacity(), CurrentUser.of(authentication)));
    }
}
