package kr.madang.agreement.mou;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The configurable timing of the lifecycle.
 *
 * @param zone                 dates (effective, end) are days in this zone
 * @param signingReminderAfter a party of the open step that has not signed is reminded after this long, and again each
 *                             time this long passes
 * @param maxSigningReminders  at most this many reminders per step
 * @param circulationExpiry    a circulation not completed within this long is withdrawn
 * @param expiryReminderDays   days before the end date at which parties are told the agreement is ending
 */
public record LifecyclePolicy(ZoneId zone, Duration signingReminderAfter, int maxSigningReminders,
                              Duration circulationExpiry, List<Integer> expiryReminderDays) {

    public LifecyclePolicy {
        expiryReminderDays = expiryReminderDays.stream().distinct().sorted((a, b) -> b - a).toList();
    }

    public static LifecyclePolicy defaults() {
        return new LifecyclePolicy(ZoneId.of("Asia/Seoul"), Duration.ofDays(7), 3, Duration.ofDays(30), List.of(90, 30, 7));
    }
}
