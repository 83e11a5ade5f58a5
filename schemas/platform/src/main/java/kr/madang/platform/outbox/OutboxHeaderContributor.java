package kr.madang.platform.outbox;

import java.util.Map;

/**
 * Adds Kafka headers to an event when it is written to the outbox, from the context of the writing request
 * (for example its trace context), so that the relay publishes it as part of that request's trace.
 */
@FunctionalInterface
public interface OutboxHeaderContributor {

    Map<String, String> headers();
}
