package kr.madang.agreement.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.madang.agreement.mou.SigningOrder;

/** The bodies the agreement API accepts. Bean Validation names the field at fault in the 400 problem. */
public final class AgreementRequests {

    private AgreementRequests() {
    }

    public record ContactRequest(
            @Size(max = 100) String name,
            @Email @Size(max = 254) String email,
            @Size(max = 30) String phone,
            @Pattern(regexp = "ko|en", message = "must be ko or en") String language) {
    }

    public record PartyRequest(
            @NotBlank @Size(max = 200) String institution,
            @Size(max = 100) String representativeName,
            @Size(max = 100) String representativeTitle,
            @NotNull @Valid ContactRequest contact,
            @Min(1) @Max(100) Integer step) {
    }

    public record CreateAgreement(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 4000) String purpose,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 2000) String> cooperationItems,
            SigningOrder signingOrder,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be an event id") String forumEventId,
            @Size(max = 100) String sessionId,
            @NotNull LocalDate effectiveDate,
            @NotNull @Min(1) @Max(600) Integer termMonths,
            Boolean autoRenew,
            @Size(max = 500_000) String documentText,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid PartyRequest> parties) {
    }

    /** Edits of the version being prepared; absent fields stay as they are. */
    public record ReviseAgreement(
            @Size(min = 1, max = 300) String title,
            @Size(max = 4000) String purpose,
            @Size(min = 1, max = 50) List<@NotBlank @Size(max = 2000) String> cooperationItems,
            @Size(min = 1, max = 500_000) String documentText,
            SigningOrder signingOrder,
            LocalDate effectiveDate,
            @Min(1) @Max(600) Integer termMonths,
            Boolean autoRenew,
            @Size(min = 1, max = 100) List<@NotNull @Valid PartyRequest> parties) {
    }

    public record Amend(
            @Size(min = 1, max = 300) String title,
            @Size(max = 4000) String purpose,
            @Size(min = 1, max = 50) List<@NotBlank @Size(max = 2000) String> cooperationItems,
            @Size(min = 1, max = 500_000) String documentText) {
    }

    public record Sign(@NotBlank @Size(max = 100) String signerName, @Size(max = 100) String signerTitle) {
    }

    public record Decline(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Withdraw(@Size(max = 2000) String reason) {
    }

    public record Terminate(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Renew(@Min(1) @Max(600) Integer termMonths) {
    }
}
