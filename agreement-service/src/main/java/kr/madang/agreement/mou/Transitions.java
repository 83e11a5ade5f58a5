package kr.madang.agreement.mou;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static kr.madang.agreement.mou.AgreementAction.ACCEDE;
import static kr.madang.agreement.mou.AgreementAction.AMEND;
import static kr.madang.agreement.mou.AgreementAction.CIRCULATE;
import static kr.madang.agreement.mou.AgreementAction.DECLINE;
import static kr.madang.agreement.mou.AgreementAction.RENEW;
import static kr.madang.agreement.mou.AgreementAction.REVISE;
import static kr.madang.agreement.mou.AgreementAction.SIGN;
import static kr.madang.agreement.mou.AgreementAction.TERMINATE;
import static kr.madang.agreement.mou.AgreementAction.WITHDRAW;
import static kr.madang.agreement.mou.AgreementState.ACTIVE;
import static kr.madang.agreement.mou.AgreementState.CIRCULATING;
import static kr.madang.agreement.mou.AgreementState.DRAFT;
import static kr.madang.agreement.mou.AgreementState.EXECUTED;
import static kr.madang.agreement.mou.AgreementState.EXPIRED;
import static kr.madang.agreement.mou.AgreementState.EXPIRING;
import static kr.madang.agreement.mou.AgreementState.NEGOTIATION;
import static kr.madang.agreement.mou.AgreementState.TERMINATED;

/**
 * The lifecycle, declared once as data: in which situation (state, the amendment's status, whether an accession is
 * pending) which action is allowed, and which states it can lead to. {@link Agreement#allowedActions()} and every
 * command's guard read this table, the property tests check that each accepted action lands in one of its declared
 * states, and the state diagram of the README is rendered from it.
 * <p>
 * Renewal is not a state: it starts a new term of the same agreement, which is (again) ACTIVE, and is announced as
 * {@code AgreementRenewed}.
 */
public final class Transitions {

    /** Whether the row needs an institution invited to accede and not yet answered. */
    public enum Accession { ANY, NONE_PENDING, PENDING }

    /**
     * One row: from these states (with the amendment in one of these statuses, and the accession condition), the
     * action (null for what time does, named by {@code trigger}) leads to one of these states ({@link #STAYS}: it
     * stays in the state it is in).
     */
    public record Transition(Set<AgreementState> from, Set<AmendmentStatus> amendment, Accession accession,
                             AgreementAction action, String trigger, Set<AgreementState> to) {

        boolean appliesTo(AgreementState state, AmendmentStatus status, boolean accessionPending) {
            return from.contains(state) && amendment.contains(status)
                    && (accession == Accession.ANY || (accession == Accession.PENDING) == accessionPending);
        }

        /** Where it leads from this state. */
        public Set<AgreementState> targets(AgreementState state) {
            return to.isEmpty() ? EnumSet.of(state) : to;
        }

        /** The label of the diagram's arrow. */
        public String label() {
            return action != null ? action.apiName() : trigger;
        }
    }

    private static final Set<AmendmentStatus> ANY_AMENDMENT = EnumSet.allOf(AmendmentStatus.class);
    private static final Set<AmendmentStatus> NO_AMENDMENT = EnumSet.of(AmendmentStatus.NONE);
    private static final Set<AgreementState> IN_FORCE = EnumSet.of(ACTIVE, EXPIRING);
    /** The transition keeps the agreement in the state it is in. */
    public static final Set<AgreementState> STAYS = Set.of();

    public static final List<Transition> TABLE = List.of(
            // preparing and signing the first version
            row(EnumSet.of(DRAFT, NEGOTIATION), REVISE, STAYS),
            row(EnumSet.of(DRAFT, NEGOTIATION), CIRCULATE, EnumSet.of(CIRCULATING)),
            row(EnumSet.of(DRAFT, NEGOTIATION, EXECUTED), TERMINATE, EnumSet.of(TERMINATED)),
            row(EnumSet.of(CIRCULATING), SIGN, EnumSet.of(CIRCULATING, EXECUTED)),
            row(EnumSet.of(CIRCULATING), DECLINE, EnumSet.of(NEGOTIATION)),
            row(EnumSet.of(CIRCULATING), WITHDRAW, EnumSet.of(NEGOTIATION)),
            time(EnumSet.of(CIRCULATING), "circulation deadline", NEGOTIATION),
            time(EnumSet.of(EXECUTED), "effective date", ACTIVE),
            // in force: renewal, termination, accession, and an amendment's own negotiation and circulation
            new Transition(IN_FORCE, ANY_AMENDMENT, Accession.ANY, RENEW, null, EnumSet.of(ACTIVE)),
            new Transition(IN_FORCE, ANY_AMENDMENT, Accession.ANY, TERMINATE, null, EnumSet.of(TERMINATED)),
            new Transition(IN_FORCE, NO_AMENDMENT, Accession.ANY, ACCEDE, null, STAYS),
            new Transition(IN_FORCE, NO_AMENDMENT, Accession.NONE_PENDING, AMEND, null, STAYS),
            new Transition(IN_FORCE, EnumSet.of(AmendmentStatus.NEGOTIATION), Accession.ANY, REVISE, null, STAYS),
            new Transition(IN_FORCE, EnumSet.of(AmendmentStatus.NEGOTIATION), Accession.ANY, CIRCULATE, null, STAYS),
            new Transition(IN_FORCE, EnumSet.of(AmendmentStatus.CIRCULATING), Accession.ANY, SIGN, null, STAYS),
            new Transition(IN_FORCE, EnumSet.of(AmendmentStatus.CIRCULATING), Accession.ANY, DECLINE, null, STAYS),
            new Transition(IN_FORCE, EnumSet.of(AmendmentStatus.CIRCULATING), Accession.ANY, WITHDRAW, null, STAYS),
            new Transition(IN_FORCE, ANY_AMENDMENT, Accession.PENDING, SIGN, null, STAYS),
            new Transition(IN_FORCE, ANY_AMENDMENT, Accession.PENDING, DECLINE, null, STAYS),
            time(EnumSet.of(ACTIVE), "reminder before the end", EXPIRING),
            time(IN_FORCE, "end date", EXPIRED),
            time(IN_FORCE, "end date, auto-renewal", ACTIVE));

    private Transitions() {
    }

    private static Transition row(Set<AgreementState> from, AgreementAction action, Set<AgreementState> to) {
        return new Transition(from, ANY_AMENDMENT, Accession.ANY, action, null, to);
    }

    private static Transition time(Set<AgreementState> from, String trigger, AgreementState to) {
        return new Transition(from, ANY_AMENDMENT, Accession.ANY, null, trigger, EnumSet.of(to));
    }

    /** The actions allowed in this situation, in the order of {@link AgreementAction}. */
    public static List<AgreementAction> allowed(AgreementState state, AmendmentStatus amendment,
                                                boolean accessionPending) {
        Set<AgreementAction> allowed = EnumSet.noneOf(AgreementAction.class);
        for (Transition t : TABLE) {
            if (t.action() != null && t.appliesTo(state, amendment, accessionPending)) {
                allowed.add(t.action());
            }
        }
        return List.copyOf(allowed);
    }

    /** The states this action can lead to from this state (empty: the table has no such transition). */
    public static Set<AgreementState> outcomes(AgreementState state, AgreementAction action) {
        Set<AgreementState> to = EnumSet.noneOf(AgreementState.class);
        TABLE.stream().filter(t -> t.action() == action && t.from().contains(state))
                .forEach(t -> to.addAll(t.targets(state)));
        return to;
    }

    /** The state diagram (Mermaid) of the table: one arrow per state, target and label. */
    public static String mermaid() {
        Set<String> lines = new LinkedHashSet<>();
        lines.add("stateDiagram-v2");
        lines.add("    [*] --> DRAFT : draft");
        for (Transition t : TABLE) {
            for (AgreementState from : t.from()) {
                for (AgreementState to : t.targets(from)) {
                    String note = t.amendment().equals(ANY_AMENDMENT) && t.accession() == Accession.ANY ? ""
                            : t.accession() == Accession.PENDING ? " (accession)"
                            : t.amendment().equals(NO_AMENDMENT) ? "" : " (amendment)";
                    lines.add("    " + from + " --> " + to + " : " + t.label() + note);
                }
            }
        }
        lines.add("    EXPIRED --> [*]");
        lines.add("    TERMINATED --> [*]");
        return String.join("\n", lines) + "\n";
    }
}
