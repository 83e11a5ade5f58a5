package kr.madang.registration.forumevent;

import java.util.List;

/** DRAFT → OPEN ⇄ CLOSED → COMPLETED, and CANCELLED from any state before COMPLETED. */
public enum ForumEventStatus {
    DRAFT, OPEN, CLOSED, COMPLETED, CANCELLED;

    public List<String> allowedActions() {
        return switch (this) {
            case DRAFT -> List.of("open", "reschedule", "cancel");
            case OPEN -> List.of("close", "complete", "reschedule", "cancel", "capacity");
            case CLOSED -> List.of("open", "complete", "reschedule", "cancel", "capacity");
            case COMPLETED, CANCELLED -> List.of();
        };
    }

    /** Whether registrations of the event may still change (cancel, approve, promote). */
    public boolean isLive() {
        return this == OPEN || this == CLOSED || this == DRAFT;
    }
}
