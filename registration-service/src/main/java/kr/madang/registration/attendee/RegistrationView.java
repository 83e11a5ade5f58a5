package kr.madang.registration.attendee;

import static kr.madang.registration.forumevent.ForumEventView.seoul;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A registration as staff see it. The self-registration answer leaves out the check-in code (it goes by email);
 * an erased registration shows no personal data.
 */
public record RegistrationView(UUID id, UUID eventId, RegistrationStatus status, Integer waitlistPosition,
                               Integer waitlistAhead, String name, String email, String phone, String organisation,
                               String jobTitle, AttendeeType attendeeType, String language, Accessibility accessibility,
                               String dietaryNeeds, List<UUID> sessionIds, Consent consent, Registration.Source source,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime decidedAt,
                               String decisionReason, OffsetDateTime cancelledAt, String cancelledBy,
                               String cancelReason, OffsetDateTime erasedAt, List<String> allowedActions,
                               String checkInCode, List<CheckIn> checkIns) {

    public record Accessibility(String notes, boolean wheelchair, boolean signLanguage, boolean hearingLoop) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "RegisteredConsent", description = "The consent as it was recorded")
    public record Consent(String policyVersion, OffsetDateTime acceptedAt) {
    }

    public record CheckIn(LocalDate day, OffsetDateTime checkedInAt) {
    }

    public static RegistrationView of(Registration r, Integer waitlistAhead, String checkInCode, List<CheckIn> checkIns) {
        boolean waiting = r.status() == RegistrationStatus.WAITLISTED;
        return new RegistrationView(r.id(), r.eventId(), r.status(), waiting ? r.waitlistPosition() : null,
                waiting ? waitlistAhead : null, r.name(), r.email(), r.phone(), r.organisation(), r.jobTitle(),
                r.attendeeType(), r.language().code(),
                r.erased() ? null : new Accessibility(r.accessibilityNotes(), r.wheelchair(), r.signLanguage(), r.hearingLoop()),
                r.dietaryNeeds(), r.sessionIds(), new Consent(r.consentPolicyVersion(), seoul(r.consentAt())), r.source(),
                seoul(r.createdAt()), seoul(r.updatedAt()), seoul(r.decidedAt()), r.decisionReason(),
                seoul(r.cancelledAt()), r.cancelledBy(), r.cancelReason(), seoul(r.erasedAt()),
                r.status().allowedActions(), checkInCode, checkIns);
    }
}
