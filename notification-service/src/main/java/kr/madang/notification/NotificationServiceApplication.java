package kr.madang.notification;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@io.swagger.v3.oas.annotations.OpenAPIDefinition(
        info = @io.swagger.v3.oas.annotations.info.Info(title = "Madang notification-service", version = "1",
                description = "Messages made from the other services' events: templates per event type in Korean and "
                        + "English, email and SMS (with failover between SMS providers), each message's tracked status, "
                        + "opt-outs, dead letters and their replay. Errors are RFC 9457 problems naming the field at fault."),
        security = @io.swagger.v3.oas.annotations.security.SecurityRequirement(name = "bearer"))
@io.swagger.v3.oas.annotations.security.SecurityScheme(name = "bearer",
        type = io.swagger.v3.oas.annotations.enums.SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT of the forum's identity provider, with the role claim (OPS, HQ_ADMIN, ...)")
public class NotificationServiceApplication {

    /** Config file and migrations are named after the service, so the services can share one classpath in tests. */
    public static final String CONFIG_NAME = "spring.config.name=notification-service";

    public static void main(String[] args) {
        kr.madang.platform.threads.VirtualThreadCarriers.ensureEnough(); // before any virtual thread: see there
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(NotificationServiceApplication.class).properties(CONFIG_NAME);
    }
}
