package kr.madang.notification.calendar;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import kr.madang.platform.web.ApiProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The attendee's calendar file, linked from their ticket page on registration-service: the file of the newest email
 * that carried one (same UID, SEQUENCE, METHOD, language and venue), or, before any such email went out, the entry
 * the confirmation carries, made by the same builder. The signed, expiring link is the grant; a tampered or expired
 * one is a problem naming the token, never a file.
 */
@RestController
public class CalendarDownloadController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarLinks links;
    private final CalendarStore store;
    private final CalendarInvites invites;

    public CalendarDownloadController(CalendarLinks links, CalendarStore store, CalendarInvites invites) {
        this.links = links;
        this.store = store;
        this.invites = invites;
    }

    @GetMapping("/api/calendar/{token}")
    @Operation(summary = "An attendee's calendar file (.ics), by the signed link on their ticket page")
    @io.swagger.v3.oas.annotations.security.SecurityRequirements // the signed link is the grant
    public ResponseEntity<String> download(@PathVariable String token) {
        CalendarLinks.Opened opened = links.open(token);
        if (opened.refusal() == CalendarLinks.Refusal.EXPIRED) {
            throw new ApiProblem(HttpStatus.GONE, "Link expired", "This calendar link has expired", "token");
        }
        if (opened.grant() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid link", "This calendar link is not valid", "token");
        }
        CalendarLinks.Grant grant = opened.grant();
        CalendarAttachment file = store.latestFor(grant.registrationId())
                .or(() -> invites.current(grant.registrationId(), grant.forumEventId(), grant.language())
                        .map(invite -> new CalendarAttachment(invite.method().name(), CalendarFile.write(invite))))
                .orElseThrow(() -> ApiProblem.notFound("The calendar file of this ticket"));
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.ics());
    }
}
