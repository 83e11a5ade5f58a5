package kr.madang.agreement.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.AgreementEvent;
import kr.madang.agreement.mou.AgreementEvent.Recorded;
import kr.madang.agreement.mou.Document;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tamper-evident history of each agreement: one entry per change, each holding the SHA-256 of the entry before
 * it, so that editing, removing or reordering any entry breaks the chain from that point on.
 */
@Component
public class AuditTrail {

    public static final String GENESIS = "0".repeat(64);

    public record Entry(long seq, Instant occurredAt, String actor, String action, int version, String state,
                        String reason, String detail, String prevHash, String hash) {
    }

    /** Whether the chain holds; if not, the first entry where it breaks and how. */
    public record Verification(boolean intact, Long brokenAt, String problem) {
    }

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the entries of these events, in the transaction that stores the agreement (which holds its row lock). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Agreement agreement, List<Recorded> events) {
        String prev = jdbc.sql("select hash from agreement_history where agreement_id = :id order by seq desc limit 1")
                .param("id", UUID.fromString(agreement.id())).query(String.class).optional().orElse(GENESIS);
        for (Recorded recorded : events) {
            AgreementEvent event = recorded.event();
            Instant at = event.at().truncatedTo(ChronoUnit.MILLIS);
            int version = versionOf(agreement, event);
            String action = event.getClass().getSimpleName();
            String detail = AuditDetails.describe(agreement, event);
            String hash = hash(prev, agreement.id(), recorded.sequence(), at, event.actor(), action, version,
                    agreement.state().name(), event.reason(), detail);
            jdbc.sql("""
                    insert into agreement_history (agreement_id, seq, occurred_at, actor, action, version, state, reason,
                                                   detail, prev_hash, hash)
                    values (:id, :seq, :at, :actor, :action, :version, :state, :reason, :detail, :prev, :hash)
                    """)
                    .param("id", UUID.fromString(agreement.id())).param("seq", recorded.sequence())
                    .param("at", Timestamp.from(at)).param("actor", event.actor()).param("action", action)
                    .param("version", version).param("state", agreement.state().name())
                    .param("reason", event.reason()).param("detail", detail).param("prev", prev).param("hash", hash)
                    .update();
            prev = hash;
        }
    }

    public List<Entry> entries(String agreementId) {
        return jdbc.sql("select * from agreement_history where agreement_id = :id order by seq")
                .param("id", UUID.fromString(agreementId))
                .query((rs, n) -> new Entry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getInt("version"), rs.getString("state"),
                        rs.getString("reason"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash")))
                .list();
    }

    /** Recomputes the chain; {@code expectedLast} (the agreement's own event count) also catches a cut-off tail. */
    public static Verification verify(String agreementId, List<Entry> entries, long expectedLast) {
        String prev = GENESIS;
        long expectedSeq = 1;
        for (Entry e : entries) {
            if (e.seq() != expectedSeq) {
                return new Verification(false, e.seq(), "entry " + expectedSeq + " is missing");
            }
            if (!e.prevHash().equals(prev)) {
                return new Verification(false, e.seq(), "does not follow the entry before it");
            }
            String recomputed = hash(prev, agreementId, e.seq(), e.occurredAt(), e.actor(), e.action(), e.version(),
                    e.state(), e.reason(), e.detail());
            if (!recomputed.equals(e.hash())) {
                return new Verification(false, e.seq(), "its content does not match its hash: it was changed");
            }
            prev = e.hash();
            expectedSeq++;
        }
        if (expectedSeq - 1 != expectedLast) {
            return new Verification(false, expectedSeq, "the history ends at entry " + (expectedSeq - 1)
                    + " but the agreement recorded " + expectedLast + " changes");
        }
        return new Verification(true, null, null);
    }

    static String hash(String prev, String agreementId, long seq, Instant at, String actor, String action, int version,
                       String state, String reason, String detail) {
        // Unit separators keep field boundaries unambiguous ("ab"+"c" differs from "a"+"bc").
        String canonical = String.join("\u001f", prev, agreementId, Long.toString(seq), at.toString(), actor, action,
                Integer.toString(version), state, reason == null ? "\u0000" : reason, detail == null ? "\u0000" : detail);
        return Document.sha256(canonical.getBytes(StandardCharsets.UTF_8));
    }

    private static int versionOf(Agreement agreement, AgreementEvent event) {
        return switch (event) {
            case AgreementEvent.Signed s -> s.signature().version();
            case AgreementEvent.Declined d -> d.version();
            case AgreementEvent.Circulated c -> c.version();
            case AgreementEvent.Withdrawn w -> w.version();
            case AgreementEvent.Executed x -> x.version();
            case AgreementEvent.NewVersion v -> v.version();
            case AgreementEvent.DraftEdited d -> d.version();
            case AgreementEvent.SigningReminderDue r -> r.version();
            default -> agreement.inForce().orElse(agreement.currentVersion()).number();
        };
    }
}
