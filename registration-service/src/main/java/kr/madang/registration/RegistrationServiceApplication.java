package kr.madang.registration;

import java.time.Clock;

import kr.madang.registration.forumevent.ForumEvent;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class RegistrationServiceApplication {

    /** Config file and migrations are named after the service, so the services can share one classpath in tests. */
    public static final String CONFIG_NAME = "spring.config.name=registration-service";

    public static void main(String[] args) {
        kr.madang.platform.threads.VirtualThreadCarriers.ensureEnough(); // before any virtual thread: see there
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(RegistrationServiceApplication.class).properties(CONFIG_NAME);
    }

    /** Every time-driven rule (registration window, check-in day, link expiry, retention) asks this clock. */
    @Bean
    Clock clock() {
        return Clock.system(ForumEvent.SEOUL);
    }
}
