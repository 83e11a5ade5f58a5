package kr.madang.platform.security;

/** The roles Madang's tokens carry in their {@code roles} claim. */
public final class Roles {

    /** The forum secretariat: everything, everywhere. */
    public static final String HQ_ADMIN = "HQ_ADMIN";
    /** A regional office: events and attendees of the region in its {@code region} claim only. */
    public static final String REGIONAL_OFFICE = "REGIONAL_OFFICE";
    /** Door staff: check-in for the event in its {@code event} claim only. */
    public static final String CHECKIN_STAFF = "CHECKIN_STAFF";
    /** Operations: delivery statuses, dead letters, templates. */
    public static final String OPS = "OPS";

    private Roles() {
    }
}
