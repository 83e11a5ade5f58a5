package kr.madang.notification.eventchannel;

/** How text messages to one forum event's attendees go: AlimTalk with its SMS/LMS fallback, or SMS/LMS only. */
public enum TextChannel {
    ALIMTALK,
    SMS
}
