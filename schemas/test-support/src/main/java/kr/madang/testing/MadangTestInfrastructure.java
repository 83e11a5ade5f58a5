package kr.madang.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at this JVM's shared broker, database server, SMTP server and SMS providers. Use it as
 * {@code @ContextConfiguration(initializers = MadangTestInfrastructure.class)} on a {@code @SpringBootTest};
 * the database is named after {@code spring.application.name} (dashes become underscores).
 */
public class MadangTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("madang-test-infrastructure", properties(environment)));
    }

    public static Map<String, Object> properties(ConfigurableEnvironment environment) {
        String database = environment.getProperty("madang.test.database",
                environment.getProperty("spring.application.name", "madang")).replace('-', '_');
        return Map.of(
                "spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                "spring.datasource.url", SharedPostgres.jdbcUrl(database),
                "spring.datasource.username", database,
                "spring.datasource.password", database,
                "spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens.publicKeyLocation(),
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", SharedMailServer.smtpPort(),
                // notification-service's SMS providers: real HTTP receivers, as real as the SMTP server above
                "madang.sms.providers.alpha.base-url", SharedSmsProviders.alpha().baseUrl(),
                "madang.sms.providers.beta.base-url", SharedSmsProviders.beta().baseUrl());
    }
}
