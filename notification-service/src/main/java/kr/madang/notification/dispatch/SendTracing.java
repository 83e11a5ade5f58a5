package kr.madang.notification.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import kr.madang.platform.OptionalBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Carries the trace of the source event's consumption to the send, which happens later on a dispatcher thread:
 * the consumer stores the W3C traceparent with each message row, and the dispatcher sends inside a span that
 * continues it. So one registration is one trace from its POST to its email (the email carries the trace id in
 * an {@code X-Madang-Trace-Id} header, for whoever holds a bounced or complained-about mail).
 */
@Component
public class SendTracing {

    public static final String TRACE_HEADER = "X-Madang-Trace-Id";

    private final OptionalBean<Tracer> tracer;
    private final OptionalBean<Propagator> propagator;

    public SendTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = OptionalBean.of(tracer);
        this.propagator = OptionalBean.of(propagator);
    }

    /** Tracing off (unit tests, tools). */
    public static SendTracing none() {
        return new SendTracing(null, null);
    }

    /** The current trace context as a W3C traceparent, or null outside any trace. */
    public String currentTraceparent() {
        Tracer t = tracer();
        Propagator p = propagator();
        if (t == null || p == null || t.currentTraceContext().context() == null) {
            return null;
        }
        Map<String, String> carrier = new LinkedHashMap<>();
        p.inject(t.currentTraceContext().context(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** The current trace id, or null. */
    public String currentTraceId() {
        Tracer t = tracer();
        TraceContext context = t == null ? null : t.currentTraceContext().context();
        return context == null ? null : context.traceId();
    }

    /** Runs the send in a span that continues the stored trace (a new trace when none was stored). */
    public void send(String traceparent, String channel, Runnable work) {
        Tracer t = tracer();
        Propagator p = propagator();
        if (t == null || p == null) {
            work.run();
            return;
        }
        Span.Builder builder = traceparent == null ? t.spanBuilder()
                : p.extract(Map.of("traceparent", traceparent), (carrier, key) -> carrier.get(key));
        Span span = builder.name("notification send").tag("madang.channel", channel).start();
        try (Tracer.SpanInScope ignored = t.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private Tracer tracer() {
        return tracer.orNull();
    }

    private Propagator propagator() {
        return propagator.orNull();
    }
}
