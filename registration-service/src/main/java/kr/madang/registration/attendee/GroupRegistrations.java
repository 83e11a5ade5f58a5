package kr.madang.registration.attendee;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;
import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import kr.madang.platform.web.Busy;
import kr.madang.platform.web.DatabaseAway;
import kr.madang.platform.web.WhenBusy;
import kr.madang.platform.web.CorrelationIds;
import kr.madang.registration.access.Access;
import kr.madang.registration.capacity.Combiner;
import kr.madang.registration.capacity.EventSeats;
import kr.madang.registration.capacity.SeatEvent;
import kr.madang.registration.capacity.SeatLedger;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.publishing.DomainEvents;
import kr.madang.registration.rules.StateConflict;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New registrations of one forum event, committed in groups (see {@link Combiner} for why: one hot row). One batch is
 * one transaction: lock the event's row, look up every email at once, then one UPDATE takes all the seats and waitlist
 * places (and one aggregate version per registration), one multi-row INSERT writes the registrations, and one outbox
 * append per registration follows, all in arrival order: the first in the queue gets the first seat, the lowest
 * waitlist position and the lowest version. A refusal (event closed meanwhile, duplicate email, within the batch or
 * not) answers that request only. If the batch fails as a whole, every request of it is retried alone on the one-by-one
 * path, so each gets its own answer and nothing is half-written (a deadlock or lock timeout, which rolls the try back
 * whole, is tried again up to three times); when the database is away, all of them get the 503 at once instead.
 */
final class GroupRegistrations {

    /** One validated registration waiting for its batch, with what its request knew. */
    record Request(ForumEvent event, AttendeeForm.Valid attendee, CurrentUser staff, String by,
                   Registration.Source source, String correlationId, RequestTrace trace, Instant at) {

        Request arrivedAt(Instant when) {
            return new Request(event, attendee, staff, by, source, correlationId, trace, when);
        }
    }

    /**
     * The trace of the request that made a registration, captured on its own thread. The batch runs on the leader's
     * thread, so each registration's event is published inside its own request's trace, not the leader's.
     */
    interface RequestTrace {
        void within(Runnable work);

        RequestTrace NONE = Runnable::run;
    }

    private final Combiner<UUID, Request, Registration> combiner;
    private final TransactionTemplate transactions;
    private final ForumEventRepository events;
    private final RegistrationRepository registrations;
    private final SeatLedger ledger;
    private final DomainEvents publish;
    private final Function<Request, Registration> alone;
    private final DistributionSummary batchSizes;
    private final Clock clock;

    GroupRegistrations(int maxBatch, TransactionTemplate transactions, ForumEventRepository events,
                       RegistrationRepository registrations, SeatLedger ledger, DomainEvents publish,
                       Function<Request, Registration> alone, DistributionSummary batchSizes, Clock clock) {
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
        this.registrations = registrations;
        this.ledger = ledger;
        this.publish = publish;
        this.alone = alone;
        this.batchSizes = batchSizes;
        this.combiner = new Combiner<>(maxBatch, this::process);
    }

    Registration register(Request request) {
        try {
            // stamped as it takes its place in line: arrival times follow the order seats and positions are given in
            return combiner.submit(request.event().id(), () -> request.arrivedAt(clock.instant()));
        } catch (Combiner.WaitedTooLong queueDidNotMove) {
            throw new Busy(queueDidNotMove); // never processed: nothing written, the caller retries
        }
    }

    private record Outcome(Registration registration, RuntimeException refusal) {
    }

    private void process(UUID eventId, List<Combiner.Item<Request, Registration>> batch) {
        batchSizes.record(batch.size());
        List<Outcome> outcomes;
        try {
            List<Request> requests = batch.stream().map(Combiner.Item::request).toList();
            outcomes = transactions.execute(tx -> inOneTransaction(eventId, requests));
        } catch (RuntimeException batchFailed) {
            if (databaseAway(batchFailed)) {
                // Retrying each alone would only wait for the database once per request: all get the 503 now.
                batch.forEach(item -> item.fail(batchFailed));
                return;
            }
            for (Combiner.Item<Request, Registration> item : batch) {
                try {
                    // a deadlock or lock timeout rolled back the whole try: safe to repeat
                    item.complete(WhenBusy.retry(3, () -> alone.apply(item.request())));
                } catch (RuntimeException e) {
                    item.fail(e);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o.refusal() != null) {
                batch.get(i).fail(o.refusal());
            } else {
                batch.get(i).complete(o.registration());
            }
        }
    }

    /**
     * An import's registrations, in the caller's transaction (all or nothing), written like a group commit: 200 at a
     * time, each chunk one seat UPDATE and one multi-row INSERT. The event's row lock is held from the first chunk to
     * the commit, so the faster the writes, the shorter every other registration for the event waits. The first
     * refusal (the event closed, an email registered meanwhile) is thrown, and the caller's transaction rolls back.
     */
    List<Registration> registerAllInCallersTransaction(UUID eventId, List<Request> requests) {
        List<Registration> made = new ArrayList<>(requests.size());
        for (int from = 0; from < requests.size(); from += IMPORT_CHUNK) {
            List<Request> chunk = requests.subList(from, Math.min(requests.size(), from + IMPORT_CHUNK));
            for (Outcome o : inOneTransaction(eventId, chunk)) {
                if (o.refusal() != null) {
                    throw o.refusal();
                }
                made.add(o.registration());
            }
        }
        return made;
    }

    private static final int IMPORT_CHUNK = 200;

    private List<Outcome> inOneTransaction(UUID eventId, List<Request> batch) {
        ForumEvent event = events.lock(eventId).orElseThrow();
        Set<String> keys = new LinkedHashSet<>();
        batch.forEach(request -> keys.add(request.attendee().emailKey()));
        Map<String, UUID> taken = new HashMap<>(registrations.findLiveByEmails(eventId, keys));

        // Who gets in, in arrival order; refusals answer their request only.
        Outcome[] outcomes = new Outcome[batch.size()];
        List<Integer> accepted = new ArrayList<>();
        Map<Integer, UUID> ids = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Request r = batch.get(i);
            String refusal = event.registrationRefusal(r.at(), r.source() == Registration.Source.SELF);
            if (refusal != null) {
                outcomes[i] = new Outcome(null, new StateConflict("Registration not possible", refusal,
                        event.status().name(), event.status().allowedActions()));
                continue;
            }
            if (r.staff() != null) {
                try {
                    Access.requireStaff(r.staff(), event); // the check before may have read the event a moment ago
                } catch (ApiProblem refused) {
                    outcomes[i] = new Outcome(null, refused);
                    continue;
                }
            }
            UUID existing = taken.get(r.attendee().emailKey());
            if (existing != null) {
                outcomes[i] = new Outcome(null, RegistrationService.duplicate(existing));
                continue;
            }
            UUID id = UUID.randomUUID();
            taken.put(r.attendee().emailKey(), id); // a later request of the batch with this email is pointed to it
            ids.put(i, id);
            accepted.add(i);
        }
        if (accepted.isEmpty()) {
            return List.of(outcomes);
        }

        // Seats, positions and versions in arrival order, decided in one place and recorded with one UPDATE.
        EventSeats seats = SeatLedger.seatsOf(event);
        List<Registration> rows = new ArrayList<>(accepted.size());
        List<String> emailKeys = new ArrayList<>(accepted.size());
        List<SeatEvent> decided = new ArrayList<>(accepted.size());
        for (int i : accepted) {
            Request r = batch.get(i);
            AttendeeForm.Valid a = r.attendee();
            SeatEvent placed = seats.register(ids.get(i), pendingApproval(event, r));
            Registration row = new Registration(ids.get(i), eventId, RegistrationService.statusAfter(placed),
                    RegistrationService.positionAfter(placed), a.name(), a.email(), a.phone(),
                    a.organisation(), a.jobTitle(), a.attendeeType(), a.language(), a.accessibilityNotes(),
                    a.wheelchair(), a.signLanguage(), a.hearingLoop(), a.dietaryNeeds(), a.consentPolicyVersion(),
                    r.at(), r.source(), r.by(), r.at(), r.at(), null, null, null, null, null, null, null, List.of());
            rows.add(row);
            emailKeys.add(a.emailKey());
            decided.add(placed);
            outcomes[i] = new Outcome(row, null);
        }
        ledger.record(eventId, seats);
        if (registrations.insertAll(rows, emailKeys) != rows.size()) {
            // Cannot happen while every insert of a registration first takes the event's row lock; if it does, the
            // one-by-one path sorts it out.
            throw new IllegalStateException("A registration of the batch collided with one made meanwhile");
        }
        for (int j = 0; j < rows.size(); j++) {
            Registration row = rows.get(j);
            SeatEvent placed = decided.get(j);
            Request request = batch.get(accepted.get(j));
            request.trace().within(() -> CorrelationIds.with(request.correlationId(),
                    () -> publish.seatEvent(placed, row, event, null)));
        }
        return List.of(outcomes);
    }

    private static boolean databaseAway(RuntimeException e) {
        return DatabaseAway.in(e);
    }

    /** Staff registrations are approved by whoever makes them; the public's wait for HQ or the region. */
    private static boolean pendingApproval(ForumEvent event, Request r) {
        return event.approvalRequired() && r.source() == Registration.Source.SELF;
    }
}
