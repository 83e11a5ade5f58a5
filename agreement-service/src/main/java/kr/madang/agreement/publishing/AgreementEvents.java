package kr.madang.agreement.publishing;

import java.util.List;
import java.util.Set;

import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.AgreementEvent;
import kr.madang.agreement.mou.AgreementEvent.Recorded;
import kr.madang.agreement.mou.Party;
import kr.madang.agreement.mou.Version;
import kr.madang.agreement.signing.SigningGrants;
import kr.madang.events.AgreementParty;
import kr.madang.events.AgreementSummary;
import kr.madang.events.Contact;
import kr.madang.events.EventHeader;
import kr.madang.events.Language;
import kr.madang.events.agreement.AgreementActivated;
import kr.madang.events.agreement.AgreementAmended;
import kr.madang.events.agreement.AgreementCirculated;
import kr.madang.events.agreement.AgreementDrafted;
import kr.madang.events.agreement.AgreementExecuted;
import kr.madang.events.agreement.AgreementExpired;
import kr.madang.events.agreement.AgreementExpiring;
import kr.madang.events.agreement.AgreementRenewed;
import kr.madang.events.agreement.AgreementTerminated;
import kr.madang.events.agreement.CirculationWithdrawn;
import kr.madang.events.agreement.PartyAcceded;
import kr.madang.events.agreement.PartyDeclined;
import kr.madang.events.agreement.PartySigned;
import kr.madang.events.agreement.SigningCeremonyChanged;
import kr.madang.events.agreement.SigningReminderDue;
import kr.madang.platform.outbox.Outbox;
import kr.madang.schemas.sealing.FieldSealer;
import kr.madang.schemas.Events;
import kr.madang.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces an agreement's changes on {@code madang.agreement.events} (key: agreement id) through the outbox, in the
 * transaction that stores them. Every event carries the parties with their contacts, so notification-service can write
 * to each; the parties asked to sign also get their own signing link.
 */
@Component
public class AgreementEvents {

    public static final String PRODUCER = "agreement-service";

    private final Outbox outbox;
    private final SigningGrants grants;
    private final FieldSealer sealer;

    public AgreementEvents(Outbox outbox, SigningGrants grants, FieldSealer sealer) {
        this.outbox = outbox;
        this.grants = grants;
        this.sealer = sealer;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(Agreement agreement, List<Recorded> events, String correlationId, String causationId) {
        for (Recorded recorded : events) {
            SpecificRecord avro = toAvro(agreement, recorded, correlationId, causationId);
            if (avro != null) {
                outbox.append(Topics.AGREEMENT_EVENTS, avro);
            }
        }
    }

    SpecificRecord toAvro(Agreement a, Recorded recorded, String correlationId, String causationId) {
        AgreementEvent event = recorded.event();
        EventHeader header = Events.newHeader(PRODUCER, a.id(), recorded.sequence(), correlationId, causationId,
                event.at());
        List<AgreementParty> all = a.parties().stream().map(p -> party(p, null)).toList();
        return switch (event) {
            case AgreementEvent.Drafted d -> AgreementDrafted.newBuilder().setHeader(header)
                    .setAgreement(summary(a, a.currentVersion())).setParties(all).build();
            case AgreementEvent.DraftEdited d -> null;
            case AgreementEvent.NewVersion v -> AgreementAmended.newBuilder().setHeader(header)
                    .setAgreement(summary(a, a.version(v.version()))).setParties(all)
                    .setPreviousVersion(v.previousVersion()).build();
            case AgreementEvent.Circulated c -> AgreementCirculated.newBuilder().setHeader(header)
                    .setAgreement(summary(a, a.version(c.version())))
                    .setRecipients(withLinks(a, Set.copyOf(c.recipientIds()))).setStep(c.step()).build();
            case AgreementEvent.AccessionOpened o -> AgreementCirculated.newBuilder().setHeader(header)
                    .setAgreement(summary(a, a.inForce().orElseThrow()))
                    .setRecipients(withLinks(a, Set.of(o.partyId()))).setStep(0).build();
            case AgreementEvent.SigningReminderDue r -> SigningReminderDue.newBuilder().setHeader(header)
                    .setAgreement(summary(a, a.version(r.version())))
                    .setRecipients(withLinks(a, Set.copyOf(r.recipientIds()))).setReminderNumber(r.number()).build();
            case AgreementEvent.Signed s -> PartySigned.newBuilder().setHeader(header)
                    .setAgreement(summary(a, a.version(s.signature().version())))
                    .setParty(party(a.party(s.signature().partyId()), null))
                    .setSignerName(s.signature().signerName()).setSignerTitle(s.signature().signerTitle())
                    .setSignedAt(s.signature().signedAt()).setParties(all).build();
            case AgreementEvent.Declined d -> PartyDeclined.newBuilder().setHeader(header)
                    .setAgreement(summary(a, a.version(d.version()))).setParty(party(d.party(), null))
                    .setReason(d.reason()).setParties(all).build();
            case AgreementEvent.Withdrawn w -> CirculationWithdrawn.newBuilder().setHeader(header)
                    .setAgreement(summary(a, a.version(w.version()))).setParties(all).setReason(w.reason()).build();
            case AgreementEvent.Executed x -> AgreementExecuted.newBuilder().setHeader(header)
                    .setAgreement(summary(a, a.version(x.version()))).setParties(all).build();
            case AgreementEvent.Acceded x -> PartyAcceded.newBuilder().setHeader(header)
                    .setAgreement(summary(a, inForceOrCurrent(a))).setParty(party(a.party(x.partyId()), null))
                    .setParties(all).build();
            case AgreementEvent.Activated x -> AgreementActivated.newBuilder().setHeader(header)
                    .setAgreement(summary(a, inForceOrCurrent(a))).setParties(all).build();
            case AgreementEvent.Expiring x -> AgreementExpiring.newBuilder().setHeader(header)
                    .setAgreement(summary(a, inForceOrCurrent(a))).setParties(all).setDaysLeft((int) x.daysLeft())
                    .build();
            case AgreementEvent.Expired x -> AgreementExpired.newBuilder().setHeader(header)
                    .setAgreement(summary(a, inForceOrCurrent(a))).setParties(all).build();
            case AgreementEvent.Renewed x -> AgreementRenewed.newBuilder().setHeader(header)
                    .setAgreement(summary(a, inForceOrCurrent(a))).setParties(all).build();
            case AgreementEvent.Terminated t -> AgreementTerminated.newBuilder().setHeader(header)
                    .setAgreement(summary(a, inForceOrCurrent(a))).setParties(all).setReason(t.reason()).build();
            case AgreementEvent.CeremonyChanged c -> SigningCeremonyChanged.newBuilder().setHeader(header)
                    .setAgreement(summary(a, inForceOrCurrent(a))).setParties(all).setChange(c.change())
                    .setDetail(c.detail()).build();
        };
    }

    private static Version inForceOrCurrent(Agreement a) {
        return a.inForce().orElse(a.currentVersion());
    }

    private List<AgreementParty> withLinks(Agreement a, Set<String> recipientIds) {
        return a.parties().stream().filter(p -> recipientIds.contains(p.id()))
                .map(p -> sealed(party(p, grants.urlFor(a, p).orElse(null)))).toList();
    }

    /**
     * A signing link acts (whoever holds it signs for the party), and a contact names a person: both travel sealed
     * with the services' key, so an integrator reading the topic can neither sign nor read them.
     */
    private AgreementParty sealed(AgreementParty party) {
        return AgreementParty.newBuilder(party).setSigningUrl(sealer.seal(party.getSigningUrl())).build();
    }

    static AgreementSummary summary(Agreement a, Version version) {
        return AgreementSummary.newBuilder()
                .setAgreementId(a.id())
                .setTitle(version.content().title())
                .setVersion(version.number())
                .setDocumentSha256(version.documentSha256())
                .setState(a.state().name())
                .setForumEventId(a.forumEventId())
                .setEffectiveDate(a.termStart() != null ? a.termStart() : a.terms().effectiveDate())
                .setEndDate(a.endDate() != null ? a.endDate() : a.terms().lastDayFrom(a.terms().effectiveDate()))
                .build();
    }

    static AgreementParty party(Party p, String signingUrl) {
        kr.madang.agreement.mou.Contact c = p.contact();
        Contact contact = c == null ? null : Contact.newBuilder()
                .setName(c.name() != null ? c.name() : p.representativeName() != null ? p.representativeName() : p.institution())
                .setEmail(c.email()).setPhone(c.phone())
                .setLanguage("en".equals(c.language()) ? Language.EN : Language.KO)
                .build();
        return AgreementParty.newBuilder()
                .setPartyId(p.id()).setInstitution(p.institution())
                .setRepresentativeName(p.representativeName()).setRepresentativeTitle(p.representativeTitle())
                .setContact(contact).setSigningUrl(signingUrl)
                .build();
    }
}
