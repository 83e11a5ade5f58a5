package kr.madang.notification;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import kr.madang.notification.alimtalk.AlimTalkGateway;
import kr.madang.notification.alimtalk.AlimTalkProperties;
import kr.madang.notification.alimtalk.AlimTalkProvider;
import kr.madang.notification.alimtalk.AlimTalkStore;
import kr.madang.notification.alimtalk.NhnAlimTalkApi;
import kr.madang.notification.dispatch.DispatchSignal;
import kr.madang.notification.dispatch.Dispatcher;
import kr.madang.notification.dispatch.DispatcherLoop;
import kr.madang.notification.dispatch.EmailSender;
import kr.madang.notification.dispatch.QuietHours;
import kr.madang.notification.dispatch.RetryPolicy;
import kr.madang.notification.dispatch.SendTracing;
import kr.madang.notification.message.MessageStore;
import kr.madang.notification.message.StatusEvents;
import kr.madang.notification.optout.SignedLinks;
import kr.madang.notification.routing.EventRouter;
import kr.madang.notification.sms.HttpSmsProviders;
import kr.madang.notification.sms.SmsGateway;
import kr.madang.notification.sms.SmsProperties;
import kr.madang.notification.sms.SmsProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, SmsProperties.class, AlimTalkProperties.class})
public class NotificationConfiguration {

    /** Every time-driven rule (retries, quiet hours, reminders, leases) reads this clock; tests move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventRouter eventRouter(NotificationProperties properties) {
        return new EventRouter(properties.secretariat().email(), properties.secretariat().language());
    }

    @Bean
    SignedLinks signedLinks(@Value("${madang.links.secret}") String secret) {
        return new SignedLinks(secret);
    }

    /** Calendar links are made by registration-service's ticket page: the key is the one the services share. */
    @Bean
    kr.madang.notification.calendar.CalendarLinks calendarLinks(@Value("${madang.links.shared.key-id}") String keyId,
                                                                @Value("${madang.links.shared.secret}") String secret,
                                                                Clock clock) {
        return new kr.madang.notification.calendar.CalendarLinks(keyId, secret, clock);
    }

    @Bean
    QuietHours quietHours(NotificationProperties properties) {
        NotificationProperties.Quiet quiet = properties.quietHours();
        return new QuietHours(quiet.start(), quiet.end(), ZoneId.of(quiet.zone()));
    }

    @Bean
    RetryPolicy retryPolicy(NotificationProperties properties) {
        NotificationProperties.Retry r = properties.retry();
        return new RetryPolicy(r.initialBackoff(), r.multiplier(), r.maxBackoff(), r.maxDuration(), r.jitter());
    }

    @Bean
    SmsGateway smsGateway(SmsProperties properties, Clock clock) {
        Map<String, SmsProvider> providers = new LinkedHashMap<>();
        properties.providers().forEach((name, settings) -> {
            if (settings.enabled() && settings.baseUrl() != null) {
                providers.put(name, HttpSmsProviders.create(name, settings));
            }
        });
        return new SmsGateway(properties, providers, clock);
    }

    @Bean
    AlimTalkGateway alimTalkGateway(AlimTalkProperties properties, AlimTalkStore store, SmsGateway sms, Clock clock,
                                    kr.madang.notification.eventchannel.EventTextChannels eventChannels) {
        AlimTalkProvider provider = properties.enabled() && properties.baseUrl() != null ? new NhnAlimTalkApi(properties) : null;
        return new AlimTalkGateway(properties, provider, store, sms, clock, eventChannels::smsOnly);
    }

    @Bean
    Dispatcher dispatcher(MessageStore messages, StatusEvents statusEvents, EmailSender email, SmsGateway sms,
                          AlimTalkGateway alimTalk, RetryPolicy retry, QuietHours quietHours,
                          TransactionTemplate transactions, Clock clock, NotificationProperties properties,
                          SendTracing tracing) {
        return new Dispatcher(Dispatcher.newInstanceId(), messages, statusEvents, email, sms, alimTalk, retry, quietHours,
                transactions, clock, properties.dispatch(), tracing);
    }

    @Bean
    DispatcherLoop dispatcherLoop(Dispatcher dispatcher, DispatchSignal signal, NotificationProperties properties) {
        return new DispatcherLoop(dispatcher, signal, properties.dispatch());
    }
}
