package kr.madang.notification.routing;

/**
 * Who a message goes to. {@code key} is stable and not personal (registration id, party id, "secretariat"): with
 * the source event, channel and template it identifies the message, even after the address has been erased.
 */
public record Recipient(String key, String name, String email, String phone, String language) {
}
