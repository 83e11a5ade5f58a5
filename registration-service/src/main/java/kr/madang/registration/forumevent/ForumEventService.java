package kr.madang.registration.forumevent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import kr.madang.registration.access.Access;
import kr.madang.registration.publishing.DomainEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating forum events and moving them through their lifecycle; each change publishes its event. */
@Service
public class ForumEventService {

    private static final Logger log = LoggerFactory.getLogger(ForumEventService.class);

    private final ForumEventRepository events;
    private final DomainEvents publish;
    private final WaitlistPromoter promoter;
    private final Clock clock;

    public ForumEventService(ForumEventRepository events, DomainEvents publish, WaitlistPromoter promoter, Clock clock) {
        this.events = events;
        this.publish = publish;
        this.promoter = promoter;
        this.clock = clock;
    }

    /** Fills freed seats from the waitlist (implemented where registrations live). */
    public interface WaitlistPromoter {
        int promoteWhileRoom(UUID eventId, String cause);
    }

    public record Detailed(ForumEvent event, List<ForumSession> sessions, int waitlisted, int pendingApproval) {
    }

    @Transactional
    public Detailed create(ForumEvent.Details details, CurrentUser user) {
        Access.requireCreate(user, details.region());
        ForumEvent.Scheduled scheduled = ForumEvent.schedule(UUID.randomUUID(), details, user.subject(), clock.instant());
        events.insert(scheduled.event(), scheduled.sessions());
        publish.scheduled(scheduled.event());
        log.info("Forum event {} scheduled in {}", scheduled.event().id(), scheduled.event().region());
        return new Detailed(scheduled.event(), scheduled.sessions(), 0, 0);
    }

    @Transactional(readOnly = true)
    public Detailed get(UUID id, CurrentUser user) {
        ForumEvent event = find(id);
        Access.requireViewer(user, event);
        return detailed(event);
    }

    @Transactional(readOnly = true)
    public ForumEventRepository.Page list(CurrentUser user, Region region, ForumEventStatus status, Instant from,
                                          Instant to, int page, int size) {
        return events.list(Access.listScope(user, region), status, from, to, page, size);
    }

    @Transactional
    public Detailed open(UUID id, CurrentUser user) {
        ForumEvent event = lockForStaff(id, user);
        ForumEvent saved = events.saveLifecycle(event.open(clock.instant()).event());
        publish.opened(saved);
        return detailed(saved);
    }

    @Transactional
    public Detailed close(UUID id, CurrentUser user) {
        ForumEvent event = lockForStaff(id, user);
        ForumEvent saved = events.saveLifecycle(event.close(clock.instant()).event());
        publish.closed(saved);
        return detailed(saved);
    }

    @Transactional
    public Detailed complete(UUID id, CurrentUser user) {
        ForumEvent event = lockForStaff(id, user);
        ForumEvent saved = events.saveLifecycle(event.complete(clock.instant()).event());
        publish.completed(saved);
        return detailed(saved);
    }

    @Transactional
    public Detailed cancel(UUID id, String reason, CurrentUser user) {
        ForumEvent event = lockForStaff(id, user);
        ForumEvent.Cancelled change = event.cancel(reason, clock.instant());
        ForumEvent saved = events.saveLifecycle(change.event());
        publish.cancelled(saved, reason);
        log.info("Forum event {} cancelled", id);
        return detailed(saved);
    }

    @Transactional
    public Detailed reschedule(UUID id, Instant startsAt, Instant endsAt, String venue, CurrentUser user) {
        ForumEvent event = lockForStaff(id, user);
        ForumEvent.Rescheduled change = event.reschedule(startsAt, endsAt, venue, clock.instant());
        ForumEvent saved = events.saveLifecycle(change.event());
        if (!change.shift().isZero()) {
            events.shiftSessions(id, change.shift());
        }
        publish.rescheduled(change, saved);
        return detailed(saved);
    }

    @Transactional
    public Detailed changeCapacity(UUID id, int capacity, CurrentUser user) {
        ForumEvent event = lockForStaff(id, user);
        ForumEvent.CapacityChanged change = event.changeCapacity(capacity, clock.instant());
        events.updateCapacity(id, capacity, clock.instant());
        // No event type announces a capacity change itself; the promotions it causes are announced one by one.
        if (capacity > change.previousCapacity()) {
            promoter.promoteWhileRoom(id, null);
        }
        return detailed(events.find(id).orElseThrow());
    }

    private ForumEvent find(UUID id) {
        return events.find(id).orElseThrow(() -> ApiProblem.notFound("Forum event " + id));
    }

    private ForumEvent lockForStaff(UUID id, CurrentUser user) {
        ForumEvent event = find(id);
        Access.requireStaff(user, event);
        return events.lock(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "Not found", "Gone", null));
    }

    private Detailed detailed(ForumEvent event) {
        return new Detailed(event, events.sessions(event.id()), events.waitlisted(event.id()), events.pending(event.id()));
    }
}
