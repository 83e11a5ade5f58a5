package kr.madang.registration.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kr.madang.events.registration.AttendeeCheckedIn;
import kr.madang.events.registration.RegistrationCancelled;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.events.registration.RegistrationPendingApproval;
import kr.madang.events.registration.RegistrationPromoted;
import kr.madang.events.registration.RegistrationRejected;
import kr.madang.events.registration.RegistrationWaitlisted;
import kr.madang.platform.outbox.Outbox;
import org.aopalliance.intercept.MethodInterceptor;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code madang_registrations_total{outcome}}: registrations by outcome (confirmed, waitlisted, pending_approval,
 * promoted, cancelled, rejected, checked_in). Counted from the domain events the service appends to its outbox, once
 * their transaction commits, so a rolled-back registration is not counted and the registration code is untouched.
 */
@Configuration(proxyBeanMethods = false)
public class RegistrationMetrics {

    static final Map<Class<? extends SpecificRecord>, String> OUTCOMES = new LinkedHashMap<>();

    static {
        OUTCOMES.put(RegistrationConfirmed.class, "confirmed");
        OUTCOMES.put(RegistrationWaitlisted.class, "waitlisted");
        OUTCOMES.put(RegistrationPendingApproval.class, "pending_approval");
        OUTCOMES.put(RegistrationPromoted.class, "promoted");
        OUTCOMES.put(RegistrationCancelled.class, "cancelled");
        OUTCOMES.put(RegistrationRejected.class, "rejected");
        OUTCOMES.put(AttendeeCheckedIn.class, "checked_in");
    }

    @Bean
    static BeanPostProcessor registrationOutcomeCounting(ObjectProvider<MeterRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof Outbox)) {
                    return bean;
                }
                Map<Class<?>, Counter> counters = new LinkedHashMap<>();
                MeterRegistry meters = registry.getObject();
                // registered up front, so every outcome is a series from the first scrape (dashboards, alerts)
                OUTCOMES.forEach((type, outcome) -> counters.put(type, Counter.builder("madang.registrations")
                        .description("Registrations by outcome, counted when the change commits")
                        .tag("outcome", outcome).register(meters)));
                MethodInterceptor counting = invocation -> {
                    Object result = invocation.proceed();
                    if ("append".equals(invocation.getMethod().getName()) && invocation.getArguments().length == 2) {
                        Counter counter = invocation.getArguments()[1] == null ? null
                                : counters.get(invocation.getArguments()[1].getClass());
                        if (counter != null) {
                            countAfterCommit(counter);
                        }
                    }
                    return result;
                };
                if (bean instanceof Advised advised) {
                    // already proxied (transaction advice): add to that proxy rather than wrapping it again
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

    private static void countAfterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
