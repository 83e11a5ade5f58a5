package kr.madang.registration.checkin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kr.madang.platform.pages.PageUser;
import kr.madang.platform.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The offline door's two calls, for API clients (token) and for the door page's script (session, same-origin):
 * today's attendee list, and the upload of check-ins queued on a device.
 */
@RestController
@Tag(name = "Check-in", description = "Scanning attendees' QR codes at the door")
public class OfflineCheckInController {

    private final OfflineCheckIns door;

    public OfflineCheckInController(OfflineCheckIns door) {
        this.door = door;
    }

    public record QueuedCheckIn(@NotNull UUID id, @NotBlank @Size(max = 200) String code,
                                @NotNull OffsetDateTime deviceTime) {
    }

    public record Batch(@NotBlank @Size(max = 64) String deviceId, @NotBlank @Size(max = 40) String deviceName,
                        @NotEmpty @Size(max = 500) List<@NotNull @Valid QueuedCheckIn> checkIns) {
    }

    public record BatchAnswer(List<OfflineCheckIns.Answer> results) {
    }

    @GetMapping(path = "/api/events/{eventId}/door-list", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Today's attendee list for an offline door",
            description = "Registration id, hashed code(s) (SHA-256 hex of what the check-in accepts), name, organisation, "
                    + "status and today's check-in; valid until the end of the day in Seoul. Logged as personal-data access.")
    public OfflineCheckIns.DoorList doorList(@PathVariable UUID eventId, Authentication authentication) {
        return door.today(eventId, authentication);
    }

    @PostMapping(path = "/api/events/{eventId}/check-ins/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload check-ins a door device queued offline",
            description = "Idempotent per check-in id (a re-upload gets the first answer). Each result is CHECKED_IN, "
                    + "ALREADY_CHECKED_IN (with the first check-in's time and door: the first to reach the server wins) or "
                    + "REFUSED with a reason (WRONG_EVENT, BAD_SIGNATURE, REGISTRATION_CANCELLED, NOT_AN_EVENT_DAY …).")
    public BatchAnswer upload(@PathVariable UUID eventId, @Valid @RequestBody Batch batch, Authentication authentication) {
        return new BatchAnswer(door.upload(eventId, batch.deviceId().strip(), batch.deviceName().strip(),
                batch.checkIns().stream().map(c -> new OfflineCheckIns.Upload(c.code(), c.id(), c.deviceTime().toInstant()))
                        .toList(), authentication));
    }

    // ---- the same for the door page's script, signed in with the page session -----------------------------------

    @Hidden // a page route (session), not part of the API
    @GetMapping(path = "/events/{eventId}/check-in/door-list", produces = MediaType.APPLICATION_JSON_VALUE)
    public OfflineCheckIns.DoorList pageDoorList(@PathVariable UUID eventId, Authentication authentication) {
        return doorList(eventId, page(authentication));
    }

    @Hidden
    @PostMapping(path = "/events/{eventId}/check-in/uploads", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public BatchAnswer pageUpload(@PathVariable UUID eventId, @Valid @RequestBody Batch batch,
                                  Authentication authentication) {
        return upload(eventId, batch, page(authentication));
    }

    private static Authentication page(Authentication authentication) {
        PageUser.require(authentication, Roles.CHECKIN_STAFF, Roles.HQ_ADMIN, Roles.REGIONAL_OFFICE);
        return PageUser.asApiAuthentication(authentication);
    }
}
