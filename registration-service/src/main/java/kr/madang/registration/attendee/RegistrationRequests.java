package kr.madang.registration.attendee;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import kr.madang.registration.web.PlainText;

/**
 * Request bodies of the registration API. The attendee's fields are checked by {@link AttendeeForm} (shared with the
 * bulk import) so that both give the same answer for the same input.
 */
public final class RegistrationRequests {

    private RegistrationRequests() {
    }

    public record Register(
            @Schema(description = "Hangul or Latin letters, at most 100 characters", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254, format = "email", example = "minji@jeju.go.kr") String email,
            @Schema(description = "Mobile number; Korean numbers such as 010-1234-5678, foreign ones with +country code. Stored as E.164.") String phone,
            @Schema(maxLength = 200) String organisation,
            @Schema(maxLength = 100) String jobTitle,
            @Schema(description = "GENERAL when absent") AttendeeType attendeeType,
            @Schema(allowableValues = {"ko", "en"}, description = "ko when absent") String language,
            Accessibility accessibility,
            @Schema(maxLength = 500) String dietaryNeeds,
            @Schema(description = "Sessions of the event the attendee chooses (at most 50); a full one refuses the registration (409)")
            List<UUID> sessionIds,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The attendee's consent to the processing of their personal data (PIPA Art. 15)")
            Consent consent) {

        public AttendeeForm form() {
            Accessibility a = accessibility == null ? new Accessibility(null, null, null, null) : accessibility;
            Consent c = consent == null ? new Consent(null, null) : consent;
            return new AttendeeForm(name, email, phone, organisation, jobTitle, attendeeType, language, a.notes(),
                    Boolean.TRUE.equals(a.wheelchair()), Boolean.TRUE.equals(a.signLanguage()),
                    Boolean.TRUE.equals(a.hearingLoop()), dietaryNeeds, sessionIds, c.accepted(), c.policyVersion());
        }
    }

    @Schema(name = "AccessibilityRequest")
    public record Accessibility(@Schema(maxLength = 1000) String notes, Boolean wheelchair, Boolean signLanguage,
                                Boolean hearingLoop) {
    }

    /**
     * What a request sends as consent. Named apart from the response's {@code RegisteredConsent}: both records are
     * called Consent, and under one schema name the docs showed the response's shape for the request.
     */
    @Schema(name = "ConsentRequest", description = "Consent as the request gives it")
    public record Consent(
            @Schema(description = "Must be true: personal data cannot be processed without consent",
                    requiredMode = Schema.RequiredMode.REQUIRED, example = "true") Boolean accepted,
            @Schema(description = "Version of the published privacy policy the attendee agreed to",
                    requiredMode = Schema.RequiredMode.REQUIRED, pattern = "[A-Za-z0-9._-]{1,32}", maxLength = 32,
                    example = "2023-01") String policyVersion) {
    }

    public record Reason(@Size(max = 500) @PlainText(multiline = true) String reason) {
    }
}
