package kr.madang.registration.attendee;

public enum AttendeeType {
    GENERAL, SPEAKER, VIP, PRESS, INTERNATIONAL_DELEGATE
}
