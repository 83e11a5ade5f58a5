package kr.madang.notification.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import kr.madang.events.ForumEventSummary;
import kr.madang.events.SessionSummary;
import kr.madang.events.registration.ForumEventCancelled;
import kr.madang.events.registration.ForumEventRescheduled;
import kr.madang.events.registration.RegistrationCancelled;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.events.registration.RegistrationPromoted;
import kr.madang.notification.NotificationProperties;
import kr.madang.notification.recipients.LocalRecipients;
import kr.madang.notification.routing.Notice;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the attendee emails of a source event their calendar entry: a REQUEST on confirmation, promotion and
 * reschedule, a CANCEL on cancellation of the registration or of the event. Only attendees holding a seat get one
 * (a waitlisted attendee never had the entry). The SEQUENCE is the forum event's, kept in the local copy and raised
 * on each reschedule and on the event's cancellation. Runs before the local copy takes the event in, so it sees who
 * held a seat before the change. Each session the attendee chose is an entry of its own in the same file; the
 * sessions are kept with the attendee's copy ({@code attendee_session}) for the files that follow.
 */
@Component
public class CalendarInvites {

    private final JdbcClient jdbc;
    private final ForumCalendar calendar;
    private final Clock clock;

    public CalendarInvites(JdbcClient jdbc, MessageSource messages, NotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = new ForumCalendar(properties.mail().messageIdDomain(), address(properties.mail().from()),
                (key, language, args) -> messages.getMessage(key, args, Locale.forLanguageTag(language)));
    }

    public List<Notice> attach(SpecificRecord event, List<Notice> notices) {
        Instant now = clock.instant();
        return switch (event) {
            case RegistrationConfirmed e -> each(notices, Set.of("registration-confirmed"), e.getForumEvent(),
                    sequence(e.getForumEvent().getForumEventId()), ForumCalendar.Occasion.CONFIRMED, null,
                    chosen(e.getRegistrationId(), e.getSessions()), now);
            case RegistrationPromoted e -> each(notices, Set.of("registration-promoted"), e.getForumEvent(),
                    sequence(e.getForumEvent().getForumEventId()), ForumCalendar.Occasion.PROMOTED, null,
                    chosen(e.getRegistrationId(), e.getSessions()), now);
            // one registration leaves: its entry goes, the others' sequence stays; a waitlisted one never had an entry
            case RegistrationCancelled e -> !e.getWasConfirmed() ? notices
                    : each(notices, Set.of("registration-cancelled"), e.getForumEvent(),
                    sequence(e.getForumEvent().getForumEventId()) + 1, ForumCalendar.Occasion.REGISTRATION_CANCELLED,
                    null, sessionsOf(e.getRegistrationId()), now);
            case ForumEventRescheduled e -> {
                String forumEventId = e.getForumEvent().getForumEventId();
                shiftSessions(forumEventId, Duration.between(e.getPreviousStartsAt(), e.getForumEvent().getStartsAt()));
                yield each(notices, Set.of("forum-event-rescheduled"), e.getForumEvent(), raiseSequence(forumEventId),
                        ForumCalendar.Occasion.RESCHEDULED, seatHolders(forumEventId), sessionsOfEvent(forumEventId),
                        now);
            }
            case ForumEventCancelled e -> each(notices, Set.of("forum-event-cancelled"), e.getForumEvent(),
                    raiseSequence(e.getForumEvent().getForumEventId()), ForumCalendar.Occasion.EVENT_CANCELLED,
                    seatHolders(e.getForumEvent().getForumEventId()),
                    sessionsOfEvent(e.getForumEvent().getForumEventId()), now);
            default -> notices;
        };
    }

    /**
     * Keeps the sessions a confirmation or promotion names with the attendee's copy (replacing what was kept), for the
     * files that follow; called once the copy holds the attendee. An event without the field keeps none.
     */
    public void remember(SpecificRecord event) {
        switch (event) {
            case RegistrationConfirmed e -> remember(e.getRegistrationId(), e.getForumEvent().getForumEventId(),
                    e.getSessions());
            case RegistrationPromoted e -> remember(e.getRegistrationId(), e.getForumEvent().getForumEventId(),
                    e.getSessions());
            default -> {
            }
        }
    }

    private void remember(String registrationId, String forumEventId, List<SessionSummary> sessions) {
        if (sessions == null || sessions.isEmpty()) {
            // the common case, and nothing to replace: a registration is confirmed or promoted once, and only a seat
            // holder's event carries sessions (a cancellation deletes them with the attendee's copy)
            return;
        }
        jdbc.sql("delete from attendee_session where registration_id = :id").param("id", registrationId).update();
        for (SessionSummary s : sessions) {
            jdbc.sql("""
                            insert into attendee_session (registration_id, session_id, forum_event_id, title, title_en,
                                room, starts_at, ends_at)
                            values (:id, :sessionId, :forumEventId, :title, :titleEn, :room, :startsAt, :endsAt)
                            on conflict do nothing
                            """)
                    .param("id", registrationId).param("sessionId", s.getSessionId()).param("forumEventId", forumEventId)
                    .param("title", s.getTitle()).param("titleEn", s.getTitleEn()).param("room", s.getRoom())
                    .param("startsAt", Timestamp.from(s.getStartsAt())).param("endsAt", Timestamp.from(s.getEndsAt()))
                    .update();
        }
    }

    /** Sessions move with the forum event's start, by the same amount (as registration-service moves them). */
    private void shiftSessions(String forumEventId, Duration shift) {
        if (shift.isZero()) {
            return;
        }
        jdbc.sql("""
                        update attendee_session set starts_at = starts_at + cast(:shift as interval),
                            ends_at = ends_at + cast(:shift as interval)
                        where forum_event_id = :id
                        """)
                .param("shift", shift.toString()).param("id", forumEventId).update();
    }

    private static Map<String, List<ChosenSession>> chosen(String registrationId, List<SessionSummary> sessions) {
        return sessions == null ? Map.of()
                : Map.of(registrationId, sessions.stream().map(ChosenSession::of).toList());
    }

    private Map<String, List<ChosenSession>> sessionsOf(String registrationId) {
        return sessionsWhere("registration_id = :id", registrationId);
    }

    /** Every seat holder's sessions of one forum event, in one query. */
    private Map<String, List<ChosenSession>> sessionsOfEvent(String forumEventId) {
        return sessionsWhere("forum_event_id = :id", forumEventId);
    }

    private Map<String, List<ChosenSession>> sessionsWhere(String condition, String id) {
        Map<String, List<ChosenSession>> byRegistration = new HashMap<>();
        jdbc.sql("select * from attendee_session where " + condition + " order by starts_at, session_id")
                .param("id", id)
                .query((rs, i) -> {
                    byRegistration.computeIfAbsent(rs.getString("registration_id"), r -> new ArrayList<>())
                            .add(new ChosenSession(rs.getString("session_id"), rs.getString("title"),
                                    rs.getString("title_en"), rs.getString("room"),
                                    rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant()));
                    return null;
                })
                .list();
        return byRegistration;
    }

    /**
     * The entry an attendee's confirmation would carry now, from the local copy of the forum event: for the ticket
     * page opened before this service has mailed the confirmation (and for a ticket that exists for nobody, which must
     * look like any other). Empty when the forum event is not known here.
     */
    public Optional<CalendarInvite> current(String registrationId, String forumEventId, String language) {
        List<ChosenSession> sessions = sessionsOf(registrationId).getOrDefault(registrationId, List.of());
        return jdbc.sql("""
                        select forum_event_id, title, title_en, region, venue, starts_at, ends_at, cancelled,
                               calendar_sequence from forum_event where forum_event_id = :id
                        """)
                .param("id", forumEventId)
                .query((rs, i) -> {
                    ForumEventSummary forum = ForumEventSummary.newBuilder().setForumEventId(rs.getString("forum_event_id"))
                            .setTitle(rs.getString("title")).setTitleEn(rs.getString("title_en"))
                            .setRegion(rs.getString("region")).setVenue(rs.getString("venue"))
                            .setStartsAt(rs.getTimestamp("starts_at").toInstant())
                            .setEndsAt(rs.getTimestamp("ends_at").toInstant()).build();
                    ForumCalendar.Occasion occasion = rs.getBoolean("cancelled") ? ForumCalendar.Occasion.EVENT_CANCELLED
                            : ForumCalendar.Occasion.CONFIRMED;
                    return calendar.invite(registrationId, forum, language, rs.getInt("calendar_sequence"), occasion,
                            clock.instant(), sessions);
                })
                .optional();
    }

    private List<Notice> each(List<Notice> notices, Set<String> templates, ForumEventSummary forum, int sequence,
                              ForumCalendar.Occasion occasion, Set<String> onlyFor,
                              Map<String, List<ChosenSession>> sessions, Instant now) {
        return notices.stream().map(notice -> {
            if (!templates.contains(notice.templateCode()) || notice.registrationId() == null
                    || (onlyFor != null && !onlyFor.contains(notice.registrationId()))) {
                return notice;
            }
            return notice.withCalendar(calendar.invite(notice.registrationId(), forum, notice.recipient().language(),
                    sequence, occasion, now, sessions.getOrDefault(notice.registrationId(), List.of())));
        }).toList();
    }

    private int sequence(String forumEventId) {
        return jdbc.sql("select calendar_sequence from forum_event where forum_event_id = :id").param("id", forumEventId)
                .query(Integer.class).optional().orElse(0);
    }

    /** No row yet means no attendee to tell either: the copy starts at 0 when the event first arrives. */
    private int raiseSequence(String forumEventId) {
        return jdbc.sql("""
                        update forum_event set calendar_sequence = calendar_sequence + 1 where forum_event_id = :id
                        returning calendar_sequence
                        """)
                .param("id", forumEventId).query(Integer.class).optional().orElse(1);
    }

    private Set<String> seatHolders(String forumEventId) {
        return Set.copyOf(jdbc.sql("select registration_id from attendee where forum_event_id = :id and status = :confirmed")
                .param("id", forumEventId).param("confirmed", LocalRecipients.CONFIRMED).query(String.class).list());
    }

    /** The bare address of a "Name <address>" sender; null when it cannot be read (the entry then has no organiser). */
    private static String address(String from) {
        try {
            return new InternetAddress(from).getAddress();
        } catch (AddressException e) {
            return null;
        }
    }
}
