package kr.madang.registration.attendee;

import java.util.List;

public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, PENDING_APPROVAL, REJECTED, CANCELLED;

    /** Holds (or waits for) a place: the email cannot register again while it is live. */
    public boolean isLive() {
        return this == CONFIRMED || this == WAITLISTED || this == PENDING_APPROVAL;
    }

    public List<String> allowedActions() {
        return switch (this) {
            case CONFIRMED, WAITLISTED -> List.of("cancel", "erasure");
            case PENDING_APPROVAL -> List.of("approve", "reject", "cancel", "erasure");
            case REJECTED, CANCELLED -> List.of("erasure");
        };
    }
}
