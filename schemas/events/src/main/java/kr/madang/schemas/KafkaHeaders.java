package kr.madang.schemas;

/** Kafka record headers every producer sets, so that tools can route and trace without decoding the value. */
public final class KafkaHeaders {

    /** Full Avro name of the event, e.g. {@code kr.madang.events.registration.RegistrationConfirmed}. */
    public static final String EVENT_TYPE = "madang-event-type";
    public static final String EVENT_ID = "madang-event-id";
    public static final String CORRELATION_ID = "madang-correlation-id";

    private KafkaHeaders() {
    }
}
