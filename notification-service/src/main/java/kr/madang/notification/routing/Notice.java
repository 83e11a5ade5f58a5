package kr.madang.notification.routing;

import java.util.Map;

/** One message to make from a source event: which template, for whom, with which values and references. */
public record Notice(String templateCode, Recipient recipient, Map<String, String> values,
                     String registrationId, String agreementId, String forumEventId) {
}
