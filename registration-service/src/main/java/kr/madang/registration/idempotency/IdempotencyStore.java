package kr.madang.registration.idempotency;

import static kr.madang.registration.forumevent.ForumEventRepository.instant;
import static kr.madang.registration.forumevent.ForumEventRepository.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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

    void complete(String scope, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                update idempotency_record set status = ?, content_type = ?, location = ?, body = ?
                where scope = ? and idem_key = ?
                """).params(status, contentType, location, body, scope, key).update();
    }

    void release(String scope, String key) {
        jdbc.sql("delete from idempotency_record where scope = ? and idem_key = ?").params(scope, key).update();
    }

    /** A claim left behind by a crash mid-request is released after a while, so the client can retry. */
    boolean abandoned(Saved saved) {
        return saved.status() == null && saved.createdAt().isBefore(clock.instant().minus(Duration.ofMinutes(2)));
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
