package kr.madang.agreement.ceremony;

import java.sql.Timestamp;
import java.util.Optional;

import kr.madang.events.ForumEventSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What this service knows of registration-service's forum events, learnt from their events: enough to tie an
 * agreement's ceremony to an event and to know which region's office may read the agreement.
 */
@Repository
public class ForumEvents {

    private final JdbcClient jdbc;

    public ForumEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void remember(ForumEventSummary event, String status) {
        jdbc.sql("""
                insert into forum_event (id, region, title, venue, starts_at, ends_at, status, updated_at)
                values (:id, :region, :title, :venue, :startsAt, :endsAt, :status, now())
                on conflict (id) do update set region = excluded.region, title = excluded.title, venue = excluded.venue,
                    starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                    status = coalesce(excluded.status, forum_event.status), updated_at = now()
                """)
                .param("id", event.getForumEventId()).param("region", event.getRegion())
                .param("title", event.getTitle()).param("venue", event.getVenue())
                .param("startsAt", Timestamp.from(event.getStartsAt()))
                .param("endsAt", Timestamp.from(event.getEndsAt()))
                .param("status", status)
                .update();
    }

    public Optional<String> regionOf(String forumEventId) {
        if (forumEventId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select region from forum_event where id = :id").param("id", forumEventId)
                .query(String.class).optional();
    }
}
