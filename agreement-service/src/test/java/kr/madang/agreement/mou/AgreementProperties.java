package kr.madang.agreement.mou;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random action sequences against the aggregate (no Spring, no database): circulate, sign, decline,
 * withdraw, revise, amend, accede, renew, terminate and time passing (which expires circulations, accessions and
 * terms). After every step the lifecycle's invariants must hold.
 */
class AgreementProperties {

    private static final LifecyclePolicy POLICY = LifecyclePolicy.defaults();
    private static final Instant START = Instant.parse("2023-01-30T01:00:00Z");

    enum Kind { CIRCULATE, SIGN, DECLINE, WITHDRAW, REVISE, REVISE_ORDER, AMEND, ACCEDE, RENEW, TERMINATE, TIME }

    /** One step: what, by which party (index into the current parties), and for TIME how many days pass. */
    record Step(Kind kind, int party, int days) {
        @Override
        public String toString() {
            return kind == Kind.TIME ? "TIME+" + days + "d" : kind == Kind.SIGN || kind == Kind.DECLINE
                    ? kind + "#" + party : kind.name();
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(3, Kind.CIRCULATE), net.jqwik.api.Tuple.of(8, Kind.SIGN),
                net.jqwik.api.Tuple.of(1, Kind.DECLINE), net.jqwik.api.Tuple.of(1, Kind.WITHDRAW),
                net.jqwik.api.Tuple.of(2, Kind.REVISE), net.jqwik.api.Tuple.of(1, Kind.REVISE_ORDER),
                net.jqwik.api.Tuple.of(1, Kind.AMEND), net.jqwik.api.Tuple.of(1, Kind.ACCEDE),
                net.jqwik.api.Tuple.of(1, Kind.RENEW), net.jqwik.api.Tuple.of(1, Kind.TERMINATE) ,
                net.jqwik.api.Tuple.of(3, Kind.TIME));
        Arbitrary<Step> step = Combinators.combine(kinds, Arbitraries.integers().between(0, 5),
                Arbitraries.of(1, 3, 8, 20, 31, 95, 400)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 1000)
    void everyRandomSequenceKeepsTheLifecycleInvariants(@ForAll("steps") List<Step> steps,
                                                        @ForAll @IntRange(min = 2, max = 4) int parties,
                                                        @ForAll boolean sequential,
                                                        @ForAll @Size(min = 4, max = 4) List<@IntRange(min = 1, max = 3) Integer> stepOf,
                                                        @ForAll boolean autoRenew) {
        Agreement a = draft(parties, sequential, stepOf, autoRenew);
        Instant now = START;
        int counter = 0;
        checkInvariants(a, now);
        for (Step step : steps) {
            if (step.kind() == Kind.TIME) {
                now = now.plus(Duration.ofDays(step.days()));
                advance(a, now);
            } else {
                apply(a, step, now, ++counter);
            }
            checkInvariants(a, now);
        }
    }

    private static Agreement draft(int n, boolean sequential, List<Integer> stepOf, boolean autoRenew) {
        List<PartySpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            specs.add(new PartySpec("기관 " + i, "대표 " + i, "원장",
                    new Contact("대표 " + i, "p" + i + "@example.kr", null, "ko"), sequential ? stepOf.get(i) : null));
        }
        Agreement a = Agreement.draft(UUID.randomUUID().toString(), new DraftSpec(
                new Content("협약", "목적", List.of("하나"), Document.text("제1조")),
                sequential ? SigningOrder.SEQUENTIAL : SigningOrder.PARALLEL, specs, null, null,
                new Terms(LocalDate.parse("2023-03-01"), 12, autoRenew)), START, "hq:test");
        a.drainEvents();
        return a;
    }

    /** As the scheduler does: what time made due, a few rounds (activated, then already expiring, ...). */
    private static void advance(Agreement a, Instant now) {
        for (int i = 0; i < 5; i++) {
            a.advanceTo(now, POLICY);
            Instant next = a.nextDueAt(POLICY);
            if (next == null || next.isAfter(now)) {
                break;
            }
        }
        a.drainEvents();
    }

    private static void apply(Agreement a, Step step, Instant now, int counter) {
        AgreementAction action = switch (step.kind()) {
            case CIRCULATE -> AgreementAction.CIRCULATE;
            case SIGN -> AgreementAction.SIGN;
            case DECLINE -> AgreementAction.DECLINE;
            case WITHDRAW -> AgreementAction.WITHDRAW;
            case REVISE, REVISE_ORDER -> AgreementAction.REVISE;
            case AMEND -> AgreementAction.AMEND;
            case ACCEDE -> AgreementAction.ACCEDE;
            case RENEW -> AgreementAction.RENEW;
            case TERMINATE -> AgreementAction.TERMINATE;
            case TIME -> throw new IllegalArgumentException();
        };
        List<Party> parties = a.parties();
        String party = parties.get(step.party() % parties.size()).id();
        AgreementState stateBefore = a.state();
        boolean allowed = a.allowedActions().contains(action);
        String before = a.snapshot().toString();
        try {
            switch (step.kind()) {
                case CIRCULATE -> a.circulate(now, "hq", POLICY);
                case SIGN -> a.sign(party, "서명자", null, now, "party");
                case DECLINE -> a.decline(party, "사유", now, "party");
                case WITHDRAW -> a.withdraw("철회", now, "hq");
                case REVISE -> a.revise(Revision.document(Document.text("제1조 " + counter)), now, "hq");
                case REVISE_ORDER -> a.revise(new Revision(null, null, null, null, null,
                        a.signingOrder() == SigningOrder.PARALLEL ? SigningOrder.SEQUENTIAL : SigningOrder.PARALLEL,
                        null), now, "hq");
                case AMEND -> a.amend(Revision.document(Document.text("개정 " + counter)), now, "hq");
                case ACCEDE -> a.accede(new PartySpec("가입 기관 " + counter, "대표", null,
                        new Contact("대표", "new" + counter + "@example.kr", null, "ko"), null), now, "hq");
                case RENEW -> a.renew(null, now, "hq");
                case TERMINATE -> a.terminate("종료", now, "hq");
                case TIME -> throw new IllegalArgumentException();
            }
        } catch (TransitionRefused refused) {
            assertThat(a.snapshot().toString()).as("a refused %s changes nothing", step).isEqualTo(before);
            if (allowed) {
                assertThat(refused.code()).as("%s is shown as allowed, so it is not an illegal transition", step)
                        .isNotEqualTo("ILLEGAL_TRANSITION");
            } else {
                assertThat(refused.code()).isEqualTo("ILLEGAL_TRANSITION");
            }
            return;
        }
        List<AgreementEvent.Recorded> events = a.drainEvents();
        if (events.isEmpty()) {
            // an idempotent replay (signing or declining again) answers the first result and changes nothing
            assertThat(a.snapshot().toString()).as("%s recorded nothing", step).isEqualTo(before);
            return;
        }
        assertThat(allowed).as("%s was accepted, so it must be shown as allowed", step).isTrue();
        assertThat(Transitions.outcomes(stateBefore, action)).as("%s from %s", step, stateBefore).contains(a.state());
        for (AgreementEvent.Recorded r : events) {
            assertThat(r.stateAfter()).isNotNull();
        }
    }

    private static void checkInvariants(Agreement a, Instant now) {
        List<Party> members = a.members();
        Version current = a.currentVersion();
        boolean circulating = a.state() == AgreementState.CIRCULATING || a.amendment() == AmendmentStatus.CIRCULATING;
        assertThat(circulating).isEqualTo(a.circulation() != null);
        if (circulating) {
            assertThat(a.circulation().version()).isEqualTo(current.number());
            boolean someoneCanAct = members.stream().anyMatch(p -> current.signatureOf(p.id()).isEmpty()
                    && a.versionToSign(p.id()).map(Version::number).filter(n -> n == current.number()).isPresent());
            assertThat(someoneCanAct).as("while circulating, some party can sign (the deadline is %s)",
                    a.circulation().deadline()).isTrue();
            assertThat(a.circulation().deadline()).isAfter(now);
            assertThat(members).as("not yet everybody signed the circulating version")
                    .anyMatch(p -> current.signatureOf(p.id()).isEmpty());
        }
        boolean executedOrLater = Set.of(AgreementState.EXECUTED, AgreementState.ACTIVE, AgreementState.EXPIRING)
                .contains(a.state());
        if (executedOrLater) {
            Version inForce = a.inForce().orElseThrow();
            assertThat(members).as("every party signed the version in force")
                    .allMatch(p -> inForce.signatureOf(p.id()).isPresent());
            assertThat(inForce.executedAt()).isNotNull();
        }
        if (Set.of(AgreementState.DRAFT, AgreementState.NEGOTIATION, AgreementState.CIRCULATING).contains(a.state())) {
            assertThat(a.inForce()).as("nothing is in force before execution").isEmpty();
            assertThat(current.executedAt()).isNull();
        }
        for (Version v : a.versions()) {
            Set<String> signers = new HashSet<>();
            for (Signature s : v.signatures()) {
                assertThat(s.version()).as("a signature belongs to the version it signed").isEqualTo(v.number());
                assertThat(s.documentSha256()).isEqualTo(v.documentSha256());
                assertThat(s.contentSha256()).hasSize(64);
                assertThat(signers.add(s.partyId())).as("one signature per party and version").isTrue();
            }
        }
        if (!a.acceding().isEmpty()) {
            assertThat(a.state().inForce()).isTrue();
            Optional<Instant> deadline = a.accessionDeadline(a.acceding().getFirst().id(), POLICY);
            assertThat(deadline).as("an accession can lapse").isPresent();
            assertThat(deadline.get()).isAfter(now);
        }
        assertThat(a.allowedActions()).as("allowed actions come from the table")
                .isEqualTo(Transitions.allowed(a.state(), a.amendment(), !a.acceding().isEmpty()));
        if (a.state().finished()) {
            assertThat(a.allowedActions()).isEmpty();
        }
    }
}
