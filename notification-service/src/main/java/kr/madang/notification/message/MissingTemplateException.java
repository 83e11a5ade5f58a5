package kr.madang.notification.message;

/** No template for a message that must be sent: the source event cannot be handled until one is saved. */
public class MissingTemplateException extends RuntimeException {

    public MissingTemplateException(String code, String channel, String language) {
        super("No template " + code + " for " + channel + " in " + language);
    }
}
