package kr.madang.agreement.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kr.madang.agreement.api.AgreementRequests.Amend;
import kr.madang.agreement.api.AgreementRequests.CreateAgreement;
import kr.madang.agreement.api.AgreementRequests.Decline;
import kr.madang.agreement.api.AgreementRequests.PartyRequest;
import kr.madang.agreement.api.AgreementRequests.Renew;
import kr.madang.agreement.api.AgreementRequests.ReviseAgreement;
import kr.madang.agreement.api.AgreementRequests.Sign;
import kr.madang.agreement.api.AgreementRequests.Terminate;
import kr.madang.agreement.api.AgreementRequests.Withdraw;
import kr.madang.agreement.api.AgreementViews.AgreementSummaryView;
import kr.madang.agreement.api.AgreementViews.AgreementView;
import kr.madang.agreement.api.AgreementViews.PartyView;
import kr.madang.agreement.api.AgreementViews.SignatureView;
import kr.madang.agreement.api.AgreementViews.VersionDetail;
import kr.madang.agreement.audit.AuditTrail;
import kr.madang.agreement.lifecycle.AgreementLifecycle;
import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.AgreementState;
import kr.madang.agreement.mou.Contact;
import kr.madang.agreement.mou.Content;
import kr.madang.agreement.mou.DraftSpec;
import kr.madang.agreement.mou.LifecyclePolicy;
import kr.madang.agreement.mou.PartySpec;
import kr.madang.agreement.mou.Revision;
import kr.madang.agreement.mou.SigningOrder;
import kr.madang.agreement.mou.Terms;
import kr.madang.agreement.mou.Version;
import kr.madang.agreement.signing.SigningGrants;
import kr.madang.agreement.store.Documents;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agreement API: HQ drafts, circulates, signs on a party's behalf, amends, admits accessions, renews, ends. */
@RestController
@Tag(name = "Agreements", description = "The MOU lifecycle, for HQ (and regional offices, read only)")
@RequestMapping("/api/agreements")
@Validated
public class AgreementController {

    static final int MAX_PDF_BYTES = 20 * 1024 * 1024;

    private final AgreementLifecycle lifecycle;
    private final AgreementAccess access;
    private final AuditTrail audit;
    private final Documents documents;
    private final SigningGrants grants;
    private final LifecyclePolicy policy;
    private final JdbcClient jdbc;

    public AgreementController(AgreementLifecycle lifecycle, AgreementAccess access, AuditTrail audit,
                               Documents documents, SigningGrants grants, LifecyclePolicy policy, JdbcClient jdbc) {
        this.lifecycle = lifecycle;
        this.access = access;
        this.audit = audit;
        this.documents = documents;
        this.grants = grants;
        this.policy = policy;
        this.jdbc = jdbc;
    }

    // ---- drafting ------------------------------------------------------------------------------------------------

    @Operation(summary = "Draft a new MOU (HQ); its parties, terms, cooperation items and document text")
    @Problems({400, 422})
    @PostMapping
    public ResponseEntity<AgreementView> create(@Valid @RequestBody CreateAgreement request,
                                                @io.swagger.v3.oas.annotations.Parameter(description = "1 to 200 "
                                                        + "characters; the same key and body answer the first result",
                                                        example = "jeju-mou-2023")
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        access.requireHq(user);
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw ApiProblem.badField("Idempotency-Key", "must be 1 to 200 characters");
        }
        SigningOrder order = request.signingOrder() == null ? SigningOrder.PARALLEL : request.signingOrder();
        List<PartySpec> parties = parties(request.parties(), order, "parties");
        String documentText = blankToNull(request.documentText());
        DraftSpec spec = new DraftSpec(
                new Content(request.title().strip(), blankToNull(request.purpose()), strip(request.cooperationItems()),
                        documentText == null ? null : kr.madang.agreement.mou.Document.text(documentText)),
                order, parties, blankToNull(request.forumEventId()), blankToNull(request.sessionId()),
                new Terms(request.effectiveDate(), request.termMonths(), Boolean.TRUE.equals(request.autoRenew())));
        String hash = kr.madang.agreement.mou.Document.sha256(request.toString().getBytes(StandardCharsets.UTF_8));
        var created = lifecycle.create(spec, actor(user), key, hash);
        AgreementView view = AgreementViews.of(created.agreement(), true);
        return ResponseEntity.status(created.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/agreements/" + view.id())).body(view);
    }

    /** Edits the version being prepared (a draft, a version under negotiation, or an amendment). */
    @Operation(summary = "Edit the draft (or the version in negotiation); absent fields stay as they are")
    @Problems({400, 404, 409})
    @PutMapping("/{id}")
    public AgreementView revise(@PathVariable String id, @Valid @RequestBody ReviseAgreement request,
                                Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        access.requireHq(user);
        List<PartySpec> parties = null;
        if (request.parties() != null) {
            SigningOrder order = request.signingOrder();
            parties = parties(request.parties(), order, "parties");
        }
        List<PartySpec> newParties = parties;
        Agreement changed = lifecycle.change(id, (a, now) -> {
            Terms terms = null;
            if (request.effectiveDate() != null || request.termMonths() != null || request.autoRenew() != null) {
                Terms old = a.terms();
                terms = new Terms(request.effectiveDate() != null ? request.effectiveDate() : old.effectiveDate(),
                        request.termMonths() != null ? request.termMonths() : old.termMonths(),
                        request.autoRenew() != null ? request.autoRenew() : old.autoRenew());
            }
            if (newParties != null && request.signingOrder() == null && a.signingOrder() == SigningOrder.PARALLEL) {
                newParties.forEach(p -> {
                    if (p.step() != null) {
                        throw ApiProblem.badField("parties", "steps are for SEQUENTIAL signing; this agreement signs in parallel");
                    }
                });
            }
            String text = blankToNull(request.documentText());
            a.revise(new Revision(request.title() == null ? null : request.title().strip(),
                    request.purpose(), request.cooperationItems() == null ? null : strip(request.cooperationItems()),
                    text == null ? null : kr.madang.agreement.mou.Document.text(text), terms, request.signingOrder(),
                    newParties), now, actor(user));
            return a;
        });
        return AgreementViews.of(changed, true);
    }

    /** Uploads the PDF of the version being prepared; its SHA-256 is what the parties will sign. */
    @Operation(summary = "Upload the version's document as a PDF (replaces its text), at most 20 MB",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The PDF's bytes", content = @io.swagger.v3.oas.annotations.media.Content(
                    mediaType = "application/pdf", schema = @io.swagger.v3.oas.annotations.media.Schema(
                    type = "string", format = "binary"))))
    @Problems({400, 404, 409, 413, 415})
    @PutMapping(path = "/{id}/document", consumes = MediaType.APPLICATION_PDF_VALUE)
    public AgreementView uploadPdf(@PathVariable String id, InputStream body,
                                   @io.swagger.v3.oas.annotations.Parameter(description = "The file name shown "
                                           + "on downloads (a plain name, at most 200 characters)", example = "협약서.pdf")
                                   @RequestParam(name = "fileName", required = false) String fileName,
                                   Authentication auth) throws IOException {
        CurrentUser user = CurrentUser.of(auth);
        access.requireHq(user);
        byte[] pdf = body.readNBytes(MAX_PDF_BYTES + 1);
        if (pdf.length > MAX_PDF_BYTES) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Document too large",
                    "the PDF may be at most " + MAX_PDF_BYTES / (1024 * 1024) + " MB", "body");
        }
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw ApiProblem.badField("body", "is not a PDF document");
        }
        if (fileName != null && (fileName.length() > 200 || !fileName.matches("[^/\\\\\\p{Cntrl}]+"))) {
            throw ApiProblem.badField("fileName", "must be a plain file name of at most 200 characters");
        }
        var document = kr.madang.agreement.mou.Document.pdf(fileName == null ? "agreement.pdf" : fileName, pdf);
        Agreement changed = lifecycle.change(id, (a, now) -> {
            if (a.state().inForce() && a.amendment() == kr.madang.agreement.mou.AmendmentStatus.NONE) {
                a.amend(Revision.document(document), now, actor(user));
            } else {
                a.revise(Revision.document(document), now, actor(user));
            }
            documents.save(a.id(), a.currentVersion().number(), document.fileName(), document.sha256(), pdf);
            return a;
        });
        return AgreementViews.of(changed, true);
    }

    // ---- circulation and signing ---------------------------------------------------------------------------------

    @Operation(summary = "Circulate the current version for signature: each party (or the first step) gets its signing link")
    @Problems({404, 409})
    @PostMapping("/{id}/circulate")
    public AgreementView circulate(@PathVariable String id, Authentication auth) {
        CurrentUser user = hq(auth);
        return AgreementViews.of(lifecycle.change(id, (a, now) -> {
            a.circulate(now, actor(user), policy);
            return a;
        }), true);
    }

    @Operation(summary = "Withdraw a circulation (back to negotiation), with an optional reason")
    @Problems({400, 404, 409})
    @PostMapping("/{id}/withdraw")
    public AgreementView withdraw(@PathVariable String id, @Valid @RequestBody(required = false) Withdraw request,
                                  Authentication auth) {
        CurrentUser user = hq(auth);
        String reason = request == null || blankToNull(request.reason()) == null ? "withdrawn by HQ" : request.reason();
        return AgreementViews.of(lifecycle.change(id, (a, now) -> {
            a.withdraw(reason, now, actor(user));
            return a;
        }), true);
    }

    /** HQ records a party's signature (e.g. given on paper at the ceremony). Signing twice answers the first. */
    @Operation(summary = "Record a party's signature on its behalf (HQ, e.g. signed on paper at the ceremony)")
    @Problems({400, 404, 409})
    @PostMapping("/{id}/parties/{partyId}/signature")
    public SignatureView sign(@PathVariable String id, @PathVariable String partyId, @Valid @RequestBody Sign request,
                              Authentication auth) {
        CurrentUser user = hq(auth);
        return AgreementViews.signature(lifecycle.change(id, (a, now) ->
                a.sign(partyId, request.signerName().strip(), blankToNull(request.signerTitle()), now, actor(user))));
    }

    @Operation(summary = "Record a party's decline on its behalf, with its reason; the MOU returns to negotiation")
    @Problems({400, 404, 409})
    @PostMapping("/{id}/parties/{partyId}/decline")
    public AgreementView decline(@PathVariable String id, @PathVariable String partyId,
                                 @Valid @RequestBody Decline request, Authentication auth) {
        CurrentUser user = hq(auth);
        return AgreementViews.of(lifecycle.change(id, (a, now) -> {
            a.decline(partyId, request.reason().strip(), now, actor(user));
            return a;
        }), true);
    }

    /** A fresh signing link for a party that is asked to sign now (e.g. when its email was lost). */
    @Operation(summary = "A party's current signing link (HQ copies it when the email was lost)")
    @Problems({404, 409})
    @GetMapping("/{id}/parties/{partyId}/signing-link")
    public Map<String, Object> signingLink(@PathVariable String id, @PathVariable String partyId, Authentication auth) {
        hq(auth);
        Agreement a = load(id);
        var grant = grants.grantFor(a, a.party(partyId)).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT,
                "Nothing to sign", "this party has nothing to sign now", "partyId"));
        return Map.of("partyId", partyId, "version", grant.version(), "expiresAt", grant.expiresAt(),
                "url", grants.urlFor(a, a.party(partyId)).orElseThrow());
    }

    /** Emails a party that is asked to sign its current signing link again (e.g. when the first email was lost). */
    @Operation(summary = "Email a party its current signing link again")
    @Problems({404, 409})
    @PostMapping("/{id}/parties/{partyId}/signing-link/resend")
    public AgreementView resendSigningLink(@PathVariable String id, @PathVariable String partyId, Authentication auth) {
        CurrentUser user = hq(auth);
        return AgreementViews.of(lifecycle.change(id, (a, now) -> {
            a.resendSigningLink(partyId, now, actor(user));
            return a;
        }), true);
    }

    /**
     * Sends an acceding institution its invitation again: a new email with a link valid for a full window from now.
     * (Parties of a circulation get theirs from the circulation; HQ can copy it with GET signing-link.)
     */
    @Operation(summary = "Send an acceding institution its invitation again, with a link valid from now")
    @Problems({404, 409})
    @PostMapping("/{id}/parties/{partyId}/invitation")
    public AgreementView reopenAccession(@PathVariable String id, @PathVariable String partyId, Authentication auth) {
        CurrentUser user = hq(auth);
        return AgreementViews.of(lifecycle.change(id, (a, now) -> {
            a.reopenAccession(partyId, now, actor(user));
            return a;
        }), true);
    }

    // ---- agreements in force -------------------------------------------------------------------------------------

    @Operation(summary = "Amend an MOU in force: a new version to be signed by every party")
    @Problems({400, 404, 409})
    @PostMapping("/{id}/amendments")
    public ResponseEntity<AgreementView> amend(@PathVariable String id, @Valid @RequestBody Amend request,
                                               Authentication auth) {
        CurrentUser user = hq(auth);
        String text = blankToNull(request.documentText());
        Agreement a = lifecycle.change(id, (agreement, now) -> {
            agreement.amend(new Revision(request.title() == null ? null : request.title().strip(), request.purpose(),
                    request.cooperationItems() == null ? null : strip(request.cooperationItems()),
                    text == null ? null : kr.madang.agreement.mou.Document.text(text), null, null, null),
                    now, actor(user));
            return agreement;
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(AgreementViews.of(a, true));
    }

    @Operation(summary = "Invite a new institution to accede to the MOU in force")
    @Problems({400, 404, 409})
    @PostMapping("/{id}/accessions")
    public ResponseEntity<PartyView> accede(@PathVariable String id, @Valid @RequestBody PartyRequest request,
                                            Authentication auth) {
        CurrentUser user = hq(auth);
        if (request.step() != null) {
            throw ApiProblem.badField("step", "an acceding institution signs after the existing parties; leave step out");
        }
        PartySpec spec = party(request, "");
        Agreement[] holder = new Agreement[1];
        var party = lifecycle.change(id, (a, now) -> {
            holder[0] = a;
            return a.accede(spec, now, actor(user));
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(AgreementViews.party(holder[0], party, true));
    }

    @Operation(summary = "Renew for another term (by default of the same length)")
    @Problems({400, 404, 409})
    @PostMapping("/{id}/renew")
    public AgreementView renew(@PathVariable String id, @Valid @RequestBody(required = false) Renew request,
                               Authentication auth) {
        CurrentUser user = hq(auth);
        return AgreementViews.of(lifecycle.change(id, (a, now) -> {
            a.renew(request == null ? null : request.termMonths(), now, actor(user));
            return a;
        }), true);
    }

    @Operation(summary = "Terminate the MOU, with its reason")
    @Problems({400, 404, 409})
    @PostMapping("/{id}/terminate")
    public AgreementView terminate(@PathVariable String id, @Valid @RequestBody Terminate request,
                                   Authentication auth) {
        CurrentUser user = hq(auth);
        return AgreementViews.of(lifecycle.change(id, (a, now) -> {
            a.terminate(request.reason().strip(), now, actor(user));
            return a;
        }), true);
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    @Operation(summary = "Agreements, newest first, optionally of one state or forum event")
    @Problems({400})
    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) AgreementState state,
                                    @RequestParam(required = false) String forumEventId,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                                    Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        access.requireReader(user);
        StringBuilder where = new StringBuilder(" where true");
        if (state != null) {
            where.append(" and a.state = :state");
        }
        if (forumEventId != null) {
            where.append(" and a.forum_event_id = :forumEventId");
        }
        if (!user.isHq()) {
            where.append(" and a.forum_event_id in (select id from forum_event where region = :region)");
        }
        var count = jdbc.sql("select count(*) from agreement a" + where);
        var rows = jdbc.sql("select a.id from agreement a" + where
                + " order by a.created_at desc, a.id limit :size offset :offset");
        if (state != null) {
            count = count.param("state", state.name());
            rows = rows.param("state", state.name());
        }
        if (forumEventId != null) {
            count = count.param("forumEventId", forumEventId);
            rows = rows.param("forumEventId", forumEventId);
        }
        if (!user.isHq()) {
            count = count.param("region", user.region() == null ? "" : user.region());
            rows = rows.param("region", user.region() == null ? "" : user.region());
        }
        long total = count.query(Long.class).single();
        List<AgreementSummaryView> items = new ArrayList<>();
        for (UUID rowId : rows.param("size", size).param("offset", (long) page * size).query(UUID.class).list()) {
            lifecycle.find(rowId.toString()).ifPresent(a -> items.add(AgreementViews.summary(a)));
        }
        return Map.of("items", items, "page", page, "size", size, "total", total);
    }

    @Operation(summary = "One agreement: its parties with their progress, versions and allowed actions")
    @Problems({404})
    @GetMapping("/{id}")
    public AgreementView get(@PathVariable String id, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return AgreementViews.of(access.readable(user, load(id)), user.isHq());
    }

    @Operation(summary = "One version: its content, document, signatures and declines")
    @Problems({404})
    @GetMapping("/{id}/versions/{number}")
    public VersionDetail version(@PathVariable String id, @PathVariable int number, Authentication auth) {
        Agreement a = access.readable(CurrentUser.of(auth), load(id));
        return AgreementViews.detail(a, versionOf(a, number));
    }

    @Operation(summary = "A version's document as a file (Content-Disposition: attachment)")
    @Problems({404})
    @GetMapping("/{id}/versions/{number}/document")
    public ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable int number, Authentication auth) {
        Agreement a = access.readable(CurrentUser.of(auth), load(id));
        return documentResponse(a, versionOf(a, number), documents);
    }

    /** Every change, oldest first, and whether the hash chain still holds (an edited entry breaks it). */
    @Operation(summary = "The audit history, oldest first, and whether its hash chain is intact")
    @Problems({404})
    @GetMapping("/{id}/history")
    public Map<String, Object> history(@PathVariable String id, Authentication auth) {
        Agreement a = access.readable(CurrentUser.of(auth), load(id));
        AuditTrail.Chain read = audit.read(a.id());
        List<AuditTrail.Entry> entries = read.entries();
        AuditTrail.Verification verification = read.verification();
        Map<String, Object> chain = new java.util.LinkedHashMap<>();
        chain.put("intact", verification.intact());
        chain.put("anchored", verification.anchored());
        if (!verification.intact()) {
            chain.put("brokenAt", verification.brokenAt());
            chain.put("problem", verification.problem());
        }
        return Map.of("agreementId", a.id(), "items", entries, "chain", chain);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static ResponseEntity<byte[]> documentResponse(Agreement a, Version v, Documents documents) {
        var doc = v.content().document();
        if (doc == null) {
            throw ApiProblem.notFound("the document of version " + v.number());
        }
        if (doc.kind() == kr.madang.agreement.mou.Document.Kind.TEXT) {
            return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .eTag("\"" + doc.sha256() + "\"").header(HttpHeaders.CONTENT_DISPOSITION, attachment(v, textFileName(v), "txt"))
                    .body(doc.text().getBytes(StandardCharsets.UTF_8));
        }
        var pdf = documents.find(a.id(), v.number()).orElseThrow(() -> ApiProblem.notFound("the PDF of version " + v.number()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).eTag("\"" + pdf.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(v, doc.fileName(), "pdf")).body(pdf.content());
    }

    /**
     * A text document is downloaded as its own bytes (they hash to the SHA-256 shown and signed), named after the
     * version's title: "디지털 혁신 … 업무협약 v1.txt".
     */
    public static String textFileName(Version v) {
        String title = v.content().title() == null ? "" : v.content().title()
                .replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ").replaceAll("\\s+", " ").strip();
        if (title.length() > 150) {
            title = title.substring(0, 150).strip();
        }
        return title.isEmpty() ? null : title + " v" + v.number() + ".txt";
    }

    /** The document is downloaded as a file ("협약서 내려받기"), not opened as a page. */
    public static String attachment(Version v, String uploadedName, String extension) {
        String fallback = "agreement-v" + v.number() + "." + extension;
        if (uploadedName == null || uploadedName.isBlank()) {
            return ContentDisposition.attachment().filename(fallback).build().toString();
        }
        // the uploaded name (often Korean) as RFC 5987 filename*, with an ASCII name for old clients
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(uploadedName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Agreement load(String id) {
        return lifecycle.find(id).orElseThrow(() -> ApiProblem.notFound("agreement " + id));
    }

    private static Version versionOf(Agreement a, int number) {
        if (number < 1 || number > a.versions().size()) {
            throw ApiProblem.notFound("version " + number + " of agreement " + a.id());
        }
        return a.version(number);
    }

    private CurrentUser hq(Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        access.requireHq(user);
        return user;
    }

    static String actor(CurrentUser user) {
        return "hq:" + user.subject();
    }

    private static List<PartySpec> parties(List<PartyRequest> requests, SigningOrder order, String field) {
        long withStep = requests.stream().filter(p -> p.step() != null).count();
        if (order != SigningOrder.SEQUENTIAL && withStep > 0) {
            throw ApiProblem.badField(field + "[" + indexOfStep(requests) + "].step",
                    "steps are for SEQUENTIAL signing; leave them out for PARALLEL");
        }
        if (withStep > 0 && withStep < requests.size()) {
            throw ApiProblem.badField(field + "[" + indexOfNoStep(requests) + "].step",
                    "give every party a step, or none (then they sign in the listed order)");
        }
        Set<String> institutions = new HashSet<>();
        List<PartySpec> specs = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            PartyRequest p = requests.get(i);
            if (!institutions.add(p.institution().strip())) {
                throw ApiProblem.badField(field + "[" + i + "].institution", "appears twice");
            }
            specs.add(party(p, field + "[" + i + "]."));
        }
        return specs;
    }

    private static PartySpec party(PartyRequest p, String prefix) {
        var c = p.contact();
        if (blankToNull(c.email()) == null && blankToNull(c.phone()) == null) {
            throw ApiProblem.badField(prefix + "contact", "needs an email or a phone for the party's notices");
        }
        String phone = null;
        if (blankToNull(c.phone()) != null) {
            phone = PhoneNumbers.toE164(c.phone()).orElseThrow(() ->
                    ApiProblem.badField(prefix + "contact.phone", "is not a phone number"));
        }
        String name = blankToNull(c.name()) != null ? c.name().strip()
                : blankToNull(p.representativeName()) != null ? p.representativeName().strip() : p.institution().strip();
        Contact contact = new Contact(name, blankToNull(c.email()), phone, c.language() == null ? "ko" : c.language());
        return new PartySpec(p.institution().strip(), blankToNull(p.representativeName()),
                blankToNull(p.representativeTitle()), contact, p.step());
    }

    private static int indexOfStep(List<PartyRequest> requests) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).step() != null) {
                return i;
            }
        }
        return 0;
    }

    private static int indexOfNoStep(List<PartyRequest> requests) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).step() == null) {
                return i;
            }
        }
        return 0;
    }

    private static List<String> strip(List<String> items) {
        return items.stream().map(String::strip).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
