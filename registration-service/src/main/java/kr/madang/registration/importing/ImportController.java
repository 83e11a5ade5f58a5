package kr.madang.registration.importing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import kr.madang.platform.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Bulk import", description = "Registering a CSV of attendees (UTF-8 or CP949/EUC-KR as Korean Excel saves it)")
public class ImportController {

    private static final String DESCRIPTION = "Columns by English or Korean header: name/이름, email/이메일, consent/개인정보동의 "
            + "(required), phone/휴대전화, organisation/소속, jobTitle/직위, attendeeType/구분, language/언어, wheelchair/휠체어, "
            + "accessibility/접근성 요청, dietaryNeeds/식이 요청. dryRun=true (the default) checks and reports every row "
            + "without writing; dryRun=false registers every valid row in one transaction. Rows are numbered as in Excel "
            + "(the header is row 1). policyVersion is the consent policy the attendees signed.";

    private final ImportService service;

    public ImportController(ImportService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/events/{eventId}/imports", consumes = {"text/csv", "text/plain", "text/tab-separated-values"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import attendees from a CSV body", description = DESCRIPTION)
    public ImportService.Report importBody(@PathVariable UUID eventId,
                                           @RequestParam(defaultValue = "true") boolean dryRun,
                                           @RequestParam @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,32}") String policyVersion,
                                           @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                           @RequestBody byte[] body, Authentication authentication) {
        return service.importCsv(eventId, body, declaredCharset(contentType), dryRun, policyVersion,
                CurrentUser.of(authentication));
    }

    @PostMapping(path = "/api/events/{eventId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import attendees from an uploaded CSV file (form field 'file')", description = DESCRIPTION)
    public ImportService.Report importFile(@PathVariable UUID eventId,
                                           @RequestParam(defaultValue = "true") boolean dryRun,
                                           @RequestParam @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,32}") String policyVersion,
                                           @RequestPart("file") MultipartFile file, Authentication authentication)
            throws IOException {
        return service.importCsv(eventId, file.getBytes(), declaredCharset(file.getContentType()), dryRun, policyVersion,
                CurrentUser.of(authentication));
    }

    /** A charset the client names explicitly wins over detection; an unknown one is ignored. */
    private static Charset declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getCharset();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
