package kr.madang.notification.template;

/**
 * Why a template's messages are sent, which decides whether quiet hours hold them. Korean law (정보통신망법 Art. 50)
 * restricts advertising at night, not a reply to something the person just did, so a transactional message goes at
 * any hour and only reminders and announcements wait for the morning.
 */
public enum MessagePurpose {
    /** A reply to the recipient's own action or one they are waiting for: confirmation, waitlist, promotion,
     *  cancellation, check-in code, a signing request. Sent at once, day or night. */
    TRANSACTIONAL,
    /** A reminder of something already known (day-before reminder, signing reminder). Held during quiet hours. */
    REMINDER,
    /** News the recipient did not ask for just now (changes, notices to everyone). Held during quiet hours. */
    ANNOUNCEMENT;

    public boolean heldDuringQuietHours() {
        return this != TRANSACTIONAL;
    }
}
