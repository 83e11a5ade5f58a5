package kr.madang.notification.calendar;

/** The calendar file an email carries: its iTIP method and the file's text. */
public record CalendarAttachment(String method, String ics) {

    public String fileName() {
        return "CANCEL".equals(method) ? "cancel.ics" : "invite.ics";
    }

    /** RFC 5546's media type, with the method so mail clients offer to update the calendar. */
    public String contentType() {
        return CalendarFile.MEDIA_TYPE + "; charset=UTF-8; method=" + method;
    }
}
