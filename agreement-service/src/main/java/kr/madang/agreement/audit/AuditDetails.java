package kr.madang.agreement.audit;

import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.AgreementEvent;
import kr.madang.agreement.mou.Party;

/** A line a person reads in the history: what changed, in words. */
final class AuditDetails {

    private AuditDetails() {
    }

    static String describe(Agreement a, AgreementEvent event) {
        return switch (event) {
            case AgreementEvent.Drafted d -> "drafted with " + a.parties().size() + " parties, " + a.signingOrder()
                    + " signing";
            case AgreementEvent.DraftEdited d -> "version " + d.version() + " edited before circulation (document "
                    + sha(a.version(d.version()).documentSha256()) + ")";
            case AgreementEvent.NewVersion v -> (v.amendment() ? "amendment: " : "revision: ") + "version "
                    + v.version() + " replaces version " + v.previousVersion() + " (document "
                    + sha(a.version(v.version()).documentSha256()) + ")";
            case AgreementEvent.Circulated c -> "version " + c.version() + " circulated to step " + c.step() + " ("
                    + c.recipientIds().size() + " parties)";
            case AgreementEvent.AccessionOpened o -> institution(a, o.partyId()) + " invited to accede";
            case AgreementEvent.Signed s -> institution(a, s.signature().partyId()) + " signed version "
                    + s.signature().version() + " by " + s.signature().signerName()
                    + (s.signature().signerTitle() == null ? "" : " (" + s.signature().signerTitle() + ")")
                    + ", document " + sha(s.signature().documentSha256());
            case AgreementEvent.Declined d -> d.party().institution() + " declined version " + d.version()
                    + (d.accession() ? " (accession)" : "");
            case AgreementEvent.Withdrawn w -> "circulation of version " + w.version()
                    + (w.expired() ? " expired" : " withdrawn");
            case AgreementEvent.SigningReminderDue r -> "signing reminder " + r.number() + " to "
                    + r.recipientIds().size() + " parties";
            case AgreementEvent.Executed x -> "version " + x.version() + " executed by every party"
                    + (x.amendment() ? " (amendment in force)" : "");
            case AgreementEvent.Acceded x -> institution(a, x.partyId()) + " acceded";
            case AgreementEvent.Activated x -> "in force from " + a.termStart() + " to " + a.endDate();
            case AgreementEvent.Expiring x -> x.daysLeft() + " days left (ends " + a.endDate() + ")";
            case AgreementEvent.Expired x -> "expired after " + a.endDate();
            case AgreementEvent.Renewed r -> "renewed from " + r.termStart() + " to " + r.endDate();
            case AgreementEvent.Terminated t -> "terminated";
            case AgreementEvent.CeremonyChanged c -> "signing ceremony " + c.change().toLowerCase();
        };
    }

    private static String institution(Agreement a, String partyId) {
        return a.parties().stream().filter(p -> p.id().equals(partyId)).map(Party::institution).findFirst()
                .orElse("party " + partyId);
    }

    private static String sha(String sha) {
        return sha == null ? "none" : sha;
    }
}
