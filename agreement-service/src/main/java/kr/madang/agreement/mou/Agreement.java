package kr.madang.agreement.mou;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import kr.madang.agreement.mou.AgreementEvent.AccessionOpened;
import kr.madang.agreement.mou.AgreementEvent.Acceded;
import kr.madang.agreement.mou.AgreementEvent.Activated;
import kr.madang.agreement.mou.AgreementEvent.CeremonyChanged;
import kr.madang.agreement.mou.AgreementEvent.Circulated;
import kr.madang.agreement.mou.AgreementEvent.Declined;
import kr.madang.agreement.mou.AgreementEvent.DraftEdited;
import kr.madang.agreement.mou.AgreementEvent.Drafted;
import kr.madang.agreement.mou.AgreementEvent.Executed;
import kr.madang.agreement.mou.AgreementEvent.Expired;
import kr.madang.agreement.mou.AgreementEvent.Expiring;
import kr.madang.agreement.mou.AgreementEvent.NewVersion;
import kr.madang.agreement.mou.AgreementEvent.Recorded;
import kr.madang.agreement.mou.AgreementEvent.Renewed;
import kr.madang.agreement.mou.AgreementEvent.Signed;
import kr.madang.agreement.mou.AgreementEvent.SigningReminderDue;
import kr.madang.agreement.mou.AgreementEvent.Terminated;
import kr.madang.agreement.mou.AgreementEvent.Withdrawn;

import static kr.madang.agreement.mou.AgreementAction.ACCEDE;
import static kr.madang.agreement.mou.AgreementAction.AMEND;
import static kr.madang.agreement.mou.AgreementAction.CIRCULATE;
import static kr.madang.agreement.mou.AgreementAction.DECLINE;
import static kr.madang.agreement.mou.AgreementAction.RENEW;
import static kr.madang.agreement.mou.AgreementAction.REVISE;
import static kr.madang.agreement.mou.AgreementAction.SIGN;
import static kr.madang.agreement.mou.AgreementAction.TERMINATE;
import static kr.madang.agreement.mou.AgreementAction.WITHDRAW;

/**
 * A multi-party agreement (MOU) and its lifecycle:
 * DRAFT → CIRCULATING → (a decline or withdrawal) NEGOTIATION → new version → CIRCULATING … → EXECUTED when every
 * party signed the current version → ACTIVE from the effective date → EXPIRING before the end → EXPIRED, or renewed
 * for another term (back to ACTIVE), or TERMINATED by HQ. An agreement in force can be amended (a new version every
 * party signs again, the old one staying in force until then) and acceded to by new institutions.
 * <p>
 * Every method guards its transition ({@link TransitionRefused} otherwise, leaving the agreement untouched) and records
 * what happened as {@link AgreementEvent}s, which the caller drains and stores with the new state.
 */
public final class Agreement {

    public static final String SYSTEM = "system";

    private final String id;
    private final Instant createdAt;
    private final String createdBy;
    private AgreementState state;
    private SigningOrder signingOrder;
    private final String forumEventId;
    private final String sessionId;
    private Terms terms;
    private final List<Party> parties;
    private final List<Version> versions;
    private Integer inForceVersion;
    private AmendmentStatus amendment;
    private Circulation circulation;
    private LocalDate termStart;
    private LocalDate endDate;
    private final Set<Integer> expiryRemindersSent;
    private int renewals;
    private String terminationReason;
    private String ceremonyChange;
    private final List<Accession> accessions;
    private long sequence;
    private final List<Recorded> recorded = new ArrayList<>();

    private Agreement(Snapshot s) {
        this.id = s.id();
        this.createdAt = s.createdAt();
        this.createdBy = s.createdBy();
        this.state = s.state();
        this.signingOrder = s.signingOrder();
        this.forumEventId = s.forumEventId();
        this.sessionId = s.sessionId();
        this.terms = s.terms();
        this.parties = new ArrayList<>(s.parties());
        this.versions = new ArrayList<>(s.versions());
        this.inForceVersion = s.inForceVersion();
        this.amendment = s.amendment();
        this.circulation = s.circulation();
        this.termStart = s.termStart();
        this.endDate = s.endDate();
        this.expiryRemindersSent = new TreeSet<>(s.expiryRemindersSent());
        this.renewals = s.renewals();
        this.terminationReason = s.terminationReason();
        this.ceremonyChange = s.ceremonyChange();
        this.sequence = s.sequence();
        this.accessions = new ArrayList<>(s.accessions());
        // agreements stored before accessions were tracked: their invitations count from when the party was invited
        for (Party p : parties) {
            if (p.status() == PartyStatus.ACCEDING && accessions.stream().noneMatch(x -> x.partyId().equals(p.id()))) {
                accessions.add(new Accession(p.id(), p.joinedAt(), 0));
            }
        }
    }

    // ---- creation and persistence ------------------------------------------------------------------------------

    public static Agreement draft(String id, DraftSpec spec, Instant now, String actor) {
        Objects.requireNonNull(spec.content().title(), "title");
        if (spec.parties().isEmpty()) {
            throw new IllegalArgumentException("an agreement needs parties");
        }
        Agreement agreement = new Agreement(new Snapshot(id, now, actor, AgreementState.DRAFT, spec.signingOrder(),
                spec.forumEventId(), spec.sessionId(), spec.terms(), partiesOf(spec.signingOrder(), spec.parties(), now),
                List.of(Version.first(1, spec.content(), now, actor)), null, AmendmentStatus.NONE, null, null, null,
                Set.of(), 0, null, null, 0, List.of()));
        agreement.record(new Drafted(now, actor));
        return agreement;
    }

    public static Agreement restore(Snapshot snapshot) {
        return new Agreement(snapshot);
    }

    /** Everything the agreement is, for storing; {@link #restore} rebuilds it. */
    public Snapshot snapshot() {
        return new Snapshot(id, createdAt, createdBy, state, signingOrder, forumEventId, sessionId, terms, parties,
                versions, inForceVersion, amendment, circulation, termStart, endDate, expiryRemindersSent, renewals,
                terminationReason, ceremonyChange, sequence, accessions);
    }

    public record Snapshot(String id, Instant createdAt, String createdBy, AgreementState state,
                           SigningOrder signingOrder, String forumEventId, String sessionId, Terms terms,
                           List<Party> parties, List<Version> versions, Integer inForceVersion,
                           AmendmentStatus amendment, Circulation circulation, LocalDate termStart, LocalDate endDate,
                           Set<Integer> expiryRemindersSent, int renewals, String terminationReason,
                           String ceremonyChange, long sequence, List<Accession> accessions) {

        public Snapshot {
            accessions = accessions == null ? List.of() : List.copyOf(accessions);
            parties = List.copyOf(parties);
            versions = List.copyOf(versions);
            expiryRemindersSent = Set.copyOf(expiryRemindersSent);
            amendment = amendment == null ? AmendmentStatus.NONE : amendment;
        }
    }

    /** The events recorded since the last call, numbered in the agreement's own sequence. */
    public List<Recorded> drainEvents() {
        List<Recorded> drained = List.copyOf(recorded);
        recorded.clear();
        return drained;
    }

    // ---- the state machine ---------------------------------------------------------------------------------------

    /** What can be asked of the agreement now. Anything else is refused with {@link TransitionRefused}. */
    public List<AgreementAction> allowedActions() {
        return Transitions.allowed(state, amendment, !acceding().isEmpty());
    }

    private void require(AgreementAction action) {
        if (!allowedActions().contains(action)) {
            throw refused("ILLEGAL_TRANSITION", action, "cannot " + action.apiName() + " an agreement that is "
                    + state + (amendment == AmendmentStatus.NONE ? "" : " with an amendment in " + amendment));
        }
    }

    private TransitionRefused refused(String code, AgreementAction action, String detail) {
        return new TransitionRefused(code, detail, state, amendment, action, allowedActions());
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /**
     * Edits the version being prepared. A version nobody has seen yet is edited in place; one that was circulated
     * (and declined or withdrawn) gives way to a new version, which every party must sign again.
     */
    public void revise(Revision revision, Instant now, String actor) {
        require(REVISE);
        if (revision.parties() != null && state != AgreementState.DRAFT) {
            throw refused("PARTIES_FIXED", REVISE, "parties can change only in a draft; institutions join an agreement"
                    + " in force by accession");
        }
        if (state.inForce() && revision.changesTermsOrParties()) {
            throw refused("TERMS_FIXED", REVISE, "an amendment changes the text; terms and signing order of an"
                    + " agreement in force change by renewal");
        }
        Version current = currentVersion();
        Content old = current.content();
        Content content = new Content(
                revision.title() != null ? revision.title() : old.title(),
                revision.purpose() != null ? revision.purpose() : old.purpose(),
                revision.cooperationItems() != null ? revision.cooperationItems() : old.cooperationItems(),
                revision.document() != null ? revision.document() : old.document());
        if (revision.terms() != null) {
            terms = revision.terms();
        }
        if (revision.signingOrder() != null || revision.parties() != null) {
            SigningOrder order = revision.signingOrder() != null ? revision.signingOrder() : signingOrder;
            List<PartySpec> specs = revision.parties() != null ? revision.parties() : parties.stream()
                    .map(p -> new PartySpec(p.institution(), p.representativeName(), p.representativeTitle(),
                            p.contact(), order == SigningOrder.SEQUENTIAL && revision.signingOrder() == null ? p.step() : null))
                    .toList();
            List<Party> renewed = partiesOf(order, specs, now);
            if (revision.parties() == null) {
                // the same institutions keep their ids: only their steps change
                for (int i = 0; i < renewed.size(); i++) {
                    Party p = parties.get(i);
                    renewed.set(i, new Party(p.id(), p.institution(), p.representativeName(), p.representativeTitle(),
                            p.contact(), renewed.get(i).step(), p.status(), p.joinedAt()));
                }
            }
            signingOrder = order;
            parties.clear();
            parties.addAll(renewed);
        }
        if (current.circulatedAt() == null) {
            replaceVersion(current.withContent(content));
            record(new DraftEdited(now, actor, current.number()));
        } else {
            versions.add(Version.first(current.number() + 1, content, now, actor));
            record(new NewVersion(now, actor, current.number(), current.number() + 1, false));
        }
    }

    /** Sends the version being prepared to the parties of the first step (all parties when signing in parallel). */
    public void circulate(Instant now, String actor, LifecyclePolicy policy) {
        require(CIRCULATE);
        Version version = currentVersion();
        if (version.content().document() == null) {
            throw refused("NO_DOCUMENT", CIRCULATE, "version " + version.number()
                    + " has no document yet: give its text or upload its PDF first");
        }
        version = version.circulated(now);
        replaceVersion(version);
        // a version circulated again (after a withdrawal or an expiry) keeps its signatures: start at the first step
        // somebody still has to sign, or a step whose parties all signed would wait for them forever
        OptionalInt open = firstOpenStep(version);
        int first = open.orElseGet(() -> members().stream().mapToInt(Party::step).min().orElseThrow());
        circulation = new Circulation(version.number(), now, now.plus(policy.circulationExpiry()), first, now, 0);
        if (state.inForce()) {
            amendment = AmendmentStatus.CIRCULATING;
        } else {
            state = AgreementState.CIRCULATING;
        }
        record(new Circulated(now, actor, version.number(), first, idsOf(unsignedOfStep(version, first))));
        if (open.isEmpty()) {
            execute(version, now, actor);
        }
    }

    /** HQ withdraws the version out for signature; it can be revised and circulated again. */
    public void withdraw(String reason, Instant now, String actor) {
        require(WITHDRAW);
        endCirculation(reason, false, now, actor);
    }

    /**
     * The party signs the version it is asked to sign. Signing again is answered with the first signature and changes
     * nothing. The last signature of the current version executes it (or, for an amendment, puts it in force); the
     * last of a step opens the next step.
     */
    public Signature sign(String partyId, String signerName, String signerTitle, Instant now, String via) {
        Party party = party(partyId);
        if (party.status() == PartyStatus.ACCEDING) {
            Version inForce = inForce().orElseThrow();
            Optional<Signature> existing = inForce.signatureOf(partyId);
            if (existing.isPresent()) {
                return existing.get();
            }
            require(SIGN);
            Signature signature = new Signature(partyId, inForce.number(), signerName, signerTitle, now,
                    inForce.documentSha256(), via, signedContentSha256(partyId).orElseThrow());
            replaceVersion(inForce.signed(signature));
            replaceParty(party.withStatus(PartyStatus.MEMBER, now));
            accessions.removeIf(x -> x.partyId().equals(partyId));
            record(new Signed(now, via, signature));
            record(new Acceded(now, via, partyId));
            return signature;
        }
        Version version = currentVersion();
        Optional<Signature> existing = version.signatureOf(partyId);
        if (existing.isPresent()) {
            return existing.get();
        }
        require(SIGN);
        if (circulation == null) {
            throw refused("NOT_A_SIGNER", SIGN, "nothing is out for this party's signature; only acceding"
                    + " institutions sign now");
        }
        if (party.step() > circulation.step()) {
            throw refused("NOT_YOUR_TURN", SIGN, "signing is at step " + circulation.step() + "; this party signs at"
                    + " step " + party.step() + ", after the earlier steps have signed");
        }
        Signature signature = new Signature(partyId, version.number(), signerName, signerTitle, now,
                version.documentSha256(), via, signedContentSha256(partyId).orElseThrow());
        version = version.signed(signature);
        replaceVersion(version);
        record(new Signed(now, via, signature));
        if (unsigned(version).isEmpty()) {
            execute(version, now, via);
        } else if (unsignedOfStep(version, circulation.step()).isEmpty()) {
            final Version signedSoFar = version;
            int next = firstOpenStep(version).orElseThrow();
            circulation = circulation.nextStep(next, now);
            record(new Circulated(now, SYSTEM, signedSoFar.number(), next, idsOf(unsignedOfStep(signedSoFar, next))));
        }
        return signature;
    }

    /**
     * The party declines the version it is asked to sign, with a reason: the agreement goes back to negotiation (an
     * amendment back to its own negotiation; an accession simply ends).
     */
    public Decline decline(String partyId, String reason, Instant now, String via) {
        Party party = party(partyId);
        if (party.status() == PartyStatus.ACCEDING) {
            require(DECLINE);
            Version inForce = inForce().orElseThrow();
            Decline decline = new Decline(partyId, inForce.number(), reason, now, via);
            parties.remove(party);
            accessions.removeIf(x -> x.partyId().equals(partyId));
            record(new Declined(now, via, party, inForce.number(), reason, true));
            return decline;
        }
        Version version = currentVersion();
        Optional<Decline> already = version.declineOf(partyId);
        if (already.isPresent() && circulation == null) {
            return already.get();
        }
        require(DECLINE);
        if (circulation == null) {
            throw refused("NOT_A_SIGNER", DECLINE, "nothing is out for this party's signature");
        }
        if (version.signatureOf(partyId).isPresent()) {
            throw refused("ALREADY_SIGNED", DECLINE, "this party has already signed version " + version.number());
        }
        if (party.step() > circulation.step()) {
            throw refused("NOT_YOUR_TURN", DECLINE, "signing is at step " + circulation.step() + "; this party's turn"
                    + " (step " + party.step() + ") has not come");
        }
        Decline decline = new Decline(partyId, version.number(), reason, now, via);
        replaceVersion(version.declined(decline));
        circulation = null;
        if (state.inForce()) {
            amendment = AmendmentStatus.NEGOTIATION;
        } else {
            state = AgreementState.NEGOTIATION;
        }
        record(new Declined(now, via, party, version.number(), reason, false));
        return decline;
    }

    /** Starts an amendment of the agreement in force: a new version, to be circulated, that every party signs again. */
    public void amend(Revision revision, Instant now, String actor) {
        require(AMEND);
        if (revision.changesTermsOrParties()) {
            throw refused("TERMS_FIXED", AMEND, "an amendment changes the text; terms change by renewal and parties"
                    + " by accession");
        }
        Version inForce = inForce().orElseThrow();
        Content old = inForce.content();
        Content content = new Content(
                revision.title() != null ? revision.title() : old.title(),
                revision.purpose() != null ? revision.purpose() : old.purpose(),
                revision.cooperationItems() != null ? revision.cooperationItems() : old.cooperationItems(),
                revision.document() != null ? revision.document() : old.document());
        int number = currentVersion().number() + 1;
        versions.add(Version.first(number, content, now, actor));
        amendment = AmendmentStatus.NEGOTIATION;
        record(new NewVersion(now, actor, inForce.number(), number, true));
    }

    /** Invites a new institution to join the agreement in force; it joins when it signs the version in force. */
    public Party accede(PartySpec spec, Instant now, String actor) {
        require(ACCEDE);
        boolean duplicate = parties.stream().anyMatch(p -> p.institution().equals(spec.institution()));
        if (duplicate) {
            throw refused("ALREADY_A_PARTY", ACCEDE, spec.institution() + " is already a party");
        }
        int lastStep = parties.stream().mapToInt(Party::step).max().orElse(1);
        Party party = new Party(UUID.randomUUID().toString(), spec.institution(), spec.representativeName(),
                spec.representativeTitle(), spec.contact(), lastStep, PartyStatus.ACCEDING, now);
        parties.add(party);
        accessions.add(new Accession(party.id(), now, 0));
        record(new AccessionOpened(now, actor, party.id()));
        return party;
    }

    /**
     * Sends an acceding institution its invitation again, with a link valid for a full window from now (its first one
     * may have been lost or lapsed unread).
     */
    public void reopenAccession(String partyId, Instant now, String actor) {
        Party party = party(partyId);
        if (party.status() != PartyStatus.ACCEDING) {
            throw refused("NOT_ACCEDING", ACCEDE, "this party is not acceding: its signing link follows the circulation");
        }
        replaceParty(party.withStatus(PartyStatus.ACCEDING, now));
        accessions.removeIf(x -> x.partyId().equals(partyId));
        accessions.add(new Accession(partyId, now, 0));
        record(new AccessionOpened(now, actor, partyId));
    }

    /**
     * Sends one party its current signing link again (HQ, e.g. when the first email was lost): published as a signing
     * reminder to that party alone, numbered after the reminders already sent, without counting as one of them.
     */
    public void resendSigningLink(String partyId, Instant now, String actor) {
        Party party = party(partyId);
        Version toSign = versionToSign(partyId).orElseThrow(() ->
                refused("NOTHING_TO_SIGN", SIGN, "this party has nothing to sign now"));
        if (toSign.signatureOf(partyId).isPresent()) {
            throw refused("ALREADY_SIGNED", SIGN, "this party already signed version " + toSign.number());
        }
        int sent = party.status() == PartyStatus.ACCEDING
                ? accessions.stream().filter(x -> x.partyId().equals(partyId)).mapToInt(Accession::remindersSent)
                        .findFirst().orElse(0)
                : circulation.remindersSent();
        record(new SigningReminderDue(now, actor, toSign.number(), party.step(), List.of(partyId), sent + 1));
    }

    /** Until when an acceding party's invitation (and its link) is valid. */
    public Optional<Instant> accessionDeadline(String partyId, LifecyclePolicy policy) {
        return accessions.stream().filter(x -> x.partyId().equals(partyId)).findFirst().map(x -> x.deadline(policy));
    }

    /** Renews for another term (by default the same length), starting the day after the current end. */
    public void renew(Integer termMonths, Instant now, String actor) {
        require(RENEW);
        renewFor(termMonths == null ? terms.termMonths() : termMonths, now, actor);
    }

    public void terminate(String reason, Instant now, String actor) {
        require(TERMINATE);
        state = AgreementState.TERMINATED;
        terminationReason = reason;
        circulation = null;
        amendment = AmendmentStatus.NONE;
        parties.removeIf(p -> p.status() == PartyStatus.ACCEDING);
        accessions.clear();
        record(new Terminated(now, actor, reason));
    }

    /** The forum event of the signing ceremony was cancelled or rescheduled: recorded, and the parties are told. */
    public boolean ceremonyChanged(String change, String detail, Instant now) {
        if (state.finished()) {
            return false;
        }
        ceremonyChange = change;
        record(new CeremonyChanged(now, SYSTEM, change, detail));
        return true;
    }

    // ---- time ----------------------------------------------------------------------------------------------------

    /**
     * Applies what time has made due by {@code now}: signing reminders, circulation expiry, activation on the
     * effective date, reminders before the end, expiry or automatic renewal. Catches up after downtime with one
     * notice per kind rather than a burst.
     */
    public void advanceTo(Instant now, LifecyclePolicy policy) {
        if (circulation != null) {
            if (!now.isBefore(circulation.deadline())) {
                endCirculation("the circulation expired unsigned", true, now, SYSTEM);
            } else if (circulation.remindersSent() < policy.maxSigningReminders()
                    && !now.isBefore(nextSigningReminder(policy))) {
                circulation = circulation.reminded();
                Version version = currentVersion();
                record(new SigningReminderDue(now, SYSTEM, version.number(), circulation.step(),
                        idsOf(unsignedOfStep(version, circulation.step())), circulation.remindersSent()));
            }
        }
        advanceAccessions(now, policy);
        LocalDate today = LocalDate.ofInstant(now, policy.zone());
        if (state == AgreementState.EXECUTED && !today.isBefore(termStart)) {
            state = AgreementState.ACTIVE;
            record(new Activated(now, SYSTEM));
        }
        if (state.inForce()) {
            if (today.isAfter(endDate)) {
                if (terms.autoRenew()) {
                    renewFor(terms.termMonths(), now, SYSTEM);
                } else {
                    state = AgreementState.EXPIRED;
                    circulation = null;
                    amendment = AmendmentStatus.NONE;
                    parties.removeIf(p -> p.status() == PartyStatus.ACCEDING);
                    accessions.clear();
                    record(new Expired(now, SYSTEM));
                }
            } else {
                long daysLeft = ChronoUnit.DAYS.between(today, endDate);
                List<Integer> due = policy.expiryReminderDays().stream()
                        .filter(days -> daysLeft <= days && !expiryRemindersSent.contains(days)).toList();
                if (!due.isEmpty()) {
                    expiryRemindersSent.addAll(due);
                    state = AgreementState.EXPIRING;
                    record(new Expiring(now, SYSTEM, daysLeft));
                }
            }
        }
    }

    /**
     * An invitation to accede is reminded like a signing step, and lapses unsigned at its deadline: the institution
     * is no longer a party (HQ can invite it again), so amendments are not blocked by an accession nobody answers.
     */
    private void advanceAccessions(Instant now, LifecyclePolicy policy) {
        for (Accession accession : List.copyOf(accessions)) {
            Party party = party(accession.partyId());
            int version = inForce().orElseThrow().number();
            if (!now.isBefore(accession.deadline(policy))) {
                parties.remove(party);
                accessions.remove(accession);
                record(new Declined(now, SYSTEM, party, version, "the invitation to accede expired unsigned", true));
            } else if (accession.remindersSent() < policy.maxSigningReminders()
                    && !now.isBefore(accession.nextReminder(policy))) {
                Accession reminded = accession.reminded();
                accessions.set(accessions.indexOf(accession), reminded);
                record(new SigningReminderDue(now, SYSTEM, version, party.step(), List.of(party.id()),
                        reminded.remindersSent()));
            }
        }
    }

    /** When {@link #advanceTo} next has something to do; null when nothing is scheduled. */
    public Instant nextDueAt(LifecyclePolicy policy) {
        List<Instant> due = new ArrayList<>();
        if (circulation != null) {
            due.add(circulation.deadline());
            if (circulation.remindersSent() < policy.maxSigningReminders()) {
                due.add(nextSigningReminder(policy));
            }
        }
        for (Accession accession : accessions) {
            due.add(accession.deadline(policy));
            if (accession.remindersSent() < policy.maxSigningReminders()) {
                due.add(accession.nextReminder(policy));
            }
        }
        if (state == AgreementState.EXECUTED) {
            due.add(termStart.atStartOfDay(policy.zone()).toInstant());
        }
        if (state.inForce()) {
            due.add(endDate.plusDays(1).atStartOfDay(policy.zone()).toInstant());
            policy.expiryReminderDays().stream().filter(days -> !expiryRemindersSent.contains(days))
                    .map(days -> endDate.minusDays(days).atStartOfDay(policy.zone()).toInstant())
                    .forEach(due::add);
        }
        return due.stream().min(Comparator.naturalOrder()).orElse(null);
    }

    private Instant nextSigningReminder(LifecyclePolicy policy) {
        return circulation.stepOpenedAt().plus(policy.signingReminderAfter().multipliedBy(circulation.remindersSent() + 1L));
    }

    // ---- internals -----------------------------------------------------------------------------------------------

    private void execute(Version version, Instant now, String actor) {
        replaceVersion(version.executed(now));
        inForceVersion = version.number();
        circulation = null;
        boolean isAmendment = state.inForce();
        if (isAmendment) {
            amendment = AmendmentStatus.NONE;
        } else {
            state = AgreementState.EXECUTED;
            termStart = terms.effectiveDate();
            endDate = terms.lastDayFrom(termStart);
        }
        record(new Executed(now, actor, version.number(), isAmendment));
    }

    private void endCirculation(String reason, boolean expired, Instant now, String actor) {
        int version = circulation.version();
        circulation = null;
        if (state.inForce()) {
            amendment = AmendmentStatus.NEGOTIATION;
        } else {
            state = AgreementState.NEGOTIATION;
        }
        record(new Withdrawn(now, actor, version, reason, expired));
    }

    private void renewFor(int months, Instant now, String actor) {
        terms = new Terms(terms.effectiveDate(), months, terms.autoRenew());
        termStart = endDate.plusDays(1);
        endDate = terms.lastDayFrom(termStart);
        expiryRemindersSent.clear();
        state = AgreementState.ACTIVE;
        renewals++;
        record(new Renewed(now, actor, termStart, endDate));
    }

    private static List<Party> partiesOf(SigningOrder order, List<PartySpec> specs, Instant now) {
        List<Party> result = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            PartySpec spec = specs.get(i);
            int step = order == SigningOrder.PARALLEL ? 1 : spec.step() != null ? spec.step() : i + 1;
            result.add(new Party(UUID.randomUUID().toString(), spec.institution(), spec.representativeName(),
                    spec.representativeTitle(), spec.contact(), step, PartyStatus.MEMBER, now));
        }
        return result;
    }

    private void record(AgreementEvent event) {
        // every command changes the state before it records what happened, so this is the state after the event
        recorded.add(new Recorded(++sequence, event, state));
    }

    private void replaceVersion(Version version) {
        versions.set(version.number() - 1, version);
    }

    private void replaceParty(Party party) {
        for (int i = 0; i < parties.size(); i++) {
            if (parties.get(i).id().equals(party.id())) {
                parties.set(i, party);
            }
        }
    }

    private List<Party> unsigned(Version version) {
        return members().stream().filter(p -> version.signatureOf(p.id()).isEmpty()).toList();
    }

    /** The lowest step with a party that has not signed this version yet; empty when every party has. */
    private OptionalInt firstOpenStep(Version version) {
        return unsigned(version).stream().mapToInt(Party::step).min();
    }

    private List<Party> unsignedOfStep(Version version, int step) {
        return unsigned(version).stream().filter(p -> p.step() == step).toList();
    }

    private static List<String> idsOf(List<Party> list) {
        return list.stream().map(Party::id).toList();
    }

    // ---- queries -------------------------------------------------------------------------------------------------

    public Party party(String partyId) {
        return parties.stream().filter(p -> p.id().equals(partyId)).findFirst()
                .orElseThrow(() -> new UnknownParty(partyId));
    }

    public List<Party> members() {
        return parties.stream().filter(p -> p.status() == PartyStatus.MEMBER).toList();
    }

    public List<Party> acceding() {
        return parties.stream().filter(p -> p.status() == PartyStatus.ACCEDING).toList();
    }

    /** The latest version: the one in force, or the one being prepared or signed. */
    public Version currentVersion() {
        return versions.getLast();
    }

    public Optional<Version> inForce() {
        return inForceVersion == null ? Optional.empty() : Optional.of(versions.get(inForceVersion - 1));
    }

    public Version version(int number) {
        return versions.get(number - 1);
    }

    /** The version a party is asked to sign now, if any: the circulated one, or for an acceding party the one in force. */
    public Optional<Version> versionToSign(String partyId) {
        Party party = party(partyId);
        if (party.status() == PartyStatus.ACCEDING) {
            return inForce();
        }
        if (circulation != null && party.step() <= circulation.step()) {
            return Optional.of(currentVersion());
        }
        return Optional.empty();
    }

    /**
     * The hash of everything this party is asked to sign now ({@link SignedContent}): the version, the terms, the
     * signing order and the parties (the members, and the party itself when it accedes). Empty when it has nothing to
     * sign.
     */
    public Optional<String> signedContentSha256(String partyId) {
        Party party = party(partyId);
        return versionToSign(partyId).map(v -> {
            List<Party> signatories = new ArrayList<>(members());
            if (party.status() == PartyStatus.ACCEDING) {
                signatories.add(party);
            }
            return SignedContent.sha256(id, v, terms, signingOrder, signatories);
        });
    }

    public String id() {
        return id;
    }

    public AgreementState state() {
        return state;
    }

    public AmendmentStatus amendment() {
        return amendment;
    }

    public List<Party> parties() {
        return List.copyOf(parties);
    }

    public List<Version> versions() {
        return List.copyOf(versions);
    }

    public Circulation circulation() {
        return circulation;
    }

    public Terms terms() {
        return terms;
    }

    public SigningOrder signingOrder() {
        return signingOrder;
    }

    public String forumEventId() {
        return forumEventId;
    }

    public String sessionId() {
        return sessionId;
    }

    public LocalDate termStart() {
        return termStart;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public int renewals() {
        return renewals;
    }

    public String terminationReason() {
        return terminationReason;
    }

    public String ceremonyChange() {
        return ceremonyChange;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public long sequence() {
        return sequence;
    }
}
