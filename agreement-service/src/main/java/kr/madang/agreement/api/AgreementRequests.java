package kr.madang.agreement.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
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

    @Schema(description = "Where the party's notices go: an email or a phone (at least one)")
    public record ContactRequest(
            @Schema(description = "The contact person (the representative's name, else the institution, when absent)",
                    maxLength = 100, example = "제주대학교 협약 담당자") @Size(max = 100) String name,
            @Schema(description = "Email address", format = "email", maxLength = 254, example = "mou.jnu@example.kr")
            @Email @Size(max = 254) String email,
            @Schema(description = "Mobile number for SMS: Korean (010-1234-5678) or international with +country code",
                    maxLength = 30, example = "010-1234-5678") @Size(max = 30) String phone,
            @Schema(description = "Language of the party's notices; ko when absent", allowableValues = {"ko", "en"},
                    example = "ko") @Pattern(regexp = "ko|en", message = "must be ko or en") String language) {
    }

    @Schema(description = "A signatory institution")
    public record PartyRequest(
            @Schema(description = "The institution's name, unique within the agreement", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200,
                    example = "제주대학교") @NotBlank @Size(max = 200) String institution,
            @Schema(description = "Who signs for the institution", maxLength = 100, example = "강태호")
            @Size(max = 100) String representativeName,
            @Schema(description = "The representative's title", maxLength = 100, example = "총장")
            @Size(max = 100) String representativeTitle,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Valid ContactRequest contact,
            @Schema(description = "Signing step, for SEQUENTIAL agreements only (every party then has one)", minimum = "1",
                    maximum = "100", example = "1") @Min(1) @Max(100) Integer step) {
    }

    @Schema(description = "A new MOU, drafted (not yet circulated)")
    public record CreateAgreement(
            @Schema(description = "Title", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 300, example = "디지털 혁신 및 디지털플랫폼정부 실현을 위한 업무협약")
            @NotBlank @Size(max = 300) String title,
            @Schema(description = "Purpose", maxLength = 4000, example = "지역의 디지털 혁신과 디지털플랫폼정부 실현을 위한 협력")
            @Size(max = 4000) String purpose,
            @ArraySchema(arraySchema = @Schema(description = "The cooperation items, 1 to 50", requiredMode = Schema.RequiredMode.REQUIRED),
                    schema = @Schema(maxLength = 2000, example = "공동 정책 연구 및 연구개발"), minItems = 1, maxItems = 50)
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 2000) String> cooperationItems,
            @Schema(description = "PARALLEL (all at once, the default) or SEQUENTIAL (by step)") SigningOrder signingOrder,
            @Schema(description = "The forum event (registration-service) whose ceremony this MOU is signed at",
                    maxLength = 64, pattern = "[A-Za-z0-9._-]+", example = "0c6f1a52-2f7e-4f0e-9d55-3c1f0e2b7a10")
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be an event id") String forumEventId,
            @Schema(description = "The signing ceremony's session of that event", maxLength = 100)
            @Size(max = 100) String sessionId,
            @Schema(description = "First day in force", requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2023-02-06")
            @NotNull LocalDate effectiveDate,
            @Schema(description = "Term in months", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "600", example = "24")
            @NotNull @Min(1) @Max(600) Integer termMonths,
            @Schema(description = "Renews itself at the end of the term; false when absent", example = "false")
            Boolean autoRenew,
            @Schema(description = "The document's text (a PDF can be uploaded instead)", maxLength = 500_000,
                    example = "제1조(목적) 이 협약은 ...") @Size(max = 500_000) String documentText,
            @ArraySchema(arraySchema = @Schema(description = "The signatory institutions, 1 to 100", requiredMode = Schema.RequiredMode.REQUIRED), minItems = 1,
                    maxItems = 100)
            @NotEmpty @Size(max = 100) List<@NotNull @Valid PartyRequest> parties) {
    }

    /** Edits of the version being prepared; absent fields stay as they are. */
    @Schema(description = "Edits of the draft or of the version in negotiation; absent fields stay as they are")
    public record ReviseAgreement(
            @Schema(description = "Title", minLength = 1, maxLength = 300) @Size(min = 1, max = 300) String title,
            @Schema(description = "Purpose", maxLength = 4000) @Size(max = 4000) String purpose,
            @ArraySchema(arraySchema = @Schema(description = "The cooperation items (replace all)"),
                    schema = @Schema(maxLength = 2000), minItems = 1, maxItems = 50)
            @Size(min = 1, max = 50) List<@NotBlank @Size(max = 2000) String> cooperationItems,
            @Schema(description = "The document's text", minLength = 1, maxLength = 500_000)
            @Size(min = 1, max = 500_000) String documentText,
            @Schema(description = "PARALLEL or SEQUENTIAL") SigningOrder signingOrder,
            @Schema(description = "First day in force", format = "date", example = "2023-02-06") LocalDate effectiveDate,
            @Schema(description = "Term in months", minimum = "1", maximum = "600", example = "24")
            @Min(1) @Max(600) Integer termMonths,
            @Schema(description = "Renews itself at the end of the term") Boolean autoRenew,
            @ArraySchema(arraySchema = @Schema(description = "The signatory institutions (replace all)"), minItems = 1,
                    maxItems = 100)
            @Size(min = 1, max = 100) List<@NotNull @Valid PartyRequest> parties) {
    }

    @Schema(description = "An amendment of the MOU in force: the new version's changes; absent fields are kept")
    public record Amend(
            @Schema(description = "Title", minLength = 1, maxLength = 300) @Size(min = 1, max = 300) String title,
            @Schema(description = "Purpose", maxLength = 4000) @Size(max = 4000) String purpose,
            @ArraySchema(arraySchema = @Schema(description = "The cooperation items (replace all)"),
                    schema = @Schema(maxLength = 2000), minItems = 1, maxItems = 50)
            @Size(min = 1, max = 50) List<@NotBlank @Size(max = 2000) String> cooperationItems,
            @Schema(description = "The amended document's text", minLength = 1, maxLength = 500_000,
                    example = "제3조(유효기간) 이 협약은 체결일부터 3년간 효력을 가진다.")
            @Size(min = 1, max = 500_000) String documentText) {
    }

    @Schema(description = "A signature given on the party's behalf")
    public record Sign(
            @Schema(description = "Who signed", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100, example = "강태호") @NotBlank @Size(max = 100)
            String signerName,
            @Schema(description = "The signer's title", maxLength = 100, example = "총장") @Size(max = 100)
            String signerTitle) {
    }

    @Schema(description = "A party's decline")
    public record Decline(@Schema(description = "Why the party declines (sent to HQ)", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 2000,
            example = "제3조 문구 수정 필요") @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "A circulation's withdrawal")
    public record Withdraw(@Schema(description = "Why (told to the parties)", maxLength = 2000,
            example = "참여 기관 변경") @Size(max = 2000) String reason) {
    }

    @Schema(description = "A termination")
    public record Terminate(@Schema(description = "Why the MOU ends early (told to the parties)", requiredMode = Schema.RequiredMode.REQUIRED,
            maxLength = 2000, example = "협력 사업 종료") @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "A renewal")
    public record Renew(@Schema(description = "The new term in months; the current term's length when absent",
            minimum = "1", maximum = "600", example = "24") @Min(1) @Max(600) Integer termMonths) {
    }
}
