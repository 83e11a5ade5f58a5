package kr.madang.agreement.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import kr.madang.agreement.lifecycle.AgreementLifecycle;
import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.AgreementRepository;
import kr.madang.agreement.mou.LifecyclePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Time-driven transitions: signing reminders, circulation expiry, activation, reminders before the end, expiry and
 * automatic renewal. Each due agreement is claimed with {@code FOR UPDATE SKIP LOCKED} in its own transaction, so any
 * number of instances can run this at once: each agreement is worked by one of them, and never twice for the same
 * due moment (the stored next-due time moves on in the same transaction as the events).
 */
@Component
public class DueWork {

    private static final Logger log = LoggerFactory.getLogger(DueWork.class);
    private static final int MAX_PER_RUN = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AgreementRepository agreements;
    private final AgreementLifecycle lifecycle;
    private final LifecyclePolicy policy;
    private final Clock clock;

    public DueWork(JdbcClient jdbc, TransactionTemplate transactions, AgreementRepository agreements,
                   AgreementLifecycle lifecycle, LifecyclePolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.agreements = agreements;
        this.lifecycle = lifecycle;
        this.policy = policy;
        this.clock = clock;
    }

    /** Works every agreement due by now; returns how many it handled. */
    public int runDue() {
        int handled = 0;
        while (handled < MAX_PER_RUN && Boolean.TRUE.equals(transactions.execute(tx -> workOne()))) {
            handled++;
        }
        return handled;
    }

    private boolean workOne() {
        Instant now = clock.instant();
        Optional<UUID> claimed = jdbc.sql("""
                select id from agreement where next_due_at <= :now
                 order by next_due_at limit 1 for update skip locked
                """).param("now", Timestamp.from(now)).query(UUID.class).optional();
        if (claimed.isEmpty()) {
            return false;
        }
        String id = claimed.get().toString();
        Agreement agreement = agreements.find(id).orElseThrow();
        // advanceTo does one step of each kind; a long outage may need a few (e.g. activated, then already expiring)
        for (int i = 0; i < 5; i++) {
            agreement.advanceTo(now, policy);
            Instant next = agreement.nextDueAt(policy);
            if (next == null || next.isAfter(now)) {
                break;
            }
        }
        lifecycle.store(agreement, null);
        Instant next = agreement.nextDueAt(policy);
        if (next != null && !next.isAfter(now)) {
            // never spin on one agreement: look again later and say so
            log.warn("Agreement {} still due after its time-driven work; looking again in an hour", id);
            jdbc.sql("update agreement set next_due_at = :later where id = :id")
                    .param("later", Timestamp.from(now.plus(Duration.ofHours(1)))).param("id", claimed.get()).update();
        } else {
            jdbc.sql("update agreement set next_due_at = :next where id = :id")
                    .param("next", next == null ? null : Timestamp.from(next)).param("id", claimed.get()).update();
        }
        return true;
    }
}
