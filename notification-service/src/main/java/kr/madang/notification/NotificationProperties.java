package kr.madang.notification;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification-service ({@code madang.notification.*}).
 *
 * @param secretariat where operational alerts go
 * @param mail        sender and Message-ID domain of emails
 * @param retry       backoff of temporary failures
 * @param quietHours  when non-urgent SMS wait
 * @param dispatch    how the dispatcher claims and sends
 * @param reminders   the day-before reminder
 * @param retention   how long message content and addresses are kept after a message is final
 */
@ConfigurationProperties("madang.notification")
public record NotificationProperties(@DefaultValue Secretariat secretariat, @DefaultValue Mail mail,
                                     @DefaultValue Retry retry, @DefaultValue Quiet quietHours,
                                     @DefaultValue Dispatch dispatch, @DefaultValue Reminders reminders,
                                     @DefaultValue("P7D") Duration retention) {

    public record Secretariat(@DefaultValue("secretariat@madang.kr") String email, @DefaultValue("ko") String language) {
    }

    public record Mail(@DefaultValue("디지털지역혁신포럼 <no-reply@madang.kr>") String from,
                       @DefaultValue("notification.madang.kr") String messageIdDomain) {
    }

    /** {@code jitter}: each backoff is spread by ± this share (0.2 = ±20%) so failures at one moment do not retry in step. */
    public record Retry(@DefaultValue("PT30S") Duration initialBackoff, @DefaultValue("2.0") double multiplier,
                        @DefaultValue("PT30M") Duration maxBackoff, @DefaultValue("PT4H") Duration maxDuration,
                        @DefaultValue("0.2") double jitter) {
    }

    public record Quiet(@DefaultValue("21:00") LocalTime start, @DefaultValue("08:00") LocalTime end,
                        @DefaultValue("Asia/Seoul") String zone) {
    }

    /**
     * @param batchSize   most messages claimed per round (a round claims only as many as there are free send slots)
     * @param concurrency messages sent at once by one instance
     * @param lease       how long a claim holds unless renewed; the claimer renews it every quarter lease while the send
     *                    is in flight, so only a claim whose instance died or stalled for a whole lease is taken over
     * @param poll        how long the dispatcher sleeps when nothing wakes it (retries that come due, other instances' rows)
     * @param enabled     run the background dispatcher
     */
    public record Dispatch(@DefaultValue("50") int batchSize, @DefaultValue("16") int concurrency,
                           @DefaultValue("PT2M") Duration lease, @DefaultValue("PT1S") Duration poll,
                           @DefaultValue("true") boolean enabled) {
    }

    /**
     * @param sendAt     local time (Asia/Seoul) from which the day-before reminders go out
     * @param checkEvery how often to look for forum events that are due a reminder
     */
    public record Reminders(@DefaultValue("09:00") LocalTime sendAt, @DefaultValue("PT1M") Duration checkEvery) {
    }
}
