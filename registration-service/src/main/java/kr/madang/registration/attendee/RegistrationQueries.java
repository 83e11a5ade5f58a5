package kr.madang.registration.attendee;

import static kr.madang.registration.forumevent.ForumEventRepository.instant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import kr.madang.registration.access.Access;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.forumevent.ForumEventView;
import kr.madang.registration.links.AttendeeLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading registrations: one with its details, and an event's list with filters, search and paging. */
@Service
public class RegistrationQueries {

    private final JdbcClient jdbc;
    private final ForumEventRepository events;
    private final AttendeeLinks links;

    public RegistrationQueries(JdbcClient jdbc, ForumEventRepository events, AttendeeLinks links) {
        this.jdbc = jdbc;
        this.events = events;
        this.links = links;
    }

    /** Filters of a list; any may be null. */
    public record Filter(RegistrationStatus status, AttendeeType attendeeType, String organisation, Boolean checkedIn,
                         String q) {
    }

    public enum Sort {
        CREATED, NAME, ORGANISATION, WAITLIST
    }

    public record Page(List<RegistrationView> items, long total) {
    }

    @Transactional(readOnly = true)
    public RegistrationView view(Registration r) {
        Registration fresh = r;
        ForumEvent event = events.find(r.eventId()).orElseThrow();
        Integer ahead = null;
        if (fresh.status() == RegistrationStatus.WAITLISTED) {
            ahead = waitlistAhead(r.eventId(), r.waitlistPosition());
        }
        String code = fresh.status() == RegistrationStatus.CONFIRMED && !fresh.erased()
                ? links.checkInCode(r.id(), event) : null;
        return RegistrationView.of(fresh, ahead, code, checkIns(List.of(r.id())).getOrDefault(r.id(), List.of()));
    }

    /**
     * How many are still waiting ahead of this waitlist position. Positions are issued without gaps and stay on their
     * registration when it leaves the waitlist, so: the positions before it, less those whose registration has left
     * (a count over the few that left, on index {@code registration_left_waitlist}, not over everyone still waiting).
     */
    private int waitlistAhead(UUID eventId, int position) {
        int left = jdbc.sql("""
                select count(*) from registration
                where event_id = ? and status <> 'WAITLISTED' and waitlist_position is not null and waitlist_position < ?
                """).params(eventId, position).query(Integer.class).single();
        return Math.max(0, position - 1 - left);
    }

    /** A registration just made: its event is known and it has no check-ins yet, so only its place in line is read. */
    public RegistrationView viewCreated(Registration r, ForumEvent event) {
        Integer ahead = null;
        if (r.status() == RegistrationStatus.WAITLISTED) {
            ahead = waitlistAhead(r.eventId(), r.waitlistPosition());
        }
        String code = r.status() == RegistrationStatus.CONFIRMED ? links.checkInCode(r.id(), event) : null;
        return RegistrationView.of(r, ahead, code, List.of());
    }

    @Transactional(readOnly = true)
    public ForumEvent eventForStaff(UUID eventId, CurrentUser user) {
        ForumEvent event = events.find(eventId).orElseThrow(() -> ApiProblem.notFound("Forum event " + eventId));
        Access.requireStaff(user, event);
        return event;
    }

    @Transactional(readOnly = true)
    public Page list(UUID eventId, Filter filter, Sort sort, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(eventId, filter, params);
        long total = jdbc.sql("select count(*) from registration r" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Registration> rows = jdbc.sql("select r.* from registration r" + where + orderBy(sort)
                + " limit :limit offset :offset").params(params).query(RegistrationRepository.REGISTRATION).list();
        return new Page(views(rows), total);
    }

    /** Every matching registration, for the CSV export. */
    @Transactional(readOnly = true)
    public List<RegistrationView> all(UUID eventId, Filter filter, Sort sort) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(eventId, filter, params);
        List<Registration> rows = jdbc.sql("select r.* from registration r" + where + orderBy(sort)).params(params)
                .query(RegistrationRepository.REGISTRATION).list();
        return views(rows);
    }

    private List<RegistrationView> views(List<Registration> rows) {
        List<UUID> ids = rows.stream().map(Registration::id).toList();
        Map<UUID, List<RegistrationView.CheckIn>> checkIns = checkIns(ids);
        Map<UUID, List<UUID>> sessions = sessions(ids);
        List<RegistrationView> views = new ArrayList<>(rows.size());
        for (Registration r : rows) {
            views.add(RegistrationView.of(r.withSessions(sessions.getOrDefault(r.id(), List.of())), null, null,
                    checkIns.getOrDefault(r.id(), List.of())));
        }
        return views;
    }

    private static String where(UUID eventId, Filter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where r.event_id = :eventId");
        params.put("eventId", eventId);
        if (f.status() != null) {
            where.append(" and r.status = :status");
            params.put("status", f.status().name());
        }
        if (f.attendeeType() != null) {
            where.append(" and r.attendee_type = :type");
            params.put("type", f.attendeeType().name());
        }
        if (f.organisation() != null && !f.organisation().isBlank()) {
            where.append(" and r.organisation ilike :organisation escape '\\'");
            params.put("organisation", "%" + like(f.organisation().strip()) + "%");
        }
        if (f.checkedIn() != null) {
            where.append(f.checkedIn() ? " and exists" : " and not exists")
                    .append(" (select 1 from check_in c where c.registration_id = r.id)");
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (r.name ilike :q escape '\\' or r.email ilike :q escape '\\'"
                    + " or r.organisation ilike :q escape '\\' or r.job_title ilike :q escape '\\')");
            params.put("q", "%" + like(f.q().strip()) + "%");
        }
        return where.toString();
    }

    private static String orderBy(Sort sort) {
        return switch (sort == null ? Sort.CREATED : sort) {
            case CREATED -> " order by r.created_at, r.id";
            case NAME -> " order by r.name nulls last, r.id";
            case ORGANISATION -> " order by r.organisation nulls last, r.name nulls last, r.id";
            case WAITLIST -> " order by r.waitlist_position nulls last, r.created_at, r.id";
        };
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Map<UUID, List<RegistrationView.CheckIn>> checkIns(List<UUID> ids) {
        Map<UUID, List<RegistrationView.CheckIn>> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("select registration_id, day, checked_in_at from check_in where registration_id = any(?) order by day")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> {
                    result.computeIfAbsent(rs.getObject("registration_id", UUID.class), k -> new ArrayList<>())
                            .add(new RegistrationView.CheckIn(rs.getObject("day", LocalDate.class),
                                    ForumEventView.seoul(instant(rs, "checked_in_at"))));
                    return null;
                }).list();
        return result;
    }

    private Map<UUID, List<UUID>> sessions(List<UUID> ids) {
        Map<UUID, List<UUID>> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("select registration_id, session_id from registration_session where registration_id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> {
                    result.computeIfAbsent(rs.getObject("registration_id", UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject("session_id", UUID.class));
                    return null;
                }).list();
        return result;
    }
}
