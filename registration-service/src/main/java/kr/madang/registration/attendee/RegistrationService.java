package kr.madang.registration.attendee;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import kr.madang.platform.OptionalBean;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import kr.madang.platform.web.CorrelationIds;
import kr.madang.platform.web.WhenBusy;
import kr.madang.registration.access.Access;
import kr.madang.registration.capacity.EventSeats;
import kr.madang.registration.capacity.SeatEvent;
import kr.madang.registration.capacity.SeatLedger;
import kr.madang.registration.consent.ConsentPolicies;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.forumevent.ForumEventService;
import kr.madang.registration.forumevent.ForumEventStatus;
import kr.madang.registration.forumevent.ForumSession;
import kr.madang.registration.idempotency.IdempotencyStore;
import kr.madang.registration.links.AttendeeLinks;
import kr.madang.registration.links.SignedLinks;
import kr.madang.registration.publishing.DomainEvents;
import kr.madang.registration.rules.InvalidFields;
import kr.madang.registration.rules.RuleViolation;
import kr.madang.registration.rules.StateConflict;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registrations: taking a seat or a waitlist position, approval, cancellation with automatic promotion of the first
 * in line, and erasure. Every change and the event announcing it commit in one transaction. Lock order is always the
 * forum event's row first, then the registration's, so concurrent changes of one event queue up instead of
 * deadlocking. New registrations over the API are committed in groups per event ({@link GroupRegistrations}): when
 * registration opens, that one row would otherwise let through one transaction at a time. Logs carry ids only, never
 * names, emails or phones.
 */
@Service
public class RegistrationService implements ForumEventService.WaitlistPromoter {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    public static final String BY_STAFF = "STAFF";
    public static final String BY_ATTENDEE = "ATTENDEE";

    private final ForumEventRepository events;
    private final RegistrationRepository registrations;
    private final SeatLedger ledger;
    private final DomainEvents publish;
    private final AttendeeLinks links;
    private final Clock clock;

    private final TransactionTemplate transactions;
    private final GroupRegistrations groups;
    private final DuplicateNotices duplicateNotices;
    private final ConsentPolicies consentPolicies;
    private final OptionalBean<Tracer> tracers;
    private final IdempotencyStore idempotency;

    public RegistrationService(ForumEventRepository events, RegistrationRepository registrations, SeatLedger ledger,
                               DomainEvents publish, AttendeeLinks links, Clock clock,
                               PlatformTransactionManager transactionManager, MeterRegistry meters,
                               DuplicateNotices duplicateNotices, ConsentPolicies consentPolicies,
                               ObjectProvider<Tracer> tracers, IdempotencyStore idempotency,
                               @Value("${madang.registration.group-commit.max-batch:200}") int maxBatch) {
        this.events = events;
        this.duplicateNotices = duplicateNotices;
        this.consentPolicies = consentPolicies;
        this.tracers = OptionalBean.of(tracers);
        this.idempotency = idempotency;
        this.registrations = registrations;
        this.ledger = ledger;
        this.publish = publish;
        this.links = links;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.groups = new GroupRegistrations(maxBatch, transactions, events, registrations, ledger, publish,
                this::registerAlone, DistributionSummary.builder("madang.registration.group-commit.batch-size")
                        .description("Registrations of one event committed in one transaction").register(meters), clock);
    }

    // ---- registering ----------------------------------------------------------------------------------------------

    /**
     * A registration over the API, by staff of the event's region or (where the event allows it) by the attendee.
     * Checks run first, outside any transaction; then registrations without sessions are committed in groups per event
     * ({@link GroupRegistrations}, which checks the event again under its row lock), those choosing sessions one by
     * one (a full session refuses the whole registration). Returns the registration and the event as it was read.
     */
    public Found register(UUID eventId, AttendeeForm form, CurrentUser user) {
        boolean grouped = form.sessionIds() == null || form.sessionIds().isEmpty();
        ForumEvent event = grouped ? recentlyOpen(eventId)
                : events.find(eventId).orElseThrow(() -> ApiProblem.notFound("Forum event " + eventId));
        boolean staff = Access.isStaff(user);
        if (staff) {
            Access.requireStaff(user, event);
        } else if (!user.roles().isEmpty()) {
            Access.requireStaff(user, event); // check-in staff, ops: refused
        } else if (event.status() == ForumEventStatus.DRAFT) {
            throw ApiProblem.notFound("Forum event " + eventId); // a draft is not public yet
        } else if (!event.selfRegistration()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "This event takes registrations from staff only: a staff token is required", "Authorization");
        }
        AttendeeForm.Valid attendee = valid(form);
        GroupRegistrations.Request request = new GroupRegistrations.Request(event, attendee, staff ? user : null,
                staff ? user.subject() : "attendee", staff ? Registration.Source.STAFF : Registration.Source.SELF,
                CorrelationIds.current(), currentTrace(), clock.instant());
        try {
            return new Found(grouped ? groups.register(request)
                    : WhenBusy.retry(3, () -> registerAlone(request)), event);
        } catch (AlreadyRegistered duplicate) {
            if (staff) {
                throw duplicate; // staff may know: the 409 points them to the registration
            }
            return new Found(asIfNew(event, request, duplicate.existing()), event);
        }
    }

    /**
     * The event for the checks before a group commit: an open event read within the last second is not read again
     * (when registration opens, every request would otherwise read the hot row once more). Safe because the batch
     * checks status, window and staff access again on the locked row; events not open are always read afresh.
     */
    private ForumEvent recentlyOpen(UUID eventId) {
        long now = System.nanoTime();
        RecentEvent recent = recentlyOpen.get(eventId);
        if (recent != null && now - recent.readAt() < RECENT_NANOS) {
            return recent.event();
        }
        ForumEvent event = events.find(eventId).orElseThrow(() -> ApiProblem.notFound("Forum event " + eventId));
        if (event.status() == ForumEventStatus.OPEN) {
            if (recentlyOpen.size() > 10_000) {
                recentlyOpen.clear(); // only ever a handful open at once; this bounds the map anyway
            }
            recentlyOpen.put(eventId, new RecentEvent(event, now));
        } else {
            recentlyOpen.remove(eventId);
        }
        return event;
    }

    private record RecentEvent(ForumEvent event, long readAt) {
    }

    private static final long RECENT_NANOS = 1_000_000_000L;
    private final ConcurrentHashMap<UUID, RecentEvent> recentlyOpen = new ConcurrentHashMap<>();

    /**
     * One registration in its own transaction, with its request's correlation id and trace on its event (a batch
     * that failed retries its requests one by one on the leader's thread).
     */
    private Registration registerAlone(GroupRegistrations.Request r) {
        Registration[] result = new Registration[1];
        r.trace().within(() -> CorrelationIds.with(r.correlationId(), () -> result[0] = transactions.execute(tx ->
                registerValid(r.event(), r.attendee(), r.by(), r.source()))));
        return result[0];
    }

    /** The calling request's trace context, to be made current again wherever its registration is published. */
    private GroupRegistrations.RequestTrace currentTrace() {
        Tracer tracer = tracers.orNull();
        TraceContext context = tracer == null ? null : tracer.currentTraceContext().context();
        if (context == null) {
            return GroupRegistrations.RequestTrace.NONE;
        }
        return work -> {
            try (CurrentTraceContext.Scope ignored = tracer.currentTraceContext().maybeScope(context)) {
                work.run();
            }
        };
    }

    /** The form's own checks, then that the consent it carries is to a policy text that was published. */
    public AttendeeForm.Valid valid(AttendeeForm form) {
        AttendeeForm.Valid attendee = switch (form.check()) {
            case AttendeeForm.Ok ok -> ok.attendee();
            case AttendeeForm.Invalid invalid -> throw new InvalidFields(invalid.errors());
        };
        consentPolicies.require(attendee.consentPolicyVersion(), "consent.policyVersion");
        return attendee;
    }

    /**
     * Registers a checked attendee; the caller holds the transaction (the API's, or one import's). Hot path: one
     * index lookup for the email, one conditional UPDATE for the seat, one INSERT, one outbox INSERT.
     */
    @Transactional
    public Registration registerValid(ForumEvent snapshot, AttendeeForm.Valid a, String by, Registration.Source source) {
        boolean selfService = source == Registration.Source.SELF;
        // Checked on the locked row, not on the caller's snapshot: a close committed since it was read must refuse
        // (a registration pending approval takes no seat, so no conditional UPDATE would catch it later).
        ForumEvent event = events.lock(snapshot.id()).orElseThrow(() -> ApiProblem.notFound("Forum event " + snapshot.id()));
        Instant now = clock.instant(); // read under the lock: registration times follow the order of the seats
        String refusal = event.registrationRefusal(now, selfService);
        if (refusal != null) {
            throw new StateConflict("Registration not possible", refusal, event.status().name(),
                    event.status().allowedActions());
        }
        Map<UUID, ForumSession> sessions = a.sessionIds().isEmpty() ? Map.of() : checkSessions(event, a.sessionIds());
        registrations.findLiveByEmail(event.id(), a.emailKey()).ifPresent(existing -> {
            throw duplicate(existing);
        });

        EventSeats seats = SeatLedger.seatsOf(event);
        SeatEvent placed = seats.register(UUID.randomUUID(), event.approvalRequired() && selfService);
        ledger.record(event.id(), seats);
        RegistrationStatus status = statusAfter(placed);
        Integer position = positionAfter(placed);
        Registration r = new Registration(placed.registrationId(), event.id(), status, position, a.name(), a.email(),
                a.phone(), a.organisation(), a.jobTitle(), a.attendeeType(), a.language(), a.accessibilityNotes(),
                a.wheelchair(), a.signLanguage(), a.hearingLoop(), a.dietaryNeeds(), a.consentPolicyVersion(), now,
                source, by, now, now, null, null, null, null, null, null, null, a.sessionIds());
        if (!registrations.insertIfNew(r, a.emailKey())) {
            // Another request with the same email committed between the lookup and the insert.
            throw duplicate(registrations.findLiveByEmail(event.id(), a.emailKey()).orElse(null));
        }
        if (!sessions.isEmpty()) {
            List<Boolean> seated = new ArrayList<>();
            for (UUID sessionId : a.sessionIds()) {
                boolean seat = status == RegistrationStatus.CONFIRMED && takeSessionSeat(sessions.get(sessionId));
                seated.add(seat);
            }
            registrations.insertSessions(r.id(), a.sessionIds(), seated);
        }
        publish.seatEvent(placed, r, event, null);
        log.debug("Registration {} for event {}: {}", r.id(), event.id(), status);
        return r;
    }

    private Map<UUID, ForumSession> checkSessions(ForumEvent event, List<UUID> chosen) {
        Map<UUID, ForumSession> known = events.sessions(event.id()).stream()
                .collect(Collectors.toMap(ForumSession::id, Function.identity()));
        for (int i = 0; i < chosen.size(); i++) {
            if (!known.containsKey(chosen.get(i))) {
                throw new RuleViolation("sessionIds[" + i + "]", "is not a session of this event");
            }
        }
        return known;
    }

    /** A new confirmed registration must get every session it chose: a full one refuses the whole registration. */
    private boolean takeSessionSeat(ForumSession session) {
        if (!ledger.takeSessionSeat(session.id())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Session full",
                    "The session '" + session.title() + "' has no seat left; choose others", "sessionIds")
                    .with("sessionId", session.id().toString());
        }
        return true;
    }

    /** On promotion or approval: the chosen sessions that still have room are seated, full ones are not. */
    private void seatSessions(Registration r) {
        for (UUID sessionId : r.sessionIds()) {
            registrations.markSeated(r.id(), sessionId, ledger.takeSessionSeat(sessionId));
        }
    }

    /** The status a registration has after what {@link EventSeats} decided for it. */
    static RegistrationStatus statusAfter(SeatEvent decided) {
        return switch (decided) {
            case SeatEvent.SeatTaken taken -> RegistrationStatus.CONFIRMED;
            case SeatEvent.Promoted promoted -> RegistrationStatus.CONFIRMED;
            case SeatEvent.Waitlisted waitlisted -> RegistrationStatus.WAITLISTED;
            case SeatEvent.ApprovalAwaited awaited -> RegistrationStatus.PENDING_APPROVAL;
            case SeatEvent.Cancelled cancelled -> RegistrationStatus.CANCELLED;
            case SeatEvent.Rejected rejected -> RegistrationStatus.REJECTED;
        };
    }

    /** The waitlist position a registration holds after what {@link EventSeats} decided for it, if any. */
    static Integer positionAfter(SeatEvent decided) {
        return switch (decided) {
            case SeatEvent.Waitlisted waitlisted -> waitlisted.position();
            case SeatEvent.Promoted promoted -> promoted.fromPosition();
            default -> null;
        };
    }

    /**
     * An import's checked rows, registered by staff in the caller's transaction, in file order, as a group commit
     * writes them (see {@link GroupRegistrations#registerAllInCallersTransaction}); a refusal rolls the import back.
     */
    public List<Registration> importAll(ForumEvent event, List<AttendeeForm.Valid> attendees, String by) {
        Instant now = clock.instant();
        GroupRegistrations.RequestTrace trace = currentTrace();
        List<GroupRegistrations.Request> requests = new ArrayList<>(attendees.size());
        for (int i = 0; i < attendees.size(); i++) {
            // a microsecond apart, so lists sorted by when a registration was made show the file's order
            requests.add(new GroupRegistrations.Request(event, attendees.get(i), null, by, Registration.Source.IMPORT,
                    CorrelationIds.current(), trace, now.plusNanos(1_000L * i)));
        }
        return groups.registerAllInCallersTransaction(event.id(), requests);
    }

    static AlreadyRegistered duplicate(UUID existing) {
        return new AlreadyRegistered(existing);
    }

    /**
     * The answer to an anonymous duplicate: what a new registration would have got (201, a fresh id that names
     * nothing, the status the event would have given it), so nobody can learn from it whether an address is
     * registered. Nothing is written but the note that the person is to be told ({@link DuplicateNotices}).
     */
    /** What a registration arriving now would become (a stranger's duplicate is answered with this). */
    public static RegistrationStatus statusOfANewcomer(ForumEvent event) {
        if (event.approvalRequired()) {
            return RegistrationStatus.PENDING_APPROVAL;
        }
        return event.confirmed() < event.capacity() ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
    }

    private Registration asIfNew(ForumEvent snapshot, GroupRegistrations.Request r, UUID existing) {
        if (existing != null) {
            duplicateNotices.record(existing, snapshot.id(), r.at());
        }
        // The counters as they are now, as a newcomer's would be decided (the snapshot may be a second old).
        ForumEvent event = events.find(snapshot.id()).orElse(snapshot);
        RegistrationStatus status = statusOfANewcomer(event);
        Integer position = status == RegistrationStatus.WAITLISTED ? event.waitlistIssued() + 1 : null;
        AttendeeForm.Valid a = r.attendee();
        return new Registration(UUID.randomUUID(), event.id(), status, position, a.name(), a.email(), a.phone(),
                a.organisation(), a.jobTitle(), a.attendeeType(), a.language(), a.accessibilityNotes(), a.wheelchair(),
                a.signLanguage(), a.hearingLoop(), a.dietaryNeeds(), a.consentPolicyVersion(), r.at(), r.source(),
                r.by(), r.at(), r.at(), null, null, null, null, null, null, null, a.sessionIds());
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    public record Found(Registration registration, ForumEvent event) {
    }

    @Transactional(readOnly = true)
    public Found get(UUID id, CurrentUser user) {
        Registration r = registrations.find(id).orElseThrow(() -> ApiProblem.notFound("Registration " + id));
        ForumEvent event = events.find(r.eventId()).orElseThrow();
        try {
            Access.requireStaff(user, event);
        } catch (ApiProblem p) {
            if (p.status() == HttpStatus.NOT_FOUND) {
                throw ApiProblem.notFound("Registration " + id);
            }
            throw p;
        }
        return new Found(r, event);
    }

    public String checkInCode(Registration r, ForumEvent event) {
        return r.status() == RegistrationStatus.CONFIRMED && !r.erased() ? links.checkInCode(r.id(), event) : null;
    }

    // ---- approval --------------------------------------------------------------------------------------------------

    @Transactional
    public Registration approve(UUID id, CurrentUser user) {
        Locked locked = lockForStaff(id, user);
        locked.registration().requirePendingApproval("approve");
        Instant now = clock.instant();
        Registration r = locked.registration();
        if (!seatsMove(locked.event())) {
            throw eventNotLive(locked.event());
        }
        EventSeats seats = SeatLedger.seatsOf(locked.event());
        SeatEvent placed = seats.approve(id);
        ledger.record(r.eventId(), seats);
        registrations.decide(id, statusAfter(placed), positionAfter(placed), user.subject(), null, now);
        if (placed instanceof SeatEvent.SeatTaken) {
            seatSessions(r);
        }
        publish.seatEvent(placed, r, locked.event(), null);
        return registrations.find(id).orElseThrow();
    }

    @Transactional
    public Registration reject(UUID id, String reason, CurrentUser user) {
        Locked locked = lockForStaff(id, user);
        locked.registration().requirePendingApproval("reject");
        EventSeats seats = SeatLedger.seatsOf(locked.event());
        SeatEvent rejected = seats.reject(id, reason);
        ledger.record(locked.event().id(), seats);
        registrations.decide(id, statusAfter(rejected), null, user.subject(), reason, clock.instant());
        publish.seatEvent(rejected, locked.registration(), locked.event(), null);
        return registrations.find(id).orElseThrow();
    }

    // ---- cancellation ----------------------------------------------------------------------------------------------

    @Transactional
    public Registration cancelByStaff(UUID id, String reason, CurrentUser user) {
        Locked locked = lockForStaff(id, user);
        cancelLocked(locked, BY_STAFF, reason);
        return registrations.find(id).orElseThrow();
    }

    /** What a cancellation link would cancel (shown before the attendee confirms). */
    @Transactional(readOnly = true)
    public Found previewByLink(String token) {
        SignedLinks.Grant grant = grant(token);
        Registration r = registrations.find(grant.registrationId()).filter(x -> x.eventId().equals(grant.eventId()))
                .orElseThrow(() -> ApiProblem.notFound("Registration"));
        return new Found(r, events.find(r.eventId()).orElseThrow());
    }

    @Transactional
    public Registration cancelByLink(String token, String reason) {
        SignedLinks.Grant grant = grant(token);
        ForumEvent event = events.lock(grant.eventId()).orElseThrow(() -> ApiProblem.notFound("Registration"));
        Registration r = registrations.lock(grant.registrationId()).filter(x -> x.eventId().equals(event.id()))
                .orElseThrow(() -> ApiProblem.notFound("Registration"));
        cancelLocked(new Locked(event, r), BY_ATTENDEE, reason);
        return registrations.find(r.id()).orElseThrow();
    }

    private SignedLinks.Grant grant(String token) {
        try {
            return links.verify(token, SignedLinks.Purpose.CANCEL);
        } catch (SignedLinks.InvalidLink e) {
            HttpStatus status = "EXPIRED".equals(e.reason()) ? HttpStatus.GONE : HttpStatus.NOT_FOUND;
            throw new ApiProblem(status, "Link not valid", e.getMessage(), "token").with("reason", e.reason());
        }
    }

    private void cancelLocked(Locked locked, String by, String reason) {
        Registration r = locked.registration();
        r.requireCancellable();
        if (!locked.event().status().isLive()) {
            throw eventNotLive(locked.event());
        }
        boolean wasConfirmed = r.status() == RegistrationStatus.CONFIRMED;
        registrations.cancel(r.id(), by, reason, clock.instant());
        if (wasConfirmed) {
            registrations.seatedSessions(r.id()).forEach(ledger::releaseSessionSeat);
        }
        EventSeats seats = SeatLedger.seatsOf(locked.event());
        SeatEvent cancelled = seats.cancel(r.id(), wasConfirmed, by, reason);
        ledger.record(r.eventId(), seats);
        String cause = publish.seatEvent(cancelled, r, locked.event(), null);
        log.info("Registration {} of event {} cancelled by {}", r.id(), r.eventId(), by);
        if (wasConfirmed) {
            promoteWhileRoom(r.eventId(), cause);
        }
    }

    /** Fills free seats from the waitlist, first in line first. The event's row lock must be held. */
    @Override
    public int promoteWhileRoom(UUID eventId, String cause) {
        ForumEvent event = events.lock(eventId).orElseThrow(); // held already: this reads the counters as they are now
        if (!seatsMove(event)) {
            return 0;
        }
        EventSeats seats = SeatLedger.seatsOf(event);
        int promoted = 0;
        while (seats.hasFreeSeat()) {
            Optional<Registration> next = registrations.firstWaitlisted(eventId);
            if (next.isEmpty()) {
                break;
            }
            Registration r = next.get();
            SeatEvent placed = seats.promote(r.id(), r.waitlistPosition());
            registrations.updateStatus(r.id(), statusAfter(placed), positionAfter(placed), clock.instant());
            seatSessions(r);
            publish.seatEvent(placed, r, event, cause);
            log.info("Registration {} of event {} promoted from waitlist position {}", r.id(), eventId,
                    r.waitlistPosition());
            promoted++;
        }
        if (seats.changed()) {
            ledger.record(eventId, seats);
        }
        return promoted;
    }

    /** Approvals and promotions of registrations made while it was open go on once registration has closed too. */
    private static boolean seatsMove(ForumEvent event) {
        return event.status() == ForumEventStatus.OPEN || event.status() == ForumEventStatus.CLOSED;
    }

    // ---- erasure ---------------------------------------------------------------------------------------------------

    /** An erasure request: a live registration is cancelled first (its seat goes to the waitlist), then erased. */
    @Transactional
    public Registration eraseOnRequest(UUID id, CurrentUser user) {
        Locked locked = lockForStaff(id, user);
        erase(locked, "REQUEST");
        return registrations.find(id).orElseThrow();
    }

    /** The retention job's erasure of one registration, in its own transaction. */
    @Transactional
    public void eraseForRetention(UUID id) {
        UUID eventId = registrations.find(id).orElseThrow().eventId();
        ForumEvent event = events.lock(eventId).orElseThrow();
        Registration r = registrations.lock(id).orElseThrow();
        if (!r.erased()) {
            erase(new Locked(event, r), "RETENTION");
        }
    }

    private void erase(Locked locked, String reason) {
        Registration r = locked.registration();
        if (r.erased()) {
            return; // already gone: asking twice changes nothing
        }
        if ("REQUEST".equals(reason) && r.status().isLive() && locked.event().status().isLive()) {
            cancelLocked(locked, BY_STAFF, "personal data erasure");
        }
        registrations.erase(r.id(), reason, clock.instant());
        duplicateNotices.forget(r.id());
        idempotency.forgetRegistration(r.id()); // kept answers hold the person's data (and check-in code) too
        publish.erased(r.id(), events.nextVersion(r.eventId()), reason, null);
        log.info("Personal data of registration {} erased ({})", r.id(), reason);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private record Locked(ForumEvent event, Registration registration) {
    }

    /** Access check without locks, then the locks in order: the event's row, then the registration's. */
    private Locked lockForStaff(UUID id, CurrentUser user) {
        Found found = get(id, user);
        ForumEvent event = events.lock(found.event().id()).orElseThrow();
        Registration r = registrations.lock(id).orElseThrow();
        return new Locked(event, r);
    }

    private static StateConflict eventNotLive(ForumEvent event) {
        return new StateConflict("Event not live", "The event is " + event.status(), event.status().name(),
                event.status().allowedActions());
    }
}
