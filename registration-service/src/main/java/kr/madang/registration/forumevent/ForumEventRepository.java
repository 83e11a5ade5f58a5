package kr.madang.registration.forumevent;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Forum events and their sessions in PostgreSQL (plain SQL). */
@Repository
public class ForumEventRepository {

    public static final RowMapper<ForumEvent> EVENT = ForumEventRepository::event;
    static final RowMapper<ForumSession> SESSION = ForumEventRepository::session;

    private final JdbcClient jdbc;

    public ForumEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ForumEvent> find(UUID id) {
        return jdbc.sql("select * from forum_event where id = ?").param(id).query(EVENT).optional();
    }

    /** Takes the event's row lock: every change of one event's registrations goes through it, one at a time. */
    public Optional<ForumEvent> lock(UUID id) {
        return jdbc.sql("select * from forum_event where id = ? for no key update").param(id).query(EVENT).optional();
    }

    /** Takes the next aggregate version for an event published without moving a counter (locks the row). */
    public ForumEvent nextVersion(UUID id) {
        return jdbc.sql("update forum_event set version = version + 1 where id = ? returning *").param(id)
                .query(EVENT).single();
    }

    public void insert(ForumEvent e, List<ForumSession> sessions) {
        jdbc.sql("""
                insert into forum_event (id, title, title_en, description, region, venue, venue_en, starts_at, ends_at,
                    registration_opens_at, registration_closes_at, capacity, confirmed, waitlist_issued, self_registration,
                    approval_required, hosts, organisers, sponsors, status, cancel_reason, version, created_by, created_at,
                    updated_at)
                values (:id, :title, :titleEn, :description, :region, :venue, :venueEn, :startsAt, :endsAt, :opensAt,
                    :closesAt, :capacity, 0, 0, :self, :approval, :hosts, :organisers, :sponsors, :status, null, :version,
                    :createdBy, :createdAt, :updatedAt)
                """)
                .param("id", e.id()).param("title", e.title()).param("titleEn", e.titleEn())
                .param("description", e.description()).param("region", e.region().name()).param("venue", e.venue())
                .param("venueEn", e.venueEn()).param("startsAt", ts(e.startsAt())).param("endsAt", ts(e.endsAt()))
                .param("opensAt", ts(e.registrationOpensAt())).param("closesAt", ts(e.registrationClosesAt()))
                .param("capacity", e.capacity()).param("self", e.selfRegistration())
                .param("approval", e.approvalRequired()).param("hosts", e.hosts().toArray(String[]::new))
                .param("organisers", e.organisers().toArray(String[]::new))
                .param("sponsors", e.sponsors().toArray(String[]::new)).param("status", e.status().name())
                .param("version", e.version()).param("createdBy", e.createdBy()).param("createdAt", ts(e.createdAt()))
                .param("updatedAt", ts(e.updatedAt()))
                .update();
        for (ForumSession s : sessions) {
            jdbc.sql("""
                    insert into forum_session (id, event_id, ordinal, kind, title, title_en, location, starts_at, ends_at,
                        capacity, confirmed)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                    """)
                    .params(s.id(), s.eventId(), s.ordinal(), s.kind().name(), s.title(), s.titleEn(), s.location(),
                            ts(s.startsAt()), ts(s.endsAt()), s.capacity())
                    .update();
        }
    }

    /** Writes a lifecycle change and takes the event's next version for the event that announces it. */
    public ForumEvent saveLifecycle(ForumEvent e) {
        return jdbc.sql("""
                update forum_event set status = ?, cancel_reason = ?, starts_at = ?, ends_at = ?, venue = ?, capacity = ?,
                    updated_at = ?, version = version + 1
                where id = ? returning *
                """)
                .params(e.status().name(), e.cancelReason(), ts(e.startsAt()), ts(e.endsAt()), e.venue(), e.capacity(),
                        ts(e.updatedAt()), e.id())
                .query(EVENT).single();
    }

    /** Capacity alone announces nothing (the promotions it causes do), so it takes no version. */
    public void updateCapacity(UUID id, int capacity, Instant now) {
        jdbc.sql("update forum_event set capacity = ?, updated_at = ? where id = ?").params(capacity, ts(now), id).update();
    }

    public void shiftSessions(UUID eventId, java.time.Duration shift) {
        jdbc.sql("update forum_session set starts_at = starts_at + ?::interval, ends_at = ends_at + ?::interval where event_id = ?")
                .params(shift.toString(), shift.toString(), eventId).update();
    }

    public List<ForumSession> sessions(UUID eventId) {
        return jdbc.sql("select * from forum_session where event_id = ? order by ordinal").param(eventId)
                .query(SESSION).list();
    }

    /** The sessions a registration chose and holds a seat in (a full one it was promoted without is left out). */
    public List<ForumSession> sessionsHeldBy(UUID registrationId) {
        return jdbc.sql("""
                select s.* from registration_session rs join forum_session s on s.id = rs.session_id
                where rs.registration_id = ? and rs.seated order by s.starts_at, s.ordinal
                """).param(registrationId).query(SESSION).list();
    }

    public record Page(List<ForumEvent> items, long total) {
    }

    public Page list(Region region, ForumEventStatus status, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        var params = new java.util.LinkedHashMap<String, Object>();
        if (region != null) {
            where.append(" and region = :region");
            params.put("region", region.name());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (from != null) {
            where.append(" and ends_at >= :from");
            params.put("from", ts(from));
        }
        if (to != null) {
            where.append(" and starts_at < :to");
            params.put("to", ts(to));
        }
        long total = jdbc.sql("select count(*) from forum_event" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<ForumEvent> items = jdbc.sql("select * from forum_event" + where
                        + " order by starts_at desc, id limit :limit offset :offset")
                .params(params).query(EVENT).list();
        return new Page(items, total);
    }

    public int waitlisted(UUID eventId) {
        return jdbc.sql("select count(*) from registration where event_id = ? and status = 'WAITLISTED'")
                .param(eventId).query(Integer.class).single();
    }

    public int pending(UUID eventId) {
        return jdbc.sql("select count(*) from registration where event_id = ? and status = 'PENDING_APPROVAL'")
                .param(eventId).query(Integer.class).single();
    }

    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static ForumEvent event(ResultSet rs, int row) throws SQLException {
        return new ForumEvent(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("title_en"),
                rs.getString("description"), Region.valueOf(rs.getString("region")), rs.getString("venue"),
                rs.getString("venue_en"), instant(rs, "starts_at"), instant(rs, "ends_at"),
                instant(rs, "registration_opens_at"), instant(rs, "registration_closes_at"), rs.getInt("capacity"),
                rs.getInt("confirmed"), rs.getInt("waitlist_issued"), rs.getBoolean("self_registration"),
                rs.getBoolean("approval_required"), strings(rs.getArray("hosts")), strings(rs.getArray("organisers")),
                strings(rs.getArray("sponsors")), ForumEventStatus.valueOf(rs.getString("status")),
                rs.getString("cancel_reason"), rs.getLong("version"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static ForumSession session(ResultSet rs, int row) throws SQLException {
        int capacity = rs.getInt("capacity");
        Integer seats = rs.wasNull() ? null : capacity;
        return new ForumSession(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getInt("ordinal"), SessionKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("title_en"), rs.getString("location"), instant(rs, "starts_at"), instant(rs, "ends_at"),
                seats, rs.getInt("confirmed"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
