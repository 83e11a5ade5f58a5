package kr.madang.agreement.signing;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kr.madang.agreement.lifecycle.AgreementLifecycle;
import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.Party;
import kr.madang.agreement.mou.Signature;
import kr.madang.agreement.mou.Version;
import kr.madang.agreement.store.Documents;
import kr.madang.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import kr.madang.agreement.api.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a party does through its own signing link, without an account: read the version it is asked to sign (and
 * nothing of other parties but their names and whether they signed), download the document, sign or decline.
 */
@RestController
@Tag(name = "Signing links", description = "A party's own page of the MOU, behind the signed link of its email (no account)")
@SecurityRequirements
@RequestMapping("/api/signing/{token}")
public class SigningLinkController {

    @io.swagger.v3.oas.annotations.media.Schema(description = "The representative's signature")
    public record SignRequest(
            @io.swagger.v3.oas.annotations.media.Schema(description = "Who signs", requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                    maxLength = 100, example = "강태호") @NotBlank @Size(max = 100) String signerName,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The signer's title", maxLength = 100,
                    example = "총장") @Size(max = 100) String signerTitle) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "The party's decline")
    public record DeclineRequest(@io.swagger.v3.oas.annotations.media.Schema(description = "Why (sent to HQ)",
            requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED, maxLength = 2000,
            example = "제3조 문구 수정 필요") @NotBlank @Size(max = 2000) String reason) {
    }

    public record OtherParty(String institution, boolean signed) {
    }

    public record PartyAgreementView(String agreementId, String title, String purpose, List<String> cooperationItems,
                                     int version, String documentType, String documentSha256,
                                     String contentSha256, String documentUrl,
                                     String state, String institution, String representativeName,
                                     String representativeTitle, int step,
                                     String status, Signature signature, java.time.Instant linkExpiresAt,
                                     List<OtherParty> parties) {
    }

    private final SigningLinks links;
    private final AgreementLifecycle lifecycle;
    private final Documents documents;
    private final Clock clock;

    public SigningLinkController(SigningLinks links, AgreementLifecycle lifecycle, Documents documents, Clock clock) {
        this.links = links;
        this.lifecycle = lifecycle;
        this.documents = documents;
        this.clock = clock;
    }

    @Operation(summary = "What the link's party is asked to sign: the version, its hashes, and the other parties' progress")
    @Problems({404, 410})
    @GetMapping
    public PartyAgreementView view(@PathVariable String token) {
        SigningLinks.Grant grant = grant(token);
        Agreement a = lifecycle.find(grant.agreementId()).orElseThrow(SigningLinkController::invalid);
        Party party = partyOf(a, grant);
        Version v = a.version(grant.version());
        Signature signature = v.signatureOf(party.id()).orElse(null);
        String status = signature != null ? "SIGNED"
                : a.versionToSign(party.id()).map(Version::number).filter(n -> n == grant.version()).isPresent()
                ? "TO_SIGN" : v.declineOf(party.id()).isPresent() ? "DECLINED" : "CLOSED";
        var doc = v.content().document();
        return new PartyAgreementView(a.id(), v.content().title(), v.content().purpose(), v.content().cooperationItems(),
                v.number(), doc == null ? null : doc.kind().name(), v.documentSha256(),
                // what the party signs now, or what it signed
                signature != null ? signature.contentSha256() : "TO_SIGN".equals(status)
                        ? a.signedContentSha256(party.id()).orElse(null) : null,
                "/api/signing/" + token + "/document", a.state().name(), party.institution(),
                party.representativeName(), party.representativeTitle(), party.step(), status, signature, grant.expiresAt(),
                a.parties().stream().filter(p -> !p.id().equals(party.id()))
                        .map(p -> new OtherParty(p.institution(), v.signatureOf(p.id()).isPresent())).toList());
    }

    @Operation(summary = "The version's document as a file (Content-Disposition: attachment)")
    @Problems({404, 410})
    @GetMapping("/document")
    public ResponseEntity<byte[]> document(@PathVariable String token) {
        SigningLinks.Grant grant = grant(token);
        Agreement a = lifecycle.find(grant.agreementId()).orElseThrow(SigningLinkController::invalid);
        partyOf(a, grant);
        Version v = a.version(grant.version());
        var doc = v.content().document();
        if (doc.kind() == kr.madang.agreement.mou.Document.Kind.TEXT) {
            return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, kr.madang.agreement.api.AgreementController.attachment(v,
                            kr.madang.agreement.api.AgreementController.textFileName(v), "txt"))
                    .body(doc.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        var pdf = documents.find(a.id(), v.number()).orElseThrow(SigningLinkController::invalid);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, kr.madang.agreement.api.AgreementController.attachment(v, doc.fileName(), "pdf"))
                .body(pdf.content());
    }

    /** Signs the version the link is for. A second signature through the same link answers the first one. */
    @Operation(summary = "Sign the link's version, as the institution's representative")
    @Problems({400, 404, 409, 410})
    @PostMapping("/sign")
    public Signature sign(@PathVariable String token, @Valid @RequestBody SignRequest request) {
        SigningLinks.Grant grant = grant(token);
        return lifecycle.change(grant.agreementId(), (a, now) -> {
            Party party = partyOf(a, grant);
            var earlier = a.version(grant.version()).signatureOf(party.id());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            requireCurrent(a, party, grant);
            return a.sign(party.id(), request.signerName().strip(),
                    request.signerTitle() == null || request.signerTitle().isBlank() ? null : request.signerTitle().strip(),
                    now, "party:" + party.id());
        });
    }

    @Operation(summary = "Decline the link's version, with a reason (the MOU returns to negotiation)")
    @Problems({400, 404, 409, 410})
    @PostMapping("/decline")
    public Map<String, Object> decline(@PathVariable String token, @Valid @RequestBody DeclineRequest request) {
        SigningLinks.Grant grant = grant(token);
        return lifecycle.change(grant.agreementId(), (a, now) -> {
            Party party = partyOf(a, grant);
            requireCurrent(a, party, grant);
            var decline = a.decline(party.id(), request.reason().strip(), now, "party:" + party.id());
            return Map.<String, Object>of("partyId", decline.partyId(), "version", decline.version(),
                    "declinedAt", decline.declinedAt(), "state", a.state().name());
        });
    }

    private SigningLinks.Grant grant(String token) {
        SigningLinks.Grant grant = links.read(token).orElseThrow(SigningLinkController::invalid);
        if (!clock.instant().isBefore(grant.expiresAt())) {
            throw new ApiProblem(HttpStatus.GONE, "Signing link expired",
                    "this signing link expired; ask the secretariat for a new one", null)
                    .with("expiredAt", grant.expiresAt());
        }
        return grant;
    }

    private static Party partyOf(Agreement a, SigningLinks.Grant grant) {
        return a.parties().stream().filter(p -> p.id().equals(grant.partyId())).findFirst()
                .filter(p -> grant.version() <= a.versions().size())
                .orElseThrow(SigningLinkController::invalid);
    }

    private static void requireCurrent(Agreement a, Party party, SigningLinks.Grant grant) {
        boolean current = a.versionToSign(party.id()).map(Version::number).filter(n -> n == grant.version()).isPresent();
        if (!current && grant.version() != a.currentVersion().number()) {
            throw new ApiProblem(HttpStatus.GONE, "Version superseded", "this link is for version " + grant.version()
                    + ", which is no longer the one to sign; a link to the new version is sent when it circulates", null)
                    .with("currentVersion", a.currentVersion().number());
        }
    }

    private static ApiProblem invalid() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Invalid signing link", "this signing link is not valid", "token");
    }
}
