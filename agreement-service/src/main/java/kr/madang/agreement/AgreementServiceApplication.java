package kr.madang.agreement;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class AgreementServiceApplication {

    /** Config file and migrations are named after the service, so the services can share one classpath in tests. */
    public static final String CONFIG_NAME = "spring.config.name=agreement-service";

    public static void main(String[] args) {
        kr.madang.platform.threads.VirtualThreadCarriers.ensureEnough(); // before any virtual thread: see there
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AgreementServiceApplication.class).properties(CONFIG_NAME);
    }
}
