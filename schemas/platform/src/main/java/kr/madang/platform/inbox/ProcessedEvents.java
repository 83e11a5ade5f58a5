package kr.madang.platform.inbox;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent-consumer guard: a handler calls {@link #firstDelivery} inside the transaction of its effects.
 * The (consumer group, event id) row and the effects commit together, so a redelivered event finds the row
 * and changes nothing; if the handler fails, neither is kept and the redelivery applies it.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time this consumer group sees the event; false for every redelivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumerGroup, String eventId) {
        return jdbc.sql("""
                insert into processed_event (consumer_group, event_id) values (:group, :eventId)
                on conflict do nothing
                """)
                .param("group", consumerGroup).param("eventId", eventId)
                .update() == 1;
    }

    /** Forgets deliveries older than the window; it must exceed how long a record can be redelivered. */
    public int forgetOlderThan(Duration window) {
        return jdbc.sql("delete from processed_event where processed_at < now() - make_interval(secs => :secs)")
                .param("secs", window.toSeconds())
                .update();
    }
}
