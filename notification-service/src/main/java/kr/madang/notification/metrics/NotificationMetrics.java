package kr.madang.notification.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import kr.madang.notification.dispatch.EmailSender;
import kr.madang.notification.message.MessageStatus;
import kr.madang.notification.message.MessageStore;
import kr.madang.notification.sms.SmsGateway;
import kr.madang.notification.template.Channel;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What ops watch in notification-service:
 * <ul>
 * <li>{@code madang_notification_messages{channel,status}}: messages by channel and status, read from the message
 * table at most every 10 seconds (a QUEUED or TEMPORARY_FAILURE pile-up is a stuck dispatcher or provider);</li>
 * <li>{@code madang_notification_provider_attempts_total{channel,provider,outcome}}: every attempt at a provider
 * (smtp and each SMS provider) by outcome ACCEPTED / REFUSED / UNAVAILABLE / SKIPPED, counted where the dispatcher
 * records it: error rate = UNAVAILABLE / all; emails sent = smtp ACCEPTED;</li>
 * <li>{@code madang_sms_circuit_state{provider,state}}: 1 for the state each SMS provider's circuit breaker is in
 * (as Resilience4j's own binder reports it; the breakers here are not in a Resilience4j registry).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class NotificationMetrics {

    static final List<String> OUTCOMES = List.of("ACCEPTED", "REFUSED", "UNAVAILABLE", "SKIPPED");
    static final List<String> CIRCUIT_STATES = List.of("CLOSED", "OPEN", "HALF_OPEN", "FORCED_OPEN", "DISABLED");
    private static final long REFRESH_NANOS = Duration.ofSeconds(10).toNanos();

    @Bean
    MeterBinder notificationMessageGauges(JdbcClient jdbc, SmsGateway sms,
                                          kr.madang.notification.alimtalk.AlimTalkGateway alimTalk) {
        AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(Map.of(), 0));
        return registry -> {
            for (Channel channel : Channel.values()) {
                for (MessageStatus status : MessageStatus.values()) {
                    String key = channel.name() + "/" + status.name();
                    Gauge.builder("madang.notification.messages", last,
                                    l -> snapshot(jdbc, l).counts().getOrDefault(key, 0L))
                            .description("Messages by channel and status").baseUnit("messages")
                            .tag("channel", channel.name()).tag("status", status.name()).register(registry);
                }
            }
            sms.circuitStates().keySet().forEach(provider -> CIRCUIT_STATES.forEach(state ->
                    Gauge.builder("madang.sms.circuit.state", sms,
                                    g -> state.equals(g.circuitStates().get(provider)) ? 1 : 0)
                            .description("1 for the state the SMS provider's circuit breaker is in")
                            .tag("provider", provider).tag("state", state).register(registry)));
            CIRCUIT_STATES.forEach(state -> Gauge.builder("madang.alimtalk.circuit.state", alimTalk,
                            g -> state.equals(g.circuitState()) ? 1 : 0)
                    .description("1 for the state the AlimTalk vendor's circuit breaker is in")
                    .tag("provider", alimTalk.providerName()).tag("state", state).register(registry));
        };
    }

    private static Snapshot snapshot(JdbcClient jdbc, AtomicReference<Snapshot> last) {
        Snapshot current = last.get();
        long now = System.nanoTime();
        if (current.readAt() != 0 && now - current.readAt() < REFRESH_NANOS) {
            return current;
        }
        try {
            Map<String, Long> counts = new HashMap<>();
            jdbc.sql("select channel, status, count(*) as n from message group by channel, status")
                    .query(rs -> {
                        counts.put(rs.getString("channel") + "/" + rs.getString("status"), rs.getLong("n"));
                    });
            Snapshot fresh = new Snapshot(counts, now);
            last.set(fresh);
            return fresh;
        } catch (RuntimeException databaseAway) {
            return current;
        }
    }

    private record Snapshot(Map<String, Long> counts, long readAt) {
    }

    /** Counts provider attempts where the dispatcher records them, without touching the dispatcher. */
    @Bean
    static BeanPostProcessor providerAttemptCounting(ObjectProvider<MeterRegistry> registry,
                                                     ObjectProvider<SmsGateway> sms) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof MessageStore)) {
                    return bean;
                }
                MeterRegistry meters = registry.getObject();
                Map<String, Counter> counters = new ConcurrentHashMap<>();
                // the expected series exist from the first scrape: alerts on "no email sent" need a zero, not nothing
                for (String outcome : OUTCOMES) {
                    counter(meters, counters, EmailSender.PROVIDER, outcome);
                    sms.getObject().circuitStates().keySet().forEach(provider -> counter(meters, counters, provider, outcome));
                }
                MethodInterceptor counting = invocation -> {
                    Object result = invocation.proceed();
                    Object[] args = invocation.getArguments();
                    if ("recordAttempt".equals(invocation.getMethod().getName()) && args.length >= 7
                            && args[2] instanceof String provider && args[5] instanceof String outcome) {
                        counter(meters, counters, provider, outcome).increment();
                    }
                    return result;
                };
                if (bean instanceof Advised advised) {
                    advised.addAdvice(counting);
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice(counting);
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    private static Counter counter(MeterRegistry meters, Map<String, Counter> counters, String provider, String outcome) {
        return counters.computeIfAbsent(provider + "/" + outcome, key -> Counter.builder("madang.notification.provider.attempts")
                .description("Attempts at a delivery provider by outcome")
                .tag("channel", EmailSender.PROVIDER.equals(provider) ? "EMAIL"
                        : provider.startsWith(kr.madang.notification.alimtalk.AlimTalkGateway.PROVIDER_PREFIX) ? "ALIMTALK" : "SMS")
                .tag("provider", provider).tag("outcome", outcome).register(meters));
    }
}
