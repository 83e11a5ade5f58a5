package kr.madang.registration.idempotency;

import static kr.madang.registration.forumevent.ForumEventRepository.instant;
import static kr.madang.registration.forumevent.ForumEventRepository.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The first answer to each (caller, Idempotency-Key), kept for a day. */
@Component
public class IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

    record Saved(String requestHash, Integer status, String contentType, String location, byte[] body,
                 Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyStore(JdbcClient jdbc, Clock clock,
                            @Value("${madang.idempotency.retention:P1D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /** True when this request is the first with the key: it goes ahead, and others wait for its answer. */
    boolean claim(String scope, String key, String hash) {
        return jdbc.sql("""
                insert into idempotency_record (scope, idem_key, request_hash, created_at) values (?, ?, ?, ?)
                on conflict do nothing
                """).params(scope, key, hash, ts(clock.instant())).update() == 1;
    }

    Optional<Saved> find(String scope, String key) {
        return jdbc.sql("select * from idempotency_record where scope = ? and idem_key = ?").params(scope, key)
                .query((rs, n) -> {
                    int status = rs.getInt("status");
                    Integer s = rs.wasNull() ? null : status;
                    return new Saved(rs.getString("request_hash"), s, rs.getString("content_type"),
                            rs.getString("location"), rs.getBytes("body"), instant(rs, "created_at"));
                }).optional();
    }

    /** {@code about}: the request's path, for answers about an existing registration (cancel, approve …). */
    void complete(String scope, String key, int status, String contentType, String location, byte[] body,
                  String about) {
        UUID registration = registrationOf(location) != null ? registrationOf(location) : registrationOf(about);
        jdbc.sql("""
                update idempotency_record set status = ?, content_type = ?, location = ?, body = ?, registration_id = ?
                where scope = ? and idem_key = ?
                """).params(status, contentType, location, body, registration, scope, key).update();
    }

    void release(String scope, String key) {
        jdbc.sql("delete from idempotency_record where scope = ? and idem_key = ?").params(scope, key).update();
    }

    /**
     * Takes over a claim left behind by a crash mid-request (no answer after {@link #ABANDONED_AFTER}), so the client
     * can retry. One conditional UPDATE: of two retries racing for the same abandoned claim, exactly one wins.
     */
    boolean takeOver(String scope, String key, String hash) {
        Instant now = clock.instant();
        return jdbc.sql("""
                update idempotency_record set request_hash = ?, created_at = ?
                where scope = ? and idem_key = ? and status is null and created_at < ?
                """).params(hash, ts(now), scope, key, ts(now.minus(ABANDONED_AFTER))).update() == 1;
    }

    boolean abandoned(Saved saved) {
        return saved.status() == null && saved.createdAt().isBefore(clock.instant().minus(ABANDONED_AFTER));
    }

    /** Erasure of a person: the answers kept for their registration hold their data too. */
    public void forgetRegistration(UUID registrationId) {
        jdbc.sql("delete from idempotency_record where registration_id = ?").param(registrationId).update();
    }

    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final Pattern REGISTRATION = Pattern.compile("/api/registrations/([0-9a-fA-F-]{36})(/.*)?");

    /** The registration a path names ({@code /api/registrations/{id}…}), or null. */
    static UUID registrationOf(String location) {
        if (location == null) {
            return null;
        }
        Matcher m = REGISTRATION.matcher(location);
        return m.matches() ? UUID.fromString(m.group(1)) : null;
    }

    @Scheduled(fixedDelayString = "${madang.idempotency.purge-interval:PT1H}", initialDelayString = "PT5M")
    public void purge() {
        int purged = jdbc.sql("delete from idempotency_record where created_at < ?")
                .param(ts(clock.instant().minus(retention))).update();
        if (purged > 0) {
            log.info("Purged {} idempotency records older than {}", purged, retention);
        }
    }
}
