package kr.madang.notification.template;

public enum Channel {
    EMAIL, SMS
}
