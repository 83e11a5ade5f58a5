package kr.madang.agreement.config;

import java.time.Clock;

import kr.madang.agreement.mou.LifecyclePolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(AgreementProperties.class)
public class AgreementConfiguration {

    /** Every time-driven rule reads this clock, so tests can move time instead of waiting. */
    @Bean
    Clock clock(AgreementProperties properties) {
        return Clock.system(properties.timeZone());
    }

    @Bean
    LifecyclePolicy lifecyclePolicy(AgreementProperties p) {
        return new LifecyclePolicy(p.timeZone(), p.signingReminderAfter(), p.maxSigningReminders(),
                p.circulationExpiry(), p.expiryReminderDays());
    }
}
