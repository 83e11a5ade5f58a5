package kr.madang.notification.eventchannel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The text channel ops chose per forum event. The forum events are the ones this service learnt from the bus
 * (its local copy); an event nobody chose for uses AlimTalk where a template and the recipient allow it.
 */
@Component
public class EventTextChannels {

    public static final TextChannel DEFAULT = TextChannel.ALIMTALK;

    public record ForumEventChannel(String forumEventId, String title, String titleEn, String region, Instant startsAt,
                                    boolean cancelled, TextChannel channel, boolean chosen, String changedBy,
                                    Instant changedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    /**
     * forum event id → SMS only: asked at queueing and again at sending of every text message. A save here drops its
     * entry at once; the short expiry is the safety net for a choice saved by another instance of the service.
     */
    private final Cache<String, Boolean> smsOnly = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    public EventTextChannels(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when ops chose SMS/LMS only for this forum event (null: a message of no forum event, never). */
    public boolean smsOnly(String forumEventId) {
        return forumEventId != null && smsOnly.get(forumEventId, id -> jdbc.sql(
                        "select channel from forum_event_text_channel where forum_event_id = :id")
                .param("id", id).query(String.class).optional()
                .map(TextChannel.SMS.name()::equals).orElse(false));
    }

    public List<ForumEventChannel> all() {
        return jdbc.sql(SELECT + " order by f.starts_at desc, f.forum_event_id").query(this::row).list();
    }

    public Optional<ForumEventChannel> find(String forumEventId) {
        return jdbc.sql(SELECT + " where f.forum_event_id = :id").param("id", forumEventId).query(this::row).optional();
    }

    /** Records the choice; the caller checked the forum event exists. */
    public void choose(String forumEventId, TextChannel channel, String by) {
        jdbc.sql("""
                        insert into forum_event_text_channel (forum_event_id, channel, changed_by, changed_at)
                        values (:id, :channel, :by, :at)
                        on conflict (forum_event_id) do update set channel = excluded.channel,
                            changed_by = excluded.changed_by, changed_at = excluded.changed_at
                        """)
                .param("id", forumEventId).param("channel", channel.name()).param("by", by)
                .param("at", Timestamp.from(clock.instant())).update();
        // after the write: a read racing it cannot put the old choice back for long (the expiry), and the next
        // message of this event, queued or being sent, sees the new choice
        smsOnly.invalidate(forumEventId);
    }

    private static final String SELECT = """
            select f.forum_event_id, f.title, f.title_en, f.region, f.starts_at, f.cancelled,
                   c.channel, c.changed_by, c.changed_at
            from forum_event f left join forum_event_text_channel c on c.forum_event_id = f.forum_event_id
            """;

    private ForumEventChannel row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String channel = rs.getString("channel");
        Timestamp changedAt = rs.getTimestamp("changed_at");
        return new ForumEventChannel(rs.getString("forum_event_id"), rs.getString("title"), rs.getString("title_en"),
                rs.getString("region"), rs.getTimestamp("starts_at").toInstant(), rs.getBoolean("cancelled"),
                channel == null ? DEFAULT : TextChannel.valueOf(channel), channel != null, rs.getString("changed_by"),
                changedAt == null ? null : changedAt.toInstant());
    }
}
