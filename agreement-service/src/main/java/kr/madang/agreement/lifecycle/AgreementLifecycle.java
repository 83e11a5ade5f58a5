package kr.madang.agreement.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import kr.madang.agreement.audit.AuditTrail;
import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.AgreementEvent.Recorded;
import kr.madang.agreement.mou.AgreementRepository;
import kr.madang.agreement.mou.DraftSpec;
import kr.madang.agreement.publishing.AgreementEvents;
import kr.madang.platform.web.ApiProblem;
import kr.madang.platform.web.CorrelationIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs each command on an agreement in one transaction: lock the agreement, apply the domain method, then store the
 * new state, its audit entries and its events (outbox) together — all or nothing.
 */
@Service
public class AgreementLifecycle {

    private final AgreementRepository agreements;
    private final AuditTrail audit;
    private final AgreementEvents events;
    private final JdbcClient jdbc;
    private final Clock clock;

    public AgreementLifecycle(AgreementRepository agreements, AuditTrail audit, AgreementEvents events, JdbcClient jdbc,
                              Clock clock) {
        this.agreements = agreements;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Created(Agreement agreement, boolean replayed) {
    }

    /**
     * Drafts a new agreement. With an idempotency key, a retry of the same request answers the agreement created the
     * first time; the same key with a different request is refused.
     */
    @Transactional
    public Created create(DraftSpec spec, String actor, String idempotencyKey, String requestHash) {
        String id = UUID.randomUUID().toString();
        if (idempotencyKey != null) {
            int claimed = jdbc.sql("""
                    insert into idempotency_key (principal, key, request_hash, agreement_id)
                    values (:principal, :key, :hash, :id) on conflict do nothing
                    """)
                    .param("principal", actor).param("key", idempotencyKey).param("hash", requestHash)
                    .param("id", UUID.fromString(id)).update();
            if (claimed == 0) {
                var earlier = jdbc.sql("select request_hash, agreement_id from idempotency_key where principal = :p and key = :k")
                        .param("p", actor).param("k", idempotencyKey)
                        .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).single();
                if (!earlier[0].equals(requestHash)) {
                    throw new ApiProblem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                            "Idempotency key reused", "this Idempotency-Key was used for a different request",
                            "Idempotency-Key");
                }
                return new Created(agreements.find(earlier[1]).orElseThrow(), true);
            }
        }
        Agreement agreement = Agreement.draft(id, spec, clock.instant(), actor);
        agreements.insert(agreement);
        List<Recorded> recorded = agreement.drainEvents();
        audit.append(agreement, recorded);
        events.publish(agreement, recorded, CorrelationIds.current(), null);
        return new Created(agreement, false);
    }

    /** Applies a command to the agreement under its row lock; a refused command changes nothing. */
    @Transactional
    public <T> T change(String id, BiFunction<Agreement, Instant, T> command) {
        Agreement agreement = agreements.lock(id).orElseThrow(() -> ApiProblem.notFound("agreement " + id));
        T result = command.apply(agreement, clock.instant());
        store(agreement, null);
        return result;
    }

    /** Stores what the agreement recorded, in the caller's transaction (which holds the agreement's row lock). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void store(Agreement agreement, String causationId) {
        List<Recorded> recorded = agreement.drainEvents();
        if (recorded.isEmpty()) {
            return;
        }
        agreements.update(agreement);
        audit.append(agreement, recorded);
        events.publish(agreement, recorded, CorrelationIds.current(), causationId);
    }

    public Optional<Agreement> find(String id) {
        return agreements.find(id);
    }

    public Instant now() {
        return clock.instant();
    }
}
