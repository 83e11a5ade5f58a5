package kr.madang.registration.attendee;

import static kr.madang.registration.forumevent.ForumEventRepository.instant;
import static kr.madang.registration.forumevent.ForumEventRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registrations in PostgreSQL (plain SQL). Statements on the hot path use the indexes of V1. */
@Repository
public class RegistrationRepository {

    static final RowMapper<Registration> REGISTRATION = RegistrationRepository::registration;

    private final JdbcClient jdbc;

    public RegistrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Registration> find(UUID id) {
        return jdbc.sql("select * from registration where id = ?").param(id).query(REGISTRATION).optional()
                .map(r -> r.withSessions(sessionIds(r.id())));
    }

    /** Call with the event's row lock held (lock order: event, then registration). */
    public Optional<Registration> lock(UUID id) {
        return jdbc.sql("select * from registration where id = ? for no key update").param(id).query(REGISTRATION)
                .optional().map(r -> r.withSessions(sessionIds(r.id())));
    }

    public Optional<UUID> findLiveByEmail(UUID eventId, String emailKey) {
        return jdbc.sql("""
                select id from registration
                where event_id = ? and email_key = ? and status in ('CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL')
                """).params(eventId, emailKey).query(UUID.class).optional();
    }

    /** False when a live registration with the same email got there first (the partial unique index decides). */
    public boolean insertIfNew(Registration r, String emailKey) {
        return jdbc.sql("""
                insert into registration (id, event_id, status, waitlist_position, name, email, email_key, phone,
                    organisation, job_title, attendee_type, language, accessibility_needs, wheelchair, sign_language,
                    hearing_loop, dietary_needs, consent_policy_version, consent_at, source, created_by, created_at,
                    updated_at)
                values (:id, :eventId, :status, :position, :name, :email, :emailKey, :phone, :organisation, :jobTitle,
                    :type, :language, :notes, :wheelchair, :signLanguage, :hearingLoop, :dietary, :policy, :consentAt,
                    :source, :createdBy, :createdAt, :createdAt)
                on conflict (event_id, email_key) where status in ('CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL')
                do nothing
                """)
                .param("id", r.id()).param("eventId", r.eventId()).param("status", r.status().name())
                .param("position", r.waitlistPosition()).param("name", r.name()).param("email", r.email())
                .param("emailKey", emailKey).param("phone", r.phone()).param("organisation", r.organisation())
                .param("jobTitle", r.jobTitle()).param("type", r.attendeeType().name())
                .param("language", r.language().name()).param("notes", r.accessibilityNotes())
                .param("wheelchair", r.wheelchair()).param("signLanguage", r.signLanguage())
                .param("hearingLoop", r.hearingLoop()).param("dietary", r.dietaryNeeds())
                .param("policy", r.consentPolicyVersion()).param("consentAt", ts(r.consentAt()))
                .param("source", r.source().name()).param("createdBy", r.createdBy())
                .param("createdAt", ts(r.createdAt()))
                .update() == 1;
    }

    /** The live registrations among these emails, by email key (one query for a whole group commit). */
    public java.util.Map<String, UUID> findLiveByEmails(UUID eventId, java.util.Collection<String> emailKeys) {
        java.util.Map<String, UUID> found = new java.util.HashMap<>();
        jdbc.sql("""
                select email_key, id from registration
                where event_id = ? and email_key = any(?) and status in ('CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL')
                """).params(eventId, emailKeys.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
        return found;
    }

    /**
     * A group commit's registrations in one multi-row INSERT; returns how many went in. Fewer than given means a live
     * registration with one of the emails got there first (the partial unique index decides, as for one).
     */
    public int insertAll(List<Registration> rs, List<String> emailKeys) {
        StringBuilder sql = new StringBuilder("""
                insert into registration (id, event_id, status, waitlist_position, name, email, email_key, phone,
                    organisation, job_title, attendee_type, language, accessibility_needs, wheelchair, sign_language,
                    hearing_loop, dietary_needs, consent_policy_version, consent_at, source, created_by, created_at,
                    updated_at)
                values
                """);
        List<Object> params = new java.util.ArrayList<>(rs.size() * 23);
        for (int i = 0; i < rs.size(); i++) {
            Registration r = rs.get(i);
            sql.append(i == 0 ? "" : ",\n").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.add(r.id());
            params.add(r.eventId());
            params.add(r.status().name());
            params.add(new SqlParameterValue(Types.INTEGER, r.waitlistPosition()));
            params.add(text(r.name()));
            params.add(text(r.email()));
            params.add(text(emailKeys.get(i)));
            params.add(text(r.phone()));
            params.add(text(r.organisation()));
            params.add(text(r.jobTitle()));
            params.add(r.attendeeType().name());
            params.add(r.language().name());
            params.add(text(r.accessibilityNotes()));
            params.add(r.wheelchair());
            params.add(r.signLanguage());
            params.add(r.hearingLoop());
            params.add(text(r.dietaryNeeds()));
            params.add(text(r.consentPolicyVersion()));
            params.add(ts(r.consentAt()));
            params.add(r.source().name());
            params.add(text(r.createdBy()));
            params.add(ts(r.createdAt()));
            params.add(ts(r.createdAt()));
        }
        sql.append("""

                on conflict (event_id, email_key) where status in ('CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL')
                do nothing
                """);
        return jdbc.sql(sql.toString()).params(params).update();
    }

    /** Typed, so that a null needs no round trip to ask the driver for the column's type. */
    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    public void insertSessions(UUID registrationId, List<UUID> sessionIds, List<Boolean> seated) {
        for (int i = 0; i < sessionIds.size(); i++) {
            jdbc.sql("insert into registration_session (registration_id, session_id, seated) values (?, ?, ?)")
                    .params(registrationId, sessionIds.get(i), seated.get(i)).update();
        }
    }

    public List<UUID> sessionIds(UUID registrationId) {
        return jdbc.sql("select session_id from registration_session where registration_id = ? order by session_id")
                .param(registrationId).query(UUID.class).list();
    }

    public List<UUID> seatedSessions(UUID registrationId) {
        return jdbc.sql("select session_id from registration_session where registration_id = ? and seated")
                .param(registrationId).query(UUID.class).list();
    }

    public void markSeated(UUID registrationId, UUID sessionId, boolean seated) {
        jdbc.sql("update registration_session set seated = ? where registration_id = ? and session_id = ?")
                .params(seated, registrationId, sessionId).update();
    }

    /** The first in line, locked; with the event's lock held nobody else can take it meanwhile. */
    public Optional<Registration> firstWaitlisted(UUID eventId) {
        return jdbc.sql("""
                select * from registration where event_id = ? and status = 'WAITLISTED'
                order by waitlist_position limit 1 for no key update
                """).param(eventId).query(REGISTRATION).optional().map(r -> r.withSessions(sessionIds(r.id())));
    }

    public void updateStatus(UUID id, RegistrationStatus status, Integer waitlistPosition, Instant now) {
        jdbc.sql("update registration set status = ?, waitlist_position = ?, updated_at = ? where id = ?")
                .params(status.name(), waitlistPosition, ts(now), id).update();
    }

    public void decide(UUID id, RegistrationStatus status, Integer waitlistPosition, String by, String reason,
                       Instant now) {
        jdbc.sql("""
                update registration set status = ?, waitlist_position = ?, decided_by = ?, decided_at = ?,
                    decision_reason = ?, updated_at = ?
                where id = ?
                """).params(status.name(), waitlistPosition, by, ts(now), reason, ts(now), id).update();
    }

    public void cancel(UUID id, String by, String reason, Instant now) {
        jdbc.sql("""
                update registration set status = 'CANCELLED', cancelled_by = ?, cancelled_at = ?, cancel_reason = ?,
                    updated_at = ?
                where id = ?
                """).params(by, ts(now), reason, ts(now), id).update();
    }

    /** Removes the personal data; organisation, type and status stay for the event's statistics. */
    public void erase(UUID id, String reason, Instant now) {
        jdbc.sql("delete from ticket_code where registration_id = ?").param(id).update(); // the short code too
        jdbc.sql("""
                update registration set name = null, email = null, email_key = null, phone = null, job_title = null,
                    accessibility_needs = null, dietary_needs = null, wheelchair = false, sign_language = false,
                    hearing_loop = false, cancel_reason = null, decision_reason = null, erased_at = ?,
                    erasure_reason = ?, updated_at = ?
                where id = ?
                """).params(ts(now), reason, ts(now), id).update();
    }

    public List<UUID> dueForErasure(Instant endedBefore, int limit) {
        return jdbc.sql("""
                select r.id from registration r join forum_event e on e.id = r.event_id
                where r.erased_at is null and e.ends_at < ? and e.status in ('COMPLETED', 'CANCELLED', 'OPEN', 'CLOSED')
                order by e.ends_at limit ?
                """).params(ts(endedBefore), limit).query(UUID.class).list();
    }

    private static Registration registration(ResultSet rs, int row) throws SQLException {
        int position = rs.getInt("waitlist_position");
        Integer waitlistPosition = rs.wasNull() ? null : position;
        return new Registration(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                RegistrationStatus.valueOf(rs.getString("status")), waitlistPosition, rs.getString("name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("organisation"), rs.getString("job_title"),
                AttendeeType.valueOf(rs.getString("attendee_type")), Language.valueOf(rs.getString("language")),
                rs.getString("accessibility_needs"), rs.getBoolean("wheelchair"), rs.getBoolean("sign_language"),
                rs.getBoolean("hearing_loop"), rs.getString("dietary_needs"), rs.getString("consent_policy_version"),
                instant(rs, "consent_at"), Registration.Source.valueOf(rs.getString("source")),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_reason"),
                rs.getString("cancelled_by"), instant(rs, "cancelled_at"), rs.getString("cancel_reason"),
                instant(rs, "erased_at"), List.of());
    }
}
