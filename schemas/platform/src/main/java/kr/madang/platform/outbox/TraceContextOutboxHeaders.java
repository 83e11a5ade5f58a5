package kr.madang.platform.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import kr.madang.platform.OptionalBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Captures the current trace context (W3C {@code traceparent}) with each outbox row. The relay copies it onto the
 * Kafka record, and the consumer's observation continues the trace: one registration is one trace from its POST to
 * its email, although the relay publishes from its own thread.
 */
public class TraceContextOutboxHeaders implements OutboxHeaderContributor {

    private final OptionalBean<Tracer> tracer;
    private final OptionalBean<Propagator> propagator;

    public TraceContextOutboxHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = OptionalBean.of(tracer);
        this.propagator = OptionalBean.of(propagator);
    }

    @Override
    public Map<String, String> headers() {
        Tracer currentTracer = tracer.orNull();
        Propagator currentPropagator = propagator.orNull();
        if (currentTracer == null || currentPropagator == null || currentTracer.currentTraceContext().context() == null) {
            return Map.of();
        }
        TraceContext context = currentTracer.currentTraceContext().context();
        Map<String, String> headers = new LinkedHashMap<>();
        currentPropagator.inject(context, headers, Map::put);
        return headers;
    }
}
