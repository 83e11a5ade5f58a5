package kr.madang.agreement.mou;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What happened to an agreement, in the past tense. Each is audited; all but {@link DraftEdited} are published. */
public sealed interface AgreementEvent {

    Instant at();

    /** Who did it: "hq:&lt;subject&gt;", "party:&lt;partyId&gt;" (through its signing link), or "system". */
    String actor();

    /** The reason given, where there is one (audit history). */
    default String reason() {
        return null;
    }

    record Drafted(Instant at, String actor) implements AgreementEvent {
    }

    /** A version never circulated was edited in place (nobody has seen it): audited, not announced. */
    record DraftEdited(Instant at, String actor, int version) implements AgreementEvent {
    }

    /** A new version: a revision after a decline or withdrawal, or an amendment of an agreement in force. */
    record NewVersion(Instant at, String actor, int previousVersion, int version, boolean amendment)
            implements AgreementEvent {
    }

    record Circulated(Instant at, String actor, int version, int step, List<String> recipientIds)
            implements AgreementEvent {
    }

    /** An institution was invited to accede: it alone receives the in-force version to sign (step 0). */
    record AccessionOpened(Instant at, String actor, String partyId) implements AgreementEvent {
    }

    record Signed(Instant at, String actor, Signature signature) implements AgreementEvent {
    }

    /** Carries the party itself: an acceding institution that declines is no longer among the parties. */
    record Declined(Instant at, String actor, Party party, int version, String reason, boolean accession)
            implements AgreementEvent {
    }

    record Withdrawn(Instant at, String actor, int version, String reason, boolean expired) implements AgreementEvent {
    }

    record SigningReminderDue(Instant at, String actor, int version, int step, List<String> recipientIds, int number)
            implements AgreementEvent {
    }

    record Executed(Instant at, String actor, int version, boolean amendment) implements AgreementEvent {
    }

    record Acceded(Instant at, String actor, String partyId) implements AgreementEvent {
    }

    record Activated(Instant at, String actor) implements AgreementEvent {
    }

    record Expiring(Instant at, String actor, long daysLeft) implements AgreementEvent {
    }

    record Expired(Instant at, String actor) implements AgreementEvent {
    }

    record Renewed(Instant at, String actor, LocalDate termStart, LocalDate endDate) implements AgreementEvent {
    }

    record Terminated(Instant at, String actor, String reason) implements AgreementEvent {
    }

    /** The forum event of the signing ceremony was CANCELLED or RESCHEDULED. */
    record CeremonyChanged(Instant at, String actor, String change, String detail) implements AgreementEvent {
        @Override
        public String reason() {
            return detail;
        }
    }

    /**
     * The sequence number gives the event's aggregate version (and its audit entry's position); the state is the
     * agreement's right after this event (a batch such as signed-then-executed has a state per event).
     */
    record Recorded(long sequence, AgreementEvent event, AgreementState stateAfter) {
    }
}
