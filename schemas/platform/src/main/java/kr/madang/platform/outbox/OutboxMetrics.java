package kr.madang.platform.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What ops watch on the outbox: rows waiting ({@code madang_outbox_backlog}), the age of the oldest one
 * ({@code madang_outbox_oldest_age_seconds}: it grows when Kafka is away or the relay is stuck) and rows
 * published ({@code madang_outbox_published_total}). The backlog is read at most once a second, not per scrape.
 */
public class OutboxMetrics implements MeterBinder {

    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final JdbcClient jdbc;
    private final OutboxRelay relay;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(0, 0, 0));

    public OutboxMetrics(JdbcClient jdbc, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.relay = relay;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("madang.outbox.backlog", this, m -> m.snapshot().rows())
                .description("Outbox rows not yet published to Kafka").baseUnit("rows").register(registry);
        Gauge.builder("madang.outbox.oldest.age", this, m -> m.snapshot().oldestAgeSeconds())
                .description("Age of the oldest unpublished outbox row").baseUnit("seconds").register(registry);
        FunctionCounter.builder("madang.outbox.published", relay, OutboxRelay::publishedCount)
                .description("Outbox rows published to Kafka by this instance").register(registry);
    }

    private Snapshot snapshot() {
        Snapshot current = last.get();
        long now = System.nanoTime();
        if (now - current.readAt() < REFRESH_NANOS && current.readAt() != 0) {
            return current;
        }
        try {
            Snapshot fresh = jdbc.sql("""
                    select count(*) as rows, coalesce(extract(epoch from now() - min(created_at)), 0) as age
                    from outbox_message
                    """)
                    .query((rs, n) -> new Snapshot(rs.getLong("rows"), rs.getDouble("age"), now))
                    .single();
            last.set(fresh);
            return fresh;
        } catch (RuntimeException databaseAway) {
            return current;
        }
    }

    private record Snapshot(long rows, double oldestAgeSeconds, long readAt) {
    }
}
