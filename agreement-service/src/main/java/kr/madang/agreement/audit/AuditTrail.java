package kr.madang.agreement.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.AgreementEvent;
import kr.madang.agreement.mou.AgreementEvent.Recorded;
import kr.madang.agreement.mou.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tamper-evident history of each agreement: one entry per change, each holding the SHA-256 of the entry before
 * it, so that editing, removing or reordering any entry breaks the chain from that point on.
 * <p>
 * The chain alone does not stop someone who can write the table: they could recompute every hash after an edit. So
 * each entry's hash is also sealed with an HMAC key from the service's configuration, which the database does not
 * hold; the head's seal vouches for the whole chain before it. Entries written before seals existed have none: such
 * a history is verified by its chain and reported as not anchored until its next change seals a new head.
 */
@Component
public class AuditTrail {

    public static final String GENESIS = "0".repeat(64);

    public record Entry(long seq, Instant occurredAt, String actor, String action, int version, String state,
                        String reason, String detail, String prevHash, String hash, String seal) {
    }

    /** Whether the chain holds; if not, the first entry where it breaks and how; whether its head is sealed. */
    public record Verification(boolean intact, Long brokenAt, String problem, boolean anchored) {
    }

    /** The entries and their verification, as of one moment. */
    public record Chain(List<Entry> entries, Verification verification) {
    }

    private final JdbcClient jdbc;
    private final SecretKeySpec sealKey;
    private final TransactionTemplate snapshot;

    public AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions,
                      @Value("${madang.agreements.audit-seal-key}") String sealKey) {
        this.jdbc = jdbc;
        this.sealKey = new SecretKeySpec(sealKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        // the entries and the agreement's own count read as of one moment: a change committed in between must not
        // look like a cut-off or broken history
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
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
            String state = recorded.stateAfter().name();
            String hash = hash(prev, agreement.id(), recorded.sequence(), at, event.actor(), action, version,
                    state, event.reason(), detail);
            jdbc.sql("""
                    insert into agreement_history (agreement_id, seq, occurred_at, actor, action, version, state, reason,
                                                   detail, prev_hash, hash, seal)
                    values (:id, :seq, :at, :actor, :action, :version, :state, :reason, :detail, :prev, :hash, :seal)
                    """)
                    .param("id", UUID.fromString(agreement.id())).param("seq", recorded.sequence())
                    .param("at", Timestamp.from(at)).param("actor", event.actor()).param("action", action)
                    .param("version", version).param("state", state)
                    .param("reason", event.reason()).param("detail", detail).param("prev", prev).param("hash", hash)
                    .param("seal", seal(hash)).update();
            prev = hash;
        }
    }

    /** The history and its verification over one consistent snapshot. */
    public Chain read(String agreementId) {
        return snapshot.execute(tx -> {
            long expectedLast = jdbc.sql("select coalesce((body ->> 'sequence')::bigint, 0) from agreement where id = :id")
                    .param("id", UUID.fromString(agreementId)).query(Long.class).optional().orElse(0L);
            List<Entry> entries = entries(agreementId);
            return new Chain(entries, verify(agreementId, entries, expectedLast));
        });
    }

    public List<Entry> entries(String agreementId) {
        return jdbc.sql("select * from agreement_history where agreement_id = :id order by seq")
                .param("id", UUID.fromString(agreementId))
                .query((rs, n) -> new Entry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getInt("version"), rs.getString("state"),
                        rs.getString("reason"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"),
                        rs.getString("seal")))
                .list();
    }

    /**
     * Recomputes the chain and checks the seals; {@code expectedLast} (the agreement's own event count) also catches
     * a cut-off tail.
     */
    public Verification verify(String agreementId, List<Entry> entries, long expectedLast) {
        String prev = GENESIS;
        long expectedSeq = 1;
        boolean anySealed = false;
        for (Entry e : entries) {
            if (e.seq() != expectedSeq) {
                return new Verification(false, e.seq(), "entry " + expectedSeq + " is missing", false);
            }
            if (!e.prevHash().equals(prev)) {
                return new Verification(false, e.seq(), "does not follow the entry before it", false);
            }
            String recomputed = hash(prev, agreementId, e.seq(), e.occurredAt(), e.actor(), e.action(), e.version(),
                    e.state(), e.reason(), e.detail());
            if (!recomputed.equals(e.hash())) {
                return new Verification(false, e.seq(), "its content does not match its hash: it was changed", false);
            }
            if (e.seal() != null) {
                anySealed = true;
                if (!sealMatches(e.hash(), e.seal())) {
                    return new Verification(false, e.seq(), "its seal does not match: the history was rewritten", false);
                }
            }
            prev = e.hash();
            expectedSeq++;
        }
        if (expectedSeq - 1 != expectedLast) {
            return new Verification(false, expectedSeq, "the history ends at entry " + (expectedSeq - 1)
                    + " but the agreement recorded " + expectedLast + " changes", false);
        }
        boolean headSealed = !entries.isEmpty() && entries.getLast().seal() != null;
        if (anySealed && !headSealed) {
            // seals began at some entry: every later one must have one, or it was written without the key
            return new Verification(false, entries.getLast().seq(), "its seal is missing: the history was rewritten",
                    false);
        }
        return new Verification(true, null, null, headSealed);
    }

    String seal(String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(sealKey);
            return HexFormat.of().formatHex(mac.doFinal(hash.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean sealMatches(String hash, String seal) {
        return java.security.MessageDigest.isEqual(seal(hash).getBytes(StandardCharsets.US_ASCII),
                seal.getBytes(StandardCharsets.US_ASCII));
    }

    /** The hash of one entry (public so that tests can play a forger who recomputes the chain). */
    public static String hash(String prev, String agreementId, long seq, Instant at, String actor, String action, int version,
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
