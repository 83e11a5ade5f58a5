package kr.madang.registration.checkin;

import static kr.madang.registration.forumevent.ForumEventRepository.instant;
import static kr.madang.registration.forumevent.ForumEventRepository.ts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kr.madang.platform.accesslog.PersonalDataAccess.Action;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import kr.madang.registration.access.Access;
import kr.madang.registration.access.StaffAccessLog;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.forumevent.ForumEventView;
import kr.madang.registration.links.AttendeeLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The door that keeps working when the venue's Wi-Fi does not: today's attendee list for one event (only what
 * check-in needs, codes as SHA-256 hashes so the device holds no usable code), and the upload of check-ins a device
 * queued while offline. Each queued check-in carries a client-generated id: a re-upload gets the first answer back.
 * Two devices checking in the same person: the first to reach the server wins (it was told "checked in", and its
 * AttendeeCheckedIn is already published); the later one is answered ALREADY_CHECKED_IN with the winner's time and
 * door. Within one upload, check-ins are applied in device-time order.
 */
@Service
public class OfflineCheckIns {

    /** A device clock ahead of ours is not believed beyond this. */
    private static final java.time.Duration CLOCK_TOLERANCE = java.time.Duration.ofMinutes(2);

    public record Attendee(UUID registrationId, List<String> codeHashes, String name, String organisation,
                           String status, OffsetDateTime checkedInAt, String checkedInBy) {
    }

    /**
     * {@code servedAt} is our clock when the list was read: the door page keeps the list for {@code validUntil -
     * servedAt} by its own clock, so a door laptop whose clock is off still drops the list at our midnight.
     */
    public record DoorList(UUID eventId, LocalDate day, OffsetDateTime validUntil, OffsetDateTime servedAt,
                           List<Attendee> attendees) {
    }

    public record Upload(String code, UUID id, Instant deviceTime) {
    }

    public record Answer(UUID id, String result, String reason, UUID registrationId, OffsetDateTime checkedInAt,
                         String checkedInBy) {
    }

    private final JdbcClient jdbc;
    private final ForumEventRepository events;
    private final AttendeeLinks links;
    private final CheckInService checkIns;
    private final StaffAccessLog accessLog;
    private final Clock clock;
    private final kr.madang.registration.ticket.TicketCodes ticketCodes;

    public OfflineCheckIns(JdbcClient jdbc, ForumEventRepository events, AttendeeLinks links, CheckInService checkIns,
                           StaffAccessLog accessLog, Clock clock, kr.madang.registration.ticket.TicketCodes ticketCodes) {
        this.ticketCodes = ticketCodes;
        this.jdbc = jdbc;
        this.events = events;
        this.links = links;
        this.checkIns = checkIns;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Today's (Seoul) list of the event's attendees for the door; reading it is logged as personal-data access. */
    public DoorList today(UUID eventId, Authentication authentication) {
        ForumEvent event = events.find(eventId).orElseThrow(() -> ApiProblem.notFound("Forum event " + eventId));
        Access.requireCheckIn(CurrentUser.of(authentication), event);
        Instant now = clock.instant();
        LocalDate day = now.atZone(ForumEvent.SEOUL).toLocalDate();
        List<Attendee> attendees = jdbc.sql("""
                select r.id, r.name, r.organisation, r.status, c.checked_in_at, c.device_name, t.code
                from registration r left join check_in c on c.registration_id = r.id and c.day = ?
                left join ticket_code t on t.registration_id = r.id
                where r.event_id = ? and r.erased_at is null order by r.id
                """).params(day, eventId).query((rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            Instant checkedIn = rs.getTimestamp("checked_in_at") == null ? null : instant(rs, "checked_in_at");
            return new Attendee(id, codeHashes(id, event, rs.getString("code")), rs.getString("name"),
                    rs.getString("organisation"),
                    rs.getString("status"), checkedIn == null ? null : ForumEventView.seoul(checkedIn),
                    rs.getString("device_name"));
        }).list();
        accessLog.record(authentication, Action.LIST, eventId, attendees.stream().map(Attendee::registrationId).toList(),
                "door-list day=" + day, "offline check-in");
        OffsetDateTime validUntil = day.plusDays(1).atStartOfDay(ForumEvent.SEOUL).toOffsetDateTime();
        return new DoorList(eventId, day, validUntil, ForumEventView.seoul(now.truncatedTo(ChronoUnit.SECONDS)), attendees);
    }

    /**
     * The codes that match this attendee at the door, hashed: the signed QR code, and the ticket's short code as
     * the device keys a typed one (upper case, no hyphen).
     */
    List<String> codeHashes(UUID registrationId, ForumEvent event) {
        return codeHashes(registrationId, event, ticketCodes.find(registrationId).orElse(null));
    }

    /** The same with the short code already read (the door list joins it: one query for the whole list). */
    private List<String> codeHashes(UUID registrationId, ForumEvent event, String shortCode) {
        List<String> hashes = new ArrayList<>();
        hashes.add(sha256(links.checkInCode(registrationId, event)));
        if (shortCode != null) {
            hashes.add(sha256(shortCode));
        }
        return List.copyOf(hashes);
    }

    /** Applies a device's queued check-ins, oldest (device time) first; each answered on its own. */
    public List<Answer> upload(UUID eventId, String deviceId, String deviceName, List<Upload> uploads,
                               Authentication authentication) {
        ForumEvent event = events.find(eventId).orElseThrow(() -> ApiProblem.notFound("Forum event " + eventId));
        CurrentUser user = CurrentUser.of(authentication);
        Access.requireCheckIn(user, event);
        List<Answer> answers = new ArrayList<>();
        uploads.stream().sorted(Comparator.comparing(Upload::deviceTime))
                .forEach(u -> answers.add(earlier(u.id()).orElseGet(() -> apply(event, deviceId, deviceName, u, user))));
        return answers;
    }

    private Answer apply(ForumEvent event, String deviceId, String deviceName, Upload u, CurrentUser user) {
        Instant now = clock.instant();
        Instant at = u.deviceTime().isAfter(now.plus(CLOCK_TOLERANCE)) ? now : u.deviceTime();
        Answer answer;
        try {
            CheckInService.Result result = checkIns.checkIn(u.code().strip(),
                    at.atZone(ForumEvent.SEOUL).toLocalDate(), user, at, deviceName, event.id());
            String by = result.outcome() == CheckInService.Outcome.CHECKED_IN ? deviceName
                    : deviceOf(result.registration().id(), result.day());
            answer = new Answer(u.id(), result.outcome().name(), null, result.registration().id(),
                    ForumEventView.seoul(result.checkedInAt()), by);
        } catch (ApiProblem refused) {
            Object reason = refused.properties() == null ? null : refused.properties().get("reason");
            answer = new Answer(u.id(), "REFUSED", reason == null ? "NOT_VALID" : reason.toString(), null, null, null);
        }
        int stored = jdbc.sql("""
                insert into offline_check_in (id, event_id, registration_id, device_id, device_name, device_time,
                    received_at, received_by, result, reason, checked_in_at, checked_in_device)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                """).params(u.id(), event.id(), answer.registrationId(), deviceId, deviceName, ts(u.deviceTime()), ts(now),
                user.subject(), answer.result(), answer.reason(),
                answer.checkedInAt() == null ? null : ts(answer.checkedInAt().toInstant()), answer.checkedInBy()).update();
        // A parallel upload of the same id answered first: its answer is the one.
        return stored == 1 ? answer : earlier(u.id()).orElse(answer);
    }

    private Optional<Answer> earlier(UUID id) {
        return jdbc.sql("select * from offline_check_in where id = ?").param(id).query((rs, n) -> new Answer(id,
                rs.getString("result"), rs.getString("reason"), rs.getObject("registration_id", UUID.class),
                rs.getTimestamp("checked_in_at") == null ? null : ForumEventView.seoul(instant(rs, "checked_in_at")),
                rs.getString("checked_in_device"))).optional();
    }

    private String deviceOf(UUID registrationId, LocalDate day) {
        return jdbc.sql("select device_name from check_in where registration_id = ? and day = ?")
                .params(registrationId, day).query(String.class).optional().orElse(null);
    }

    static String sha256(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
