package kr.madang.notification.recipients;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import kr.madang.events.Contact;
import kr.madang.events.ForumEventSummary;
import kr.madang.notification.routing.AttendeeDirectory;
import kr.madang.notification.routing.EventRouter;
import kr.madang.notification.routing.Recipient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The minimal copy of forum events and their registered attendees this service keeps for reminders and event-wide
 * notices. An attendee leaves it on cancellation, rejection, erasure, and when the forum event is over.
 */
@Component
public class LocalRecipients implements AttendeeDirectory {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String WAITLISTED = "WAITLISTED";
    public static final String PENDING = "PENDING_APPROVAL";

    private final JdbcClient jdbc;

    public LocalRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the forum event's summary current; a new date re-arms its reminder. */
    public void forumEvent(ForumEventSummary forum) {
        jdbc.sql("""
                        insert into forum_event (forum_event_id, title, title_en, region, venue, starts_at, ends_at)
                        values (:id, :title, :titleEn, :region, :venue, :startsAt, :endsAt)
                        on conflict (forum_event_id) do update set title = excluded.title, title_en = excluded.title_en,
                            region = excluded.region, venue = excluded.venue, starts_at = excluded.starts_at,
                            ends_at = excluded.ends_at,
                            reminder_sent_on = case when forum_event.starts_at = excluded.starts_at
                                then forum_event.reminder_sent_on else null end
                        -- every registration carries the forum: an unchanged one writes no new row version
                        where (forum_event.title, forum_event.title_en, forum_event.region, forum_event.venue,
                               forum_event.starts_at, forum_event.ends_at)
                            is distinct from (excluded.title, excluded.title_en, excluded.region, excluded.venue,
                               excluded.starts_at, excluded.ends_at)
                        """)
                .param("id", forum.getForumEventId()).param("title", forum.getTitle()).param("titleEn", forum.getTitleEn())
                .param("region", forum.getRegion()).param("venue", forum.getVenue())
                .param("startsAt", Timestamp.from(forum.getStartsAt())).param("endsAt", Timestamp.from(forum.getEndsAt()))
                .update();
    }

    public void forumEventCancelled(String forumEventId) {
        jdbc.sql("update forum_event set cancelled = true where forum_event_id = :id").param("id", forumEventId).update();
        jdbc.sql("delete from attendee where forum_event_id = :id").param("id", forumEventId).update();
    }

    /** Once a forum event is over, nothing more is sent to its attendees: their copy goes. */
    public void forumEventCompleted(String forumEventId) {
        jdbc.sql("delete from attendee where forum_event_id = :id").param("id", forumEventId).update();
    }

    public void registered(String registrationId, String forumEventId, String status, Contact contact, String organisation,
                           String cancellationUrl, String checkInCode, Instant now) {
        jdbc.sql("""
                        insert into attendee (registration_id, forum_event_id, status, name, email, phone, language,
                            organisation, cancellation_url, check_in_code, updated_at)
                        values (:id, :forumEventId, :status, :name, :email, :phone, :language, :organisation,
                            :cancellationUrl, :checkInCode, :now)
                        on conflict (registration_id) do update set status = excluded.status, name = excluded.name,
                            email = excluded.email, phone = excluded.phone, language = excluded.language,
                            organisation = excluded.organisation,
                            cancellation_url = coalesce(excluded.cancellation_url, attendee.cancellation_url),
                            check_in_code = coalesce(excluded.check_in_code, attendee.check_in_code),
                            updated_at = excluded.updated_at
                        """)
                .param("id", registrationId).param("forumEventId", forumEventId).param("status", status)
                .param("name", contact.getName()).param("email", contact.getEmail()).param("phone", contact.getPhone())
                .param("language", EventRouter.language(contact)).param("organisation", organisation)
                .param("cancellationUrl", cancellationUrl).param("checkInCode", checkInCode)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void forget(String registrationId) {
        jdbc.sql("delete from attendee where registration_id = :id").param("id", registrationId).update();
    }

    @Override
    public List<Attendee> registeredFor(String forumEventId) {
        return jdbc.sql("select * from attendee where forum_event_id = :id order by registration_id")
                .param("id", forumEventId)
                .query((rs, i) -> new Attendee(rs.getString("registration_id"), rs.getString("status"),
                        new Recipient(rs.getString("registration_id"), rs.getString("name"), rs.getString("email"),
                                rs.getString("phone"), rs.getString("language")),
                        rs.getString("organisation"), rs.getString("cancellation_url"), rs.getString("check_in_code")))
                .list();
    }

    public List<Attendee> confirmedFor(String forumEventId) {
        return registeredFor(forumEventId).stream().filter(a -> CONFIRMED.equals(a.status())).toList();
    }

    public record ForumEvent(String forumEventId, String title, String titleEn, String region, String venue,
                             Instant startsAt, Instant endsAt) {
    }

    /** Claims the reminder of every forum event starting on {@code day}, once across instances. */
    public List<ForumEvent> claimRemindersFor(LocalDate day, LocalDate today, java.time.ZoneId zone) {
        return jdbc.sql("""
                        update forum_event set reminder_sent_on = :today
                        where not cancelled and reminder_sent_on is null
                          and starts_at >= :from and starts_at < :to
                        returning *
                        """)
                .param("today", today)
                .param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, i) -> new ForumEvent(rs.getString("forum_event_id"), rs.getString("title"),
                        rs.getString("title_en"), rs.getString("region"), rs.getString("venue"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant()))
                .list();
    }
}
