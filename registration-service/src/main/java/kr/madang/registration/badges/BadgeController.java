package kr.madang.registration.badges;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Name badges", description = "Print-ready PDF badges of confirmed attendees")
public class BadgeController {

    private final BadgeService badges;

    public BadgeController(BadgeService badges) {
        this.badges = badges;
    }

    @GetMapping(path = "/api/events/{eventId}/badges", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Badges of the event's confirmed attendees as one PDF",
            description = "format A4_2X4 (A4 cut into 2×4 badges of 95×68 mm, default) or LABEL_99X57 (A4 sheet of 10 die-cut "
                    + "labels 99.1×57 mm); sort NAME (default) or ORGANISATION; attendeeType repeated or comma-separated "
                    + "(GENERAL, SPEAKER, VIP, PRESS, INTERNATIONAL_DELEGATE), none for all. HQ and the event's regional "
                    + "office; recorded in the personal-data access log.")
    public ResponseEntity<byte[]> eventBadges(@PathVariable UUID eventId,
                                              @RequestParam(required = false) String format,
                                              @RequestParam(required = false) String sort,
                                              @RequestParam(required = false) List<String> attendeeType,
                                              Authentication authentication) {
        return pdf(badges.eventBadges(eventId, BadgeService.Selection.parse(format, sort, attendeeType), authentication));
    }

    @GetMapping(path = "/api/events/{eventId}/registrations/{registrationId}/badge",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "One attendee's badge, to reprint at the door",
            description = "HQ and the event's regional office for any confirmed attendee; the event's check-in staff "
                    + "for someone already checked in. Recorded in the personal-data access log.")
    public ResponseEntity<byte[]> reprint(@PathVariable UUID eventId, @PathVariable UUID registrationId,
                                          @RequestParam(required = false) String format,
                                          Authentication authentication) {
        BadgeService.Selection selection = BadgeService.Selection.parse(format, null, null);
        return pdf(badges.reprint(eventId, registrationId, selection.format(), authentication));
    }

    static ResponseEntity<byte[]> pdf(BadgeService.Pdf pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(pdf.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf.bytes());
    }
}
