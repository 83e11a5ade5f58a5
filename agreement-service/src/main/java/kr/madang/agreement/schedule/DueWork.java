package kr.madang.agreement.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

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
 * <p>
 * One agreement whose work fails (a bug, a row that no longer reads) must not hold up the others: its transaction is
 * rolled back, it is looked at again later, the failure is logged by id only and counted
 * ({@code madang.agreements.due.failures}), and the run goes on with the next agreement.
 */
@Component
public class DueWork implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(DueWork.class);
    private static final int MAX_PER_RUN = 500;
    /** How long a failed agreement rests before it is tried again. */
    static final Duration RETRY_FAILED_AFTER = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AgreementRepository agreements;
    private final AgreementLifecycle lifecycle;
    private final LifecyclePolicy policy;
    private final Clock clock;
    private final AtomicLong failures = new AtomicLong();

    public DueWork(JdbcClient jdbc, TransactionTemplate transactions, AgreementRepository agreements,
                   AgreementLifecycle lifecycle, LifecyclePolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.agreements = agreements;
        this.lifecycle = lifecycle;
        this.policy = policy;
        this.clock = clock;
    }

    /** Works every agreement due by now; returns how many it handled (failed ones are not counted). */
    public int runDue() {
        int handled = 0;
        int failed = 0;
        while (handled + failed < MAX_PER_RUN) {
            AtomicReference<UUID> claimed = new AtomicReference<>();
            try {
                if (!Boolean.TRUE.equals(transactions.execute(tx -> workOne(claimed)))) {
                    break;
                }
                handled++;
            } catch (RuntimeException e) {
                if (claimed.get() == null) {
                    throw e; // not one agreement's fault (the database is away): the next run tries again
                }
                failed++;
                failures.incrementAndGet();
                // the exception's message may quote the agreement's content (names, contacts): its type only
                log.error("Time-driven work on agreement {} failed ({}); trying it again in {}", claimed.get(),
                        e.getClass().getName(), RETRY_FAILED_AFTER);
                postpone(claimed.get());
            }
        }
        return handled;
    }

    /** Failures of single agreements since start. */
    public long failures() {
        return failures.get();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("madang.agreements.due.failures", failures, AtomicLong::get)
                .description("Agreements whose time-driven work failed (each retried later)").register(registry);
    }

    private void postpone(UUID id) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> jdbc.sql(
                        "update agreement set next_due_at = :later where id = :id and next_due_at <= :now")
                .param("later", Timestamp.from(now.plus(RETRY_FAILED_AFTER))).param("id", id)
                .param("now", Timestamp.from(now)).update());
    }

    private boolean workOne(AtomicReference<UUID> claimedId) {
        Instant now = clock.instant();
        Optional<UUID> claimed = jdbc.sql("""
                select id from agreement where next_due_at <= :now
                 order by next_due_at limit 1 for update skip locked
                """).param("now", Timestamp.from(now)).query(UUID.class).optional();
        if (claimed.isEmpty()) {
            return false;
        }
        claimedId.set(claimed.get());
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
