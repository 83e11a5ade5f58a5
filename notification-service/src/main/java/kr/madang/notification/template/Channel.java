package kr.madang.notification.template;

/** EMAIL and SMS, and ALIMTALK (KakaoTalk 알림톡), which falls back to SMS/LMS of the same content. */
public enum Channel {
    EMAIL, SMS, ALIMTALK;

    /** The phone channels: an address is a phone number and an opt-out of SMS covers both. */
    public boolean toPhone() {
        return this != EMAIL;
    }
}
