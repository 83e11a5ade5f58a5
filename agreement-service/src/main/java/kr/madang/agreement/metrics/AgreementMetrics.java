package kr.madang.agreement.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import kr.madang.agreement.mou.AgreementState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code madang_agreements{state}}: agreements in each state (how many MOUs are circulating, in force, expiring).
 * Read from the agreement table at most every 10 seconds, not on every scrape; with the database away the last
 * known counts stay.
 */
@Component
public class AgreementMetrics implements MeterBinder {

    private static final long REFRESH_NANOS = Duration.ofSeconds(10).toNanos();

    private final JdbcClient jdbc;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(new EnumMap<>(AgreementState.class), 0));

    public AgreementMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (AgreementState state : AgreementState.values()) {
            Gauge.builder("madang.agreements", this, m -> m.snapshot().counts().getOrDefault(state, 0L))
                    .description("Agreements (MOUs) by state").tag("state", state.name()).register(registry);
        }
    }

    private Snapshot snapshot() {
        Snapshot current = last.get();
        long now = System.nanoTime();
        if (current.readAt() != 0 && now - current.readAt() < REFRESH_NANOS) {
            return current;
        }
        try {
            Map<AgreementState, Long> counts = new EnumMap<>(AgreementState.class);
            jdbc.sql("select state, count(*) as n from agreement group by state").query(rs -> {
                try {
                    counts.put(AgreementState.valueOf(rs.getString("state")), rs.getLong("n"));
                } catch (IllegalArgumentException unknownState) {
                    // a state added by a newer version of the service: not ours to show
                }
            });
            Snapshot fresh = new Snapshot(counts, now);
            last.set(fresh);
            return fresh;
        } catch (RuntimeException databaseAway) {
            return current;
        }
    }

    private record Snapshot(Map<AgreementState, Long> counts, long readAt) {
    }
}
