package kr.madang.notification.template;

import java.time.Instant;
import java.util.List;

/**
 * One version of a template. Email templates have a subject; the body is plain text with {@code {{placeholders}}}.
 * AlimTalk templates also carry {@link AlimTalk}: the code the vendor approved and the buttons.
 */
public record Template(String code, Channel channel, String language, int version, String subject, String body,
                       Instant createdAt, String createdBy, AlimTalk alimTalk) {

    public Template(String code, Channel channel, String language, int version, String subject, String body,
                    Instant createdAt, String createdBy) {
        this(code, channel, language, version, subject, body, createdAt, createdBy, null);
    }

    /**
     * @param vendorTemplateCode the template code the vendor (and Kakao) approved for this text
     * @param buttons            at most 5 web-link buttons
     * @param active             false once the vendor withdrew or paused the template: its messages go by SMS
     */
    public record AlimTalk(String vendorTemplateCode, List<Button> buttons, boolean active) {
        public AlimTalk {
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }
    }

    /** A web-link button ({@code WL}): its label and the link, which may use placeholders. */
    public record Button(String name, String link) {
    }
}
