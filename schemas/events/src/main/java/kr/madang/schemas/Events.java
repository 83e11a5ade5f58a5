package kr.madang.schemas;

import java.time.Instant;
import java.util.UUID;

import kr.madang.events.EventHeader;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** Reads and builds the envelope that every Madang event carries in its {@code header} field. */
public final class Events {

    public static final String HEADER_FIELD = "header";

    private Events() {
    }

    public static EventHeader header(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField(HEADER_FIELD);
        if (field == null) {
            throw new IllegalArgumentException(event.getSchema().getFullName() + " has no header field");
        }
        return (EventHeader) event.get(field.pos());
    }

    public static String type(SpecificRecord event) {
        return event.getSchema().getFullName();
    }

    /** A header for a new event; the causation is the event or request that led to it, when there is one. */
    public static EventHeader newHeader(String producer, String aggregateId, long aggregateVersion,
                                        String correlationId, String causationId, Instant occurredAt) {
        return EventHeader.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(occurredAt)
                .setAggregateId(aggregateId)
                .setAggregateVersion(aggregateVersion)
                .setCorrelationId(correlationId != null ? correlationId : UUID.randomUUID().toString())
                .setCausationId(causationId)
                .setProducer(producer)
                .build();
    }
}
