package kr.madang.registration.attendee;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kr.madang.registration.rules.StateConflict;

/** A registration of one attendee for one forum event. Personal fields are null once erased. */
public record Registration(UUID id, UUID eventId, RegistrationStatus status, Integer waitlistPosition, String name,
                           String email, String phone, String organisation, String jobTitle, AttendeeType attendeeType,
                           Language language, String accessibilityNotes, boolean wheelchair, boolean signLanguage,
                           boolean hearingLoop, String dietaryNeeds, String consentPolicyVersion, Instant consentAt,
                           Source source, String createdBy, Instant createdAt, Instant updatedAt, String decidedBy,
                           Instant decidedAt, String decisionReason, String cancelledBy, Instant cancelledAt,
                           String cancelReason, Instant erasedAt, List<UUID> sessionIds) {

    /** Who made the registration: staff over the API, the attendee, or a bulk import. */
    public enum Source {
        STAFF, SELF, IMPORT
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public Registration withSessions(List<UUID> sessions) {
        return new Registration(id, eventId, status, waitlistPosition, name, email, phone, organisation, jobTitle,
                attendeeType, language, accessibilityNotes, wheelchair, signLanguage, hearingLoop, dietaryNeeds,
                consentPolicyVersion, consentAt, source, createdBy, createdAt, updatedAt, decidedBy, decidedAt,
                decisionReason, cancelledBy, cancelledAt, cancelReason, erasedAt, sessions);
    }

    public void requireCancellable() {
        if (!status.isLive()) {
            throw conflict("cancel");
        }
    }

    public void requirePendingApproval(String action) {
        if (status != RegistrationStatus.PENDING_APPROVAL) {
            throw conflict(action);
        }
    }

    private StateConflict conflict(String action) {
        return new StateConflict("Not allowed in state " + status,
                "Cannot " + action + " a registration that is " + status, status.name(), status.allowedActions());
    }
}
