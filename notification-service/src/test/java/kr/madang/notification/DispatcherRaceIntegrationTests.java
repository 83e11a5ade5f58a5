package kr.madang.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import kr.madang.notification.dispatch.Dispatcher;
import kr.madang.notification.dispatch.EmailSender;
import kr.madang.notification.dispatch.QuietHours;
import kr.madang.notification.dispatch.RetryPolicy;
import kr.madang.notification.message.MessageStore;
import kr.madang.notification.message.StatusEvents;
import kr.madang.notification.NotificationProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Several dispatcher instances on one database never send the same message twice. */
class DispatcherRaceIntegrationTests extends NotificationIntegrationTest {

    @Autowired MessageStore messages;
    @Autowired StatusEvents statusEvents;
    @Autowired EmailSender email;
    @Autowired RetryPolicy retry;
    @Autowired QuietHours quietHours;
    @Autowired TransactionTemplate transactions;
    @Autowired NotificationProperties properties;

    @Test
    void twoInstancesRacingOverTheSameDueMessagesSendEachExactlyOnce() throws Exception {
        Instant dueAt = clock.instant().plus(Duration.ofHours(2));
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String to = TestEvents.uniqueEmail("race" + i);
            recipients.add(to);
            insertDueMessage(to, dueAt);
        }
        var settings = new NotificationProperties.Dispatch(5, 4, Duration.ofMinutes(2), Duration.ofSeconds(1), true);
        Dispatcher a = new Dispatcher("race-a", messages, statusEvents, email, smsGateway, retry, quietHours, transactions, clock, settings);
        Dispatcher b = new Dispatcher("race-b", messages, statusEvents, email, smsGateway, retry, quietHours, transactions, clock, settings);
        CyclicBarrier start = new CyclicBarrier(2);

        clock.advance(Duration.ofHours(2).plusSeconds(1));
        // the service's own dispatcher joins in at its next poll: three instances
        var runA = CompletableFuture.supplyAsync(() -> drain(a, start));
        var runB = CompletableFuture.supplyAsync(() -> drain(b, start));
        int claimedByTests = runA.get() + runB.get();

        await().atMost(Duration.ofSeconds(20)).until(() -> recipients.stream().allMatch(r -> mailTo(r).size() == 1));
        assertThat(recipients).allSatisfy(r -> assertThat(mailTo(r)).hasSize(1));
        assertThat(claimedByTests).as("the racing instances did the work").isPositive();
        assertThat(jdbc.sql("select count(*) from message where source_event_id = 'race' and (status <> 'SENT' or attempts <> 1)")
                .query(Integer.class).single()).isZero();
        a.close();
        b.close();
    }

    private static int drain(Dispatcher dispatcher, CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int total = 0;
        int claimed;
        do {
            claimed = dispatcher.dispatchDue();
            total += claimed;
        } while (claimed > 0);
        return total;
    }

    private void insertDueMessage(String to, Instant dueAt) {
        jdbc.sql("""
                insert into message (id, source_event_id, source_event_type, template_code, template_version, channel, language,
                    recipient_key, recipient, recipient_masked, subject, body_text, body_html, essential, urgent, status,
                    next_attempt_at, created_at, updated_at)
                values (:id, 'race', 'RegistrationConfirmed', 'registration-confirmed', 1, 'EMAIL', 'ko', :key, :to, 'r***',
                    '[디지털지역혁신포럼] 경합', '본문', '<p>본문</p>', true, false, 'QUEUED', :due, :due, :due)
                """)
                .param("id", UUID.randomUUID()).param("key", to).param("to", to).param("due", Timestamp.from(dueAt))
                .update();
    }
}
