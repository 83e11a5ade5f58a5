package kr.madang.registration.publishing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import kr.madang.events.Contact;
import kr.madang.events.EventHeader;
import kr.madang.events.ForumEventSummary;
import kr.madang.events.SessionSummary;
import kr.madang.events.registration.AttendeeCheckedIn;
import kr.madang.events.registration.AttendeeDataErased;
import kr.madang.events.registration.ForumEventCancelled;
import kr.madang.events.registration.ForumEventClosed;
import kr.madang.events.registration.ForumEventCompleted;
import kr.madang.events.registration.ForumEventOpened;
import kr.madang.events.registration.ForumEventRescheduled;
import kr.madang.events.registration.ForumEventScheduled;
import kr.madang.events.registration.RegistrationAttemptRepeated;
import kr.madang.events.registration.RegistrationCancelled;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.events.registration.RegistrationPendingApproval;
import kr.madang.events.registration.RegistrationPromoted;
import kr.madang.events.registration.RegistrationRejected;
import kr.madang.events.registration.RegistrationWaitlisted;
import kr.madang.platform.outbox.Outbox;
import kr.madang.platform.sealing.SubjectKeyStore;
import kr.madang.schemas.sealing.FieldSealer;
import kr.madang.platform.web.CorrelationIds;
import kr.madang.registration.attendee.Registration;
import kr.madang.registration.capacity.SeatEvent;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.links.AttendeeLinks;
import kr.madang.registration.ticket.ShortCodes;
import kr.madang.registration.ticket.TicketCodes;
import kr.madang.schemas.Topics;
import org.springframework.stereotype.Component;

/**
 * Turns the service's changes into the Avro events of {@code madang.registration.events} and appends them to the
 * outbox in the caller's transaction. Key and aggregate id: the forum event id; aggregate version: the event row's
 * version taken by the statement that made the change, so one forum event's stream is numbered without gaps.
 * Each method returns the new event's id, for the causation of events it leads to.
 */
@Component
public class DomainEvents {

    public static final String PRODUCER = "registration-service";

    /** The fields of an attendee's event that name them or act for them: sealed with their own data key. */
    private static final java.util.List<String> PERSONAL_FIELDS = java.util.List.of("organisation", "cancellationUrl",
            "checkInCode", "ticketUrl", "ticketCode");
    private static final java.util.List<String> CONTACT_FIELDS = java.util.List.of("name", "email", "phone");

    private final Outbox outbox;
    private final AttendeeLinks links;
    private final Clock clock;
    private final SubjectKeyStore keys;
    private final TicketCodes ticketCodes;
    private final ForumEventRepository forumEvents;

    public DomainEvents(Outbox outbox, AttendeeLinks links, Clock clock, SubjectKeyStore keys, TicketCodes ticketCodes,
                        ForumEventRepository forumEvents) {
        this.ticketCodes = ticketCodes;
        this.forumEvents = forumEvents;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
        this.keys = keys;
    }

    public String scheduled(ForumEvent e) {
        return append(ForumEventScheduled.newBuilder().setHeader(header(e, null)).setForumEvent(summary(e))
                .setCapacity(e.capacity()).setSelfRegistration(e.selfRegistration())
                .setApprovalRequired(e.approvalRequired()).build());
    }

    public String opened(ForumEvent e) {
        return append(ForumEventOpened.newBuilder().setHeader(header(e, null)).setForumEvent(summary(e)).build());
    }

    public String closed(ForumEvent e) {
        return append(ForumEventClosed.newBuilder().setHeader(header(e, null)).setForumEvent(summary(e)).build());
    }

    public String completed(ForumEvent e) {
        return append(ForumEventCompleted.newBuilder().setHeader(header(e, null)).setForumEvent(summary(e)).build());
    }

    public String cancelled(ForumEvent e, String reason) {
        return append(ForumEventCancelled.newBuilder().setHeader(header(e, null)).setForumEvent(summary(e))
                .setReason(reason).build());
    }

    public String rescheduled(ForumEvent.Rescheduled change, ForumEvent e) {
        return append(ForumEventRescheduled.newBuilder().setHeader(header(e, null)).setForumEvent(summary(e))
                .setPreviousStartsAt(change.previousStartsAt()).setPreviousEndsAt(change.previousEndsAt())
                .setPreviousVenue(change.previousVenue()).build());
    }

    /**
     * Publishes what {@link kr.madang.registration.capacity.EventSeats} decided for one registration, as the event of
     * the published language it maps to, numbered with the forum event's version right after that change. Decides
     * nothing: the seat, the position and the version all come from the seat event.
     */
    public String seatEvent(SeatEvent change, Registration r, ForumEvent event, String causation) {
        if (!change.registrationId().equals(r.id())) {
            throw new IllegalArgumentException("seat event of " + change.registrationId() + " given registration " + r.id());
        }
        SeatEvent.Counters after = change.after();
        ForumEvent e = event.withCounters(after.confirmed(), after.waitlistIssued(), after.version());
        return switch (change) {
            case SeatEvent.SeatTaken taken -> confirmed(r, e, causation);
            case SeatEvent.Waitlisted waitlisted -> waitlisted(r, e, waitlisted.position(), causation);
            case SeatEvent.ApprovalAwaited awaited -> pendingApproval(r, e, causation);
            case SeatEvent.Promoted promoted -> promoted(r, e, promoted.fromPosition(), causation);
            case SeatEvent.Cancelled cancelled -> registrationCancelled(r, e, cancelled.by(), cancelled.reason(),
                    cancelled.seatFreed(), causation);
            case SeatEvent.Rejected rejected -> rejected(r, e, rejected.reason(), causation);
        };
    }

    private String confirmed(Registration r, ForumEvent e, String causation) {
        return append(personal(r, RegistrationConfirmed.newBuilder().setHeader(header(e, causation)).setRegistrationId(id(r))
                .setForumEvent(summary(e)).setAttendee(contact(r)).setOrganisation(r.organisation())
                .setAttendeeType(r.attendeeType().name()).setCancellationUrl(links.cancellationUrl(r.id(), e))
                .setCheckInCode(links.checkInCode(r.id(), e)).setTicketUrl(links.ticketUrl(r.id(), e))
                .setTicketCode(ShortCodes.display(ticketCodes.codeFor(r.id(), e.id()))).setSessions(sessionsHeld(r))
                .build()));
    }

    private String waitlisted(Registration r, ForumEvent e, int position, String causation) {
        return append(personal(r, RegistrationWaitlisted.newBuilder().setHeader(header(e, causation)).setRegistrationId(id(r))
                .setForumEvent(summary(e)).setAttendee(contact(r)).setOrganisation(r.organisation())
                .setAttendeeType(r.attendeeType().name()).setWaitlistPosition(position)
                .setCancellationUrl(links.cancellationUrl(r.id(), e)).build()));
    }

    private String pendingApproval(Registration r, ForumEvent e, String causation) {
        return append(personal(r, RegistrationPendingApproval.newBuilder().setHeader(header(e, causation)).setRegistrationId(id(r))
                .setForumEvent(summary(e)).setAttendee(contact(r)).setOrganisation(r.organisation())
                .setAttendeeType(r.attendeeType().name()).setCancellationUrl(links.cancellationUrl(r.id(), e)).build()));
    }

    private String rejected(Registration r, ForumEvent e, String reason, String causation) {
        return append(personal(r, RegistrationRejected.newBuilder().setHeader(header(e, causation)).setRegistrationId(id(r))
                .setForumEvent(summary(e)).setAttendee(contact(r)).setOrganisation(r.organisation())
                .setAttendeeType(r.attendeeType().name()).setReason(reason).build()));
    }

    private String promoted(Registration r, ForumEvent e, int fromPosition, String causation) {
        return append(personal(r, RegistrationPromoted.newBuilder().setHeader(header(e, causation)).setRegistrationId(id(r))
                .setForumEvent(summary(e)).setAttendee(contact(r)).setOrganisation(r.organisation())
                .setAttendeeType(r.attendeeType().name()).setCancellationUrl(links.cancellationUrl(r.id(), e))
                .setCheckInCode(links.checkInCode(r.id(), e)).setTicketUrl(links.ticketUrl(r.id(), e))
                .setTicketCode(ShortCodes.display(ticketCodes.codeFor(r.id(), e.id()))).setFromPosition(fromPosition)
                .setSessions(sessionsHeld(r)).build()));
    }

    private String registrationCancelled(Registration r, ForumEvent e, String by, String reason, boolean wasConfirmed,
                                         String causation) {
        return append(personal(r, RegistrationCancelled.newBuilder().setHeader(header(e, causation)).setRegistrationId(id(r))
                .setForumEvent(summary(e)).setAttendee(contact(r)).setOrganisation(r.organisation())
                .setAttendeeType(r.attendeeType().name()).setCancelledBy(by).setReason(reason)
                .setWasConfirmed(wasConfirmed).build()));
    }

    /** An anonymous caller registered this person's address again: they are told, once (see DuplicateNotices). */
    public String attemptRepeated(Registration r, ForumEvent e) {
        return append(personal(r, RegistrationAttemptRepeated.newBuilder().setHeader(header(e, null))
                .setRegistrationId(id(r)).setForumEvent(summary(e)).setAttendee(contact(r))
                .setStatus(r.status().name()).build()));
    }

    public String checkedIn(Registration r, ForumEvent e, LocalDate day, java.time.Instant at) {
        return append(personal(r, AttendeeCheckedIn.newBuilder().setHeader(header(e, null)).setRegistrationId(id(r))
                .setForumEvent(summary(e)).setAttendee(contact(r)).setOrganisation(r.organisation())
                .setAttendeeType(r.attendeeType().name()).setDay(day).setCheckedInAt(at).build()));
    }

    public String erased(UUID registrationId, ForumEvent e, String reason, String causation) {
        // destroys the person's data key: every sealed copy of their data, on every topic, becomes unreadable
        keys.erase(registrationId.toString());
        return append(AttendeeDataErased.newBuilder().setHeader(header(e, causation))
                .setRegistrationId(registrationId.toString()).setForumEventId(e.id().toString()).setReason(reason)
                .build());
    }

    /**
     * Seals the attendee's name, email, phone, organisation and the links and codes that act for them with their own
     * data key: whoever reads the topic cannot use or read them, and once the person is erased (their key destroyed)
     * nobody can, although Kafka keeps the records until their retention ends.
     */
    private <T extends org.apache.avro.specific.SpecificRecordBase> T personal(Registration r, T event) {
        String subject = r.id().toString();
        // one key lookup per event, however many fields it seals
        java.util.function.Supplier<byte[]> key = new java.util.function.Supplier<>() {
            private byte[] known;

            @Override
            public byte[] get() {
                if (known == null) {
                    known = keys.keyForSealing(subject);
                }
                return known;
            }
        };
        for (String field : PERSONAL_FIELDS) {
            if (event.getSchema().getField(field) != null && event.get(field) != null) {
                event.put(field, FieldSealer.sealForSubject(subject, key.get(), event.get(field).toString()));
            }
        }
        if (event.getSchema().getField("attendee") != null && event.get("attendee") instanceof Contact contact) {
            for (String field : CONTACT_FIELDS) {
                if (contact.get(field) != null) {
                    contact.put(field, FieldSealer.sealForSubject(subject, key.get(), contact.get(field).toString()));
                }
            }
        }
        return event;
    }

    public static ForumEventSummary summary(ForumEvent e) {
        return ForumEventSummary.newBuilder().setForumEventId(e.id().toString()).setTitle(e.title())
                .setTitleEn(e.titleEn()).setRegion(e.region().name()).setVenue(e.venue()).setStartsAt(e.startsAt())
                .setEndsAt(e.endsAt()).build();
    }

    /**
     * The sessions the registration holds a seat in, for the attendee's calendar: one query per event, none when it
     * chose no session (the bulk path); null then, as from a producer older than the field.
     */
    private java.util.List<SessionSummary> sessionsHeld(Registration r) {
        if (r.sessionIds() == null || r.sessionIds().isEmpty()) {
            return null;
        }
        return forumEvents.sessionsHeldBy(r.id()).stream().map(s -> SessionSummary.newBuilder()
                .setSessionId(s.id().toString()).setTitle(s.title()).setTitleEn(s.titleEn()).setStartsAt(s.startsAt())
                .setEndsAt(s.endsAt()).setRoom(s.location()).build()).toList();
    }

    private static Contact contact(Registration r) {
        return Contact.newBuilder().setName(r.name()).setEmail(r.email()).setPhone(r.phone())
                .setLanguage(kr.madang.events.Language.valueOf(r.language().name())).build();
    }

    private EventHeader header(ForumEvent e, String causation) {
        String correlation = CorrelationIds.current();
        return kr.madang.schemas.Events.newHeader(PRODUCER, e.id().toString(), e.version(), correlation,
                causation != null ? causation : correlation, clock.instant());
    }

    private String append(org.apache.avro.specific.SpecificRecord event) {
        outbox.append(Topics.REGISTRATION_EVENTS, event);
        return kr.madang.schemas.Events.header(event).getEventId();
    }

    private static String id(Registration r) {
        return r.id().toString();
    }
}
