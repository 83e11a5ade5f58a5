package kr.madang.platform.accesslog;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal-data access log: kept apart from the data it is about (its own table, ids not names, untouched by
 * erasure and by retention jobs: at least two years), and tamper-evident: each entry carries an HMAC over the entry
 * before it and its own fields, with a key from configuration that the database does not hold, so whoever can
 * write the table can neither edit, delete nor insert an entry without {@link #verify()} seeing it.
 */
public class PersonalDataAccessLog {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** One writer at a time extends the chain (transaction-scoped advisory lock). */
    private static final long CHAIN_LOCK = 0x4d41444e47414c4cL;

    private final JdbcClient jdbc;
    private final byte[] key;
    private final Clock clock;

    public PersonalDataAccessLog(JdbcClient jdbc, byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("madang.access-log.key must be at least 32 bytes");
        }
        this.jdbc = jdbc;
        this.key = key.clone();
        this.clock = clock;
    }

    /** Recorded in a transaction of its own: the entry stays even when what follows fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(PersonalDataAccess access) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
        String previous = jdbc.sql("select hash from personal_data_access order by id desc limit 1")
                .query(String.class).optional().orElse("");
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Entry entry = new Entry(0, at, access.account(), access.role(), access.sourceAddress(), access.action().name(),
                access.scope(), access.subjectIds(), access.query(), access.reason(), previous, null);
        String hash = mac(entry);
        jdbc.sql("""
                insert into personal_data_access (at, account, role, source_address, action, scope, subject_ids,
                    subject_count, query, reason, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(Timestamp.from(at), entry.account(), entry.role(), entry.sourceAddress(), entry.action(),
                entry.scope(), String.join(",", entry.subjectIds()), entry.subjectIds().size(), entry.query(),
                entry.reason(), previous, hash).update();
    }

    /** A month's entries (Seoul time), newest first, optionally of one account and one action. */
    public List<Entry> find(YearMonth month, String account, String action) {
        Instant from = month.atDay(1).atStartOfDay(SEOUL).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(SEOUL).toInstant();
        return jdbc.sql("""
                select * from personal_data_access where at >= ? and at < ?
                  and (cast(? as text) is null or account = ?) and (cast(? as text) is null or action = ?)
                order by id desc limit 1000
                """).params(Timestamp.from(from), Timestamp.from(to), account, account, action, action)
                .query((rs, n) -> entry(rs)).list();
    }

    /** Per account and action in a month: how many accesses and how many persons' records they reached. */
    public List<Summary> monthlySummary(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(SEOUL).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(SEOUL).toInstant();
        return jdbc.sql("""
                select account, action, count(*) as accesses, coalesce(sum(subject_count), 0) as records
                from personal_data_access where at >= ? and at < ? group by account, action order by account, action
                """).params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Summary(rs.getString("account"), rs.getString("action"), rs.getLong("accesses"),
                        rs.getLong("records"))).list();
    }

    /** The first entry whose HMAC or link to its predecessor does not hold, or -1 when the whole chain verifies. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public long verify() {
        String previous = "";
        // Streamed through a cursor, 1,000 rows at a time: years of entries never sit in memory at once.
        try (java.util.stream.Stream<Entry> entries = jdbc.sql("select * from personal_data_access order by id")
                .withFetchSize(1_000).query((rs, n) -> entry(rs)).stream()) {
            for (java.util.Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
                Entry entry = it.next();
                if (!entry.previousHash().equals(previous) || !mac(entry).equals(entry.hash())) {
                    return entry.id();
                }
                previous = entry.hash();
            }
        }
        return -1;
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        String ids = rs.getString("subject_ids");
        return new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("account"),
                rs.getString("role"), rs.getString("source_address"), rs.getString("action"), rs.getString("scope"),
                ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")), rs.getString("query"),
                rs.getString("reason"), rs.getString("previous_hash"), rs.getString("hash"));
    }

    private String mac(Entry e) {
        List<String> fields = new ArrayList<>(List.of(e.previousHash(), e.at().toString(), nz(e.account()), nz(e.role()),
                nz(e.sourceAddress()), e.action(), nz(e.scope()), String.join(",", e.subjectIds()), nz(e.query()),
                nz(e.reason())));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            // length-prefixed fields: no two different entries serialise alike
            for (String field : fields) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                mac.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    public record Entry(long id, Instant at, String account, String role, String sourceAddress, String action,
                        String scope, List<String> subjectIds, String query, String reason, String previousHash,
                        String hash) {
    }

    public record Summary(String account, String action, long accesses, long records) {
    }

}
