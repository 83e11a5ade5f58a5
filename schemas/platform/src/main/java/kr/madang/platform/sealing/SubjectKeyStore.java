package kr.madang.platform.sealing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import kr.madang.platform.outbox.Outbox;
import kr.madang.schemas.sealing.FieldSealer;
import kr.madang.schemas.Topics;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data keys of persons, in this service's own database ({@code subject_key}), and their copy on the compacted
 * topic {@link Topics#SUBJECT_KEYS} (sealed with the service key, so only Madang's services can use them).
 * The owner creates a person's key when it first seals their data and destroys it on erasure: the row keeps only
 * the fact of the erasure, and a tombstone removes the topic's copy at its next compaction. Consumers keep a copy of
 * each key until its tombstone arrives.
 */
public class SubjectKeyStore implements FieldSealer.SubjectKeys {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final FieldSealer sealer;

    public SubjectKeyStore(JdbcClient jdbc, Outbox outbox, FieldSealer sealer) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.sealer = sealer;
    }

    /**
     * The person's key, made (and its copy published through the outbox, in the caller's transaction) if new. One
     * statement whether the key is new or known: a registration's first event makes it, the later ones read it.
     */
    public byte[] keyForSealing(String subjectId) {
        byte[] fresh = FieldSealer.newDataKey();
        List<KeyLookup> found = jdbc.sql("""
                        with made as (
                            insert into subject_key (subject_id, data_key) values (:subject, :key)
                            on conflict do nothing returning data_key)
                        select data_key, true as made from made
                        union all
                        select data_key, false from subject_key where subject_id = :subject and not exists (select 1 from made)
                        """)
                .param("subject", subjectId).param("key", fresh)
                .query((rs, n) -> new KeyLookup(rs.getBytes(1), rs.getBoolean(2))).list();
        if (found.isEmpty()) {
            // another transaction made it between this statement's snapshot and its insert: read it again
            return keyForSealing(subjectId);
        }
        KeyLookup key = found.getFirst();
        if (key.dataKey() == null) {
            throw new IllegalStateException("the data of subject " + subjectId + " was erased");
        }
        if (key.made()) {
            outbox.appendRecord(Topics.SUBJECT_KEYS, subjectId,
                    sealer.seal(Base64.getEncoder().encodeToString(fresh)).getBytes(StandardCharsets.UTF_8));
        }
        return key.dataKey();
    }

    private record KeyLookup(byte[] dataKey, boolean made) {
    }

    /** Destroys the person's key here and, through a tombstone, on the topic. */
    public void erase(String subjectId) {
        forget(subjectId);
        outbox.appendRecord(Topics.SUBJECT_KEYS, subjectId, null);
    }

    /** A consumer's copy of a key read from the topic: kept unless the person was erased meanwhile. */
    public void remember(String subjectId, String sealedKey) {
        byte[] key = Base64.getDecoder().decode(sealer.open(sealedKey, ignored -> Optional.empty()));
        jdbc.sql("insert into subject_key (subject_id, data_key) values (?, ?) on conflict do nothing")
                .params(subjectId, key).update();
    }

    /** A consumer's copy destroyed: the tombstone arrived, or the owner's erasure event did. */
    public void forget(String subjectId) {
        jdbc.sql("""
                insert into subject_key (subject_id, data_key, erased_at) values (?, null, now())
                on conflict (subject_id) do update set data_key = null, erased_at = coalesce(subject_key.erased_at, now())
                """).param(subjectId).update();
    }

    /** Whether the person's key was destroyed (here or by the owner's tombstone). */
    public boolean isErased(String subjectId) {
        return jdbc.sql("select exists (select 1 from subject_key where subject_id = ? and data_key is null)")
                .param(subjectId).query(Boolean.class).single();
    }

    @Override
    public Optional<byte[]> dataKey(String subjectId) {
        return row(subjectId).map(Row::dataKey);
    }

    /**
     * The key, waiting up to {@code patience} for it: a person's key and the first event sealed with it leave in the
     * same transaction but on two topics, so a consumer may see the event a moment first. Empty when the person was
     * erased or the key did not come in time.
     */
    public Optional<byte[]> awaitDataKey(String subjectId, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 20;
        while (true) {
            Optional<Row> row = row(subjectId);
            if (row.isPresent()) {
                return Optional.ofNullable(row.get().dataKey());
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = Math.min(pause * 2, 500);
        }
    }

    private Optional<Row> row(String subjectId) {
        List<Row> rows = jdbc.sql("select data_key from subject_key where subject_id = ?").param(subjectId)
                .query((rs, n) -> new Row(rs.getBytes(1))).list();
        return rows.stream().findFirst();
    }

    private record Row(byte[] dataKey) {
    }
}
