package kr.madang.platform.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Captures the current trace context (W3C {@code traceparent}) with each outbox row. The relay copies it onto the
 * Kafka record, and the consumer's observation continues the trace: one registration is one trace from its POST to
 * its email, although the relay publishes from its own thread.
 */
public class TraceContextOutboxHeaders implements OutboxHeaderContributor {

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public TraceContextOutboxHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Map<String, String> headers() {
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        if (currentTracer == null || currentPropagator == null || currentTracer.currentTraceContext().context() == null) {
            return Map.of();
        }
        TraceContext context = currentTracer.currentTraceContext().context();
        Map<String, String> headers = new LinkedHashMap<>();
        currentPropagator.inject(context, headers, Map::put);
        return headers;
    }
}
