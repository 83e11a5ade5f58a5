package kr.madang.agreement.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The lifecycle's timing, under {@code madang.agreements}.
 *
 * @param timeZone             the zone whose days effective and end dates are (Asia/Seoul)
 * @param signingReminderAfter remind a party that has not signed after this long, and again each time it passes
 * @param maxSigningReminders  at most this many reminders per signing step
 * @param circulationExpiry    withdraw a circulation not completed within this long
 * @param expiryReminderDays   days before the end date at which parties are told the agreement is ending
 */
@ConfigurationProperties("madang.agreements")
public record AgreementProperties(ZoneId timeZone, Duration signingReminderAfter, Integer maxSigningReminders,
                                  Duration circulationExpiry, List<Integer> expiryReminderDays) {

    public AgreementProperties {
        timeZone = timeZone == null ? ZoneId.of("Asia/Seoul") : timeZone;
        signingReminderAfter = signingReminderAfter == null ? Duration.ofDays(7) : signingReminderAfter;
        maxSigningReminders = maxSigningReminders == null ? 3 : maxSigningReminders;
        circulationExpiry = circulationExpiry == null ? Duration.ofDays(30) : circulationExpiry;
        expiryReminderDays = expiryReminderDays == null ? List.of(90, 30, 7) : expiryReminderDays;
    }
}
