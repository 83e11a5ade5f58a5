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
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254) String email,
            @Schema(description = "Mobile number; Korean numbers such as 010-1234-5678, foreign ones with +country code. Stored as E.164.") String phone,
            @Schema(maxLength = 200) String organisation,
            @Schema(maxLength = 100) String jobTitle,
            @Schema(description = "GENERAL when absent") AttendeeType attendeeType,
            @Schema(allowableValues = {"ko", "en"}, description = "ko when absent") String language,
            Accessibility accessibility,
            @Schema(maxLength = 500) String dietaryNeeds,
            List<UUID> sessionIds,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Consent consent) {

        public AttendeeForm form() {
            Accessibility a = accessibility == null ? new Accessibility(null, null, null, null) : accessibility;
            Consent c = consent == null ? new Consent(null, null) : consent;
            return new AttendeeForm(name, email, phone, organisation, jobTitle, attendeeType, language, a.notes(),
                    Boolean.TRUE.equals(a.wheelchair()), Boolean.TRUE.equals(a.signLanguage()),
                    Boolean.TRUE.equals(a.hearingLoop()), dietaryNeeds, sessionIds, c.accepted(), c.policyVersion());
        }
    }

    public record Accessibility(@Schema(maxLength = 1000) String notes, Boolean wheelchair, Boolean signLanguage,
                                Boolean hearingLoop) {
    }

    public record Consent(@Schema(description = "must be true") Boolean accepted,
                          @Schema(example = "2023-01") String policyVersion) {
    }

    public record Reason(@Size(max = 500) @PlainText(multiline = true) String reason) {
    }
}
