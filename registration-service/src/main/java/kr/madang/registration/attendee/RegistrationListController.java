package kr.madang.registration.attendee;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import kr.madang.platform.security.CurrentUser;
import kr.madang.registration.web.PageView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import kr.madang.platform.accesslog.PersonalDataAccess.Action;
import kr.madang.registration.access.StaffAccessLog;
import kr.madang.registration.rules.FieldError;
import kr.madang.registration.rules.InvalidFields;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Registrations")
public class RegistrationListController {

    private final RegistrationQueries queries;
    private final StaffAccessLog accessLog;
    private final org.springframework.context.MessageSource messages;

    public RegistrationListController(RegistrationQueries queries, StaffAccessLog accessLog,
                                      org.springframework.context.MessageSource messages) {
        this.queries = queries;
        this.accessLog = accessLog;
        this.messages = messages;
    }

    @GetMapping(path = "/api/events/{eventId}/registrations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An event's registrations, filtered, searched and paged",
            description = "q searches name, email, organisation and job title; checkedIn=true/false; sort CREATED, NAME, ORGANISATION or WAITLIST.")
    public PageView<RegistrationView> list(@PathVariable UUID eventId,
                                           @RequestParam(required = false) RegistrationStatus status,
                                           @RequestParam(required = false) AttendeeType attendeeType,
                                           @RequestParam(required = false) @Size(max = 200) String organisation,
                                           @RequestParam(required = false) Boolean checkedIn,
                                           @RequestParam(required = false) @Size(max = 200) String q,
                                           @RequestParam(defaultValue = "CREATED") RegistrationQueries.Sort sort,
                                           @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                           Authentication authentication) {
        queries.eventForStaff(eventId, CurrentUser.of(authentication));
        var filter = new RegistrationQueries.Filter(status, attendeeType, organisation, checkedIn, q);
        var result = queries.list(eventId, filter, sort, page, size);
        boolean search = (q != null && !q.isBlank()) || (organisation != null && !organisation.isBlank());
        accessLog.record(authentication, search ? Action.SEARCH : Action.LIST, eventId,
                result.items().stream().map(RegistrationView::id).toList(),
                StaffAccessLog.query("status", status, "attendeeType", attendeeType, "organisation", organisation,
                        "checkedIn", checkedIn, "q", q, "page", page), null);
        return new PageView<>(result.items(), page, size, result.total());
    }

    @GetMapping(path = "/api/events/{eventId}/registrations/export", produces = "text/csv")
    @Operation(summary = "The same list as a CSV file for Excel (UTF-8 with BOM, formula cells neutralised)",
            description = "A download of personal data needs its reason (reason, 5 to 200 characters); it is kept in the access log.")
    public ResponseEntity<byte[]> export(@PathVariable UUID eventId,
                                         @RequestParam(required = false) String reason,
                                         @RequestParam(required = false) RegistrationStatus status,
                                         @RequestParam(required = false) AttendeeType attendeeType,
                                         @RequestParam(required = false) @Size(max = 200) String organisation,
                                         @RequestParam(required = false) Boolean checkedIn,
                                         @RequestParam(required = false) @Size(max = 200) String q,
                                         @RequestParam(defaultValue = "CREATED") RegistrationQueries.Sort sort,
                                         Authentication authentication) {
        queries.eventForStaff(eventId, CurrentUser.of(authentication));
        if (reason == null || reason.strip().length() < 5 || reason.strip().length() > 200) {
            throw new InvalidFields(List.of(new FieldError("reason",
                    "a download of personal data needs its reason (5 to 200 characters)")));
        }
        var filter = new RegistrationQueries.Filter(status, attendeeType, organisation, checkedIn, q);
        var rows = queries.all(eventId, filter, sort);
        accessLog.record(authentication, Action.EXPORT, eventId, rows.stream().map(RegistrationView::id).toList(),
                StaffAccessLog.query("status", status, "attendeeType", attendeeType, "organisation", organisation,
                        "checkedIn", checkedIn, "q", q), reason.strip());
        // Korean words like the file's headers, which the import reads back
        byte[] csv = CsvExport.write(rows, key -> messages.getMessage(key, null, key, java.util.Locale.KOREAN));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("registrations-" + eventId + ".csv").build().toString())
                .body(csv);
    }
}
