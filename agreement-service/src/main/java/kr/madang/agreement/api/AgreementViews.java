package kr.madang.agreement.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.AgreementAction;
import kr.madang.agreement.mou.Contact;
import kr.madang.agreement.mou.Decline;
import kr.madang.agreement.mou.Party;
import kr.madang.agreement.mou.PartyStatus;
import kr.madang.agreement.mou.Signature;
import kr.madang.agreement.mou.Version;

/** What the API answers about agreements. Contacts are shown in full to HQ only, masked to regional offices. */
public final class AgreementViews {

    private AgreementViews() {
    }

    public record AgreementView(String id, String state, String amendment, String title, String purpose,
                                List<String> cooperationItems, String signingOrder, String forumEventId,
                                String sessionId, LocalDate effectiveDate, int termMonths, boolean autoRenew,
                                LocalDate termStart, LocalDate endDate, int renewals, int currentVersion,
                                Integer inForceVersion, DocumentView document, Integer openStep,
                                Instant circulationDeadline, List<PartyView> parties, List<VersionView> versions,
                                List<String> allowedActions, String terminationReason, String ceremonyChange,
                                Instant createdAt) {
    }

    public record DocumentView(String type, String sha256, long sizeBytes, String fileName) {
    }

    public record PartyView(String id, String institution, String representativeName, String representativeTitle,
                            int step, String status, ContactView contact, SignatureView signature,
                            DeclineView decline) {
    }

    public record ContactView(String name, String email, String phone, String language) {
    }

    public record SignatureView(String partyId, int version, String signerName, String signerTitle, Instant signedAt,
                                String documentSha256, String via, String contentSha256) {
    }

    public record DeclineView(String partyId, int version, String reason, Instant declinedAt) {
    }

    public record VersionView(int number, String title, DocumentView document, Instant createdAt, Instant circulatedAt,
                              Instant executedAt, boolean inForce, int signatures) {
    }

    public record VersionDetail(int number, String title, String purpose, List<String> cooperationItems,
                                DocumentView document, String documentText, Instant createdAt, Instant circulatedAt,
                                Instant executedAt, boolean inForce, List<SignatureView> signatures,
                                List<DeclineView> declines) {
    }

    public record AgreementSummaryView(String id, String title, String state, String amendment, String forumEventId,
                                       LocalDate effectiveDate, LocalDate endDate, int parties, int signedCurrent,
                                       int currentVersion, Integer inForceVersion) {
    }

    public static AgreementView of(Agreement a, boolean fullContacts) {
        Version current = a.currentVersion();
        List<PartyView> parties = a.parties().stream().map(p -> party(a, p, fullContacts)).toList();
        return new AgreementView(a.id(), a.state().name(), a.amendment().name(), current.content().title(),
                current.content().purpose(), current.content().cooperationItems(), a.signingOrder().name(),
                a.forumEventId(), a.sessionId(), a.terms().effectiveDate(), a.terms().termMonths(),
                a.terms().autoRenew(), a.termStart(), a.endDate(), a.renewals(), current.number(),
                a.inForce().map(Version::number).orElse(null), document(current),
                a.circulation() == null ? null : a.circulation().step(),
                a.circulation() == null ? null : a.circulation().deadline(), parties,
                a.versions().stream().map(v -> version(a, v)).toList(),
                a.allowedActions().stream().map(AgreementAction::apiName).toList(), a.terminationReason(),
                a.ceremonyChange(), a.createdAt());
    }

    public static AgreementSummaryView summary(Agreement a) {
        Version current = a.currentVersion();
        return new AgreementSummaryView(a.id(), current.content().title(), a.state().name(), a.amendment().name(),
                a.forumEventId(), a.termStart() != null ? a.termStart() : a.terms().effectiveDate(), a.endDate(),
                a.members().size(), current.signatures().size(), current.number(),
                a.inForce().map(Version::number).orElse(null));
    }

    public static VersionDetail detail(Agreement a, Version v) {
        return new VersionDetail(v.number(), v.content().title(), v.content().purpose(), v.content().cooperationItems(),
                document(v), v.content().document() == null ? null : v.content().document().text(), v.createdAt(),
                v.circulatedAt(), v.executedAt(), a.inForce().map(f -> f.number() == v.number()).orElse(false),
                v.signatures().stream().map(AgreementViews::signature).toList(),
                v.declines().stream().map(AgreementViews::decline).toList());
    }

    static PartyView party(Agreement a, Party p, boolean fullContacts) {
        Version relevant = p.status() == PartyStatus.ACCEDING ? a.inForce().orElse(a.currentVersion()) : a.currentVersion();
        return new PartyView(p.id(), p.institution(), p.representativeName(), p.representativeTitle(), p.step(),
                p.status().name(), contact(p.contact(), fullContacts),
                relevant.signatureOf(p.id()).map(AgreementViews::signature).orElse(null),
                relevant.declineOf(p.id()).map(AgreementViews::decline).orElse(null));
    }

    static ContactView contact(Contact c, boolean full) {
        if (c == null) {
            return null;
        }
        return full ? new ContactView(c.name(), c.email(), c.phone(), c.language())
                : new ContactView(null, maskEmail(c.email()), maskPhone(c.phone()), c.language());
    }

    static SignatureView signature(Signature s) {
        return new SignatureView(s.partyId(), s.version(), s.signerName(), s.signerTitle(), s.signedAt(),
                s.documentSha256(), s.via(), s.contentSha256());
    }

    static DeclineView decline(Decline d) {
        return new DeclineView(d.partyId(), d.version(), d.reason(), d.declinedAt());
    }

    static VersionView version(Agreement a, Version v) {
        return new VersionView(v.number(), v.content().title(), document(v), v.createdAt(), v.circulatedAt(),
                v.executedAt(), a.inForce().map(f -> f.number() == v.number()).orElse(false), v.signatures().size());
    }

    static DocumentView document(Version v) {
        var d = v.content().document();
        return d == null ? null : new DocumentView(d.kind().name(), d.sha256(), d.sizeBytes(), d.fileName());
    }

    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.substring(0, Math.min(2, at)) + "***" + email.substring(at);
    }

    static String maskPhone(String phone) {
        return phone == null || phone.length() < 4 ? null : "***" + phone.substring(phone.length() - 2);
    }
}
