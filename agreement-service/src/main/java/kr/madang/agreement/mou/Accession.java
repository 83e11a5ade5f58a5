package kr.madang.agreement.mou;

import java.time.Instant;

/**
 * An institution invited to accede, until it signs the version in force, declines, or its invitation lapses
 * ({@link LifecyclePolicy#circulationExpiry()} after it was opened or last re-sent).
 */
public record Accession(String partyId, Instant openedAt, int remindersSent) {

    public Instant deadline(LifecyclePolicy policy) {
        return openedAt.plus(policy.circulationExpiry());
    }

    Instant nextReminder(LifecyclePolicy policy) {
        return openedAt.plus(policy.signingReminderAfter().multipliedBy(remindersSent + 1L));
    }

    Accession reminded() {
        return new Accession(partyId, openedAt, remindersSent + 1);
    }
}
