package kr.madang.registration.access;

import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.security.Roles;
import kr.madang.platform.web.ApiProblem;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.Region;
import org.springframework.http.HttpStatus;

/**
 * Who may do what to which forum event. HQ everything; a regional office only the events of its region, and an
 * event of another region is answered exactly as one that does not exist (404), so ids cannot be probed; check-in
 * staff only the check-in (and the details) of the one event in their token.
 */
public final class Access {

    private Access() {
    }

    /** Managing an event and its attendees (personal data included). */
    public static void requireStaff(CurrentUser user, ForumEvent event) {
        if (user.isHq()) {
            return;
        }
        if (user.has(Roles.REGIONAL_OFFICE)) {
            if (event.region().name().equals(user.region())) {
                return;
            }
            throw ApiProblem.notFound("Forum event " + event.id());
        }
        if (user.has(Roles.CHECKIN_STAFF) && event.id().toString().equals(user.eventId())) {
            throw forbidden("Check-in staff may only check attendees in");
        }
        if (user.roles().isEmpty()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", "A staff token is required", null);
        }
        throw forbidden("This role may not manage forum events");
    }

    /** Seeing an event's details (no personal data): staff of it, and its own check-in staff. */
    public static void requireViewer(CurrentUser user, ForumEvent event) {
        if (user.has(Roles.CHECKIN_STAFF) && event.id().toString().equals(user.eventId())) {
            return;
        }
        requireStaff(user, event);
    }

    /** Checking attendees in at the door of this event. */
    public static void requireCheckIn(CurrentUser user, ForumEvent event) {
        if (user.has(Roles.CHECKIN_STAFF)) {
            if (event.id().toString().equals(user.eventId())) {
                return;
            }
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Check-in refused",
                    "This code belongs to another event than the one you check in for", "token")
                    .with("reason", "WRONG_EVENT");
        }
        requireStaff(user, event);
    }

    /** Creating an event in a region: HQ anywhere, a regional office in its own region. */
    public static void requireCreate(CurrentUser user, Region region) {
        if (user.isHq()) {
            return;
        }
        if (user.has(Roles.REGIONAL_OFFICE)) {
            if (region.name().equals(user.region())) {
                return;
            }
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden",
                    "A regional office creates events in its own region only", "region");
        }
        throw forbidden("This role may not create forum events");
    }

    /** Lists: HQ sees every region, a regional office its own; others none. */
    public static Region listScope(CurrentUser user, Region requested) {
        if (user.isHq()) {
            return requested;
        }
        if (user.has(Roles.REGIONAL_OFFICE) && user.region() != null) {
            Region own;
            try {
                own = Region.valueOf(user.region());
            } catch (IllegalArgumentException e) {
                throw forbidden("The token's region is not one of Madang's regions");
            }
            if (requested != null && requested != own) {
                throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "A regional office sees its own region only",
                        "region");
            }
            return own;
        }
        throw forbidden("This role may not list forum events");
    }

    public static boolean isStaff(CurrentUser user) {
        return user.isHq() || user.has(Roles.REGIONAL_OFFICE);
    }

    private static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail, null);
    }
}
