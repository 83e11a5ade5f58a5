package kr.madang.registration.attendee;

import java.util.UUID;

import kr.madang.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The 409 for an email already registered for the event, pointing at the registration it repeats. Only staff ever
 * see it: to anyone else it would say whether an address is registered, so an anonymous duplicate is answered as a
 * new registration would be ({@link RegistrationService#register}).
 */
public final class AlreadyRegistered extends ApiProblem {

    private final UUID existing;

    AlreadyRegistered(UUID existing) {
        super(HttpStatus.CONFLICT, "Already registered", "This email address is already registered for this event",
                "email");
        this.existing = existing;
        if (existing != null) {
            with("existingRegistrationId", existing.toString());
            with("existingRegistration", "/api/registrations/" + existing);
        }
    }

    /** The live registration with the same email, or null when it could not be read back (a race with a cancel). */
    public UUID existing() {
        return existing;
    }
}
