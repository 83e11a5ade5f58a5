package kr.madang.notification.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a template code may say and how its messages travel.
 *
 * @param code         stable name of the template, e.g. {@code registration-confirmed}
 * @param channels     channels a message is made on (when the recipient has that address)
 * @param essential    sent even to recipients who opted out (check-in codes, cancellations, signing)
 * @param purpose      transactional (sent at any hour) or a reminder / announcement (SMS held during quiet hours)
 * @param placeholders names the template may use, each with a sample value for previews and length checks
 */
public record TemplateSpec(String code, Set<Channel> channels, boolean essential, MessagePurpose purpose,
                           Map<String, String> placeholders) {

    public TemplateSpec {
        placeholders = new LinkedHashMap<>(placeholders);
    }

    public boolean allows(String placeholder) {
        return placeholders.containsKey(placeholder);
    }
}
