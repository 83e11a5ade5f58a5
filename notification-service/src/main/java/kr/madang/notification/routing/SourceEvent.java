package kr.madang.notification.routing;

/** What a message remembers of the event that caused it. */
public record SourceEvent(String eventId, String type, String correlationId) {
}
