package kr.madang.registration.checkin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kr.madang.platform.security.CurrentUser;
import kr.madang.registration.attendee.AttendeeType;
import kr.madang.registration.forumevent.ForumEventView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Check-in", description = "Scanning attendees' QR codes at the door")
public class CheckInController {

    private final CheckInService service;

    public CheckInController(CheckInService service) {
        this.service = service;
    }

    public record CheckInRequest(
            @Schema(description = "The QR code's signed token, or the attendee's short code (ABCD-EFGH; any case, "
                    + "spaces and hyphens ignored)", requiredMode = Schema.RequiredMode.REQUIRED, example = "ABCD-EFGH")
            @NotBlank @Size(max = 200) String token,
            @Schema(description = "Event day; defaults to today in Seoul", example = "2023-02-06") LocalDate day,
            @Schema(description = "The event a short code belongs to (short codes are unique per event); door staff "
                    + "default to their own event. Ignored for QR tokens.") UUID eventId) {

        public CheckInRequest(String token, LocalDate day) {
            this(token, day, null);
        }
    }

    public record CheckInView(String result, UUID registrationId, UUID eventId, String name, String organisation,
                              AttendeeType attendeeType, boolean wheelchair, LocalDate day, OffsetDateTime checkedInAt) {
    }

    @PostMapping(path = "/api/check-ins", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check an attendee in by their QR code or short code",
            description = "201 CHECKED_IN the first time on a day (publishes AttendeeCheckedIn); 200 ALREADY_CHECKED_IN with "
                    + "the time of the first scan after that; refusals carry a reason (EXPIRED, BAD_SIGNATURE, WRONG_EVENT, "
                    + "REGISTRATION_CANCELLED, NOT_AN_EVENT_DAY, UNKNOWN_CODE …). day defaults to today in Seoul.")
    public ResponseEntity<CheckInView> checkIn(@Valid @RequestBody CheckInRequest request, Authentication authentication) {
        CheckInService.Result result = service.checkIn(request.token().strip(), request.eventId(), request.day(),
                CurrentUser.of(authentication));
        var r = result.registration();
        CheckInView view = new CheckInView(result.outcome().name(), r.id(), r.eventId(), r.name(), r.organisation(),
                r.attendeeType(), r.wheelchair(), result.day(), ForumEventView.seoul(result.checkedInAt()));
        return ResponseEntity.status(result.outcome() == CheckInService.Outcome.CHECKED_IN ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view);
    }
}
