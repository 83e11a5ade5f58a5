package kr.madang.schemas;

/**
 * Names of the topics the services talk over. One topic per aggregate stream, keyed by aggregate id,
 * so that the events of one aggregate stay in order.
 */
public final class Topics {

    /** Key: forum event id. */
    public static final String REGISTRATION_EVENTS = "madang.registration.events";
    /** Key: agreement id. */
    public static final String AGREEMENT_EVENTS = "madang.agreement.events";
    /** Key: notification id. */
    public static final String NOTIFICATION_EVENTS = "madang.notification.events";

    /**
     * Compacted. Key: a person's id (registration id); value: their data key sealed with the services' key, or a
     * tombstone once their data is erased. Not an event topic: only Madang's services read it.
     */
    public static final String SUBJECT_KEYS = "madang.subject-keys";

    private Topics() {
    }

    /** The dead-letter topic of one consumer group for one source topic. */
    public static String deadLetterTopic(String sourceTopic, String consumerGroup) {
        return sourceTopic + "." + consumerGroup + ".dlt";
    }
}
