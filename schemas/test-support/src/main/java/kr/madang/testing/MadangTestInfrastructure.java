package kr.madang.testing;

import java.util.LinkedHashMap;
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
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
        properties.put("spring.datasource.url", SharedPostgres.jdbcUrl(database));
        properties.put("spring.datasource.username", database);
        properties.put("spring.datasource.password", database);
        // tokens checked as in production: keys from a JWK set URL, TestTokens' issuer and audience
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri());
        properties.put("madang.security.jwt.issuer", TestTokens.ISSUER);
        properties.put("madang.security.jwt.audiences", TestTokens.AUDIENCE);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", SharedMailServer.smtpPort());
        // notification-service's SMS providers: real HTTP receivers, as real as the SMTP server above
        properties.put("madang.sms.providers.alpha.base-url", SharedSmsProviders.alpha().baseUrl());
        properties.put("madang.sms.providers.beta.base-url", SharedSmsProviders.beta().baseUrl());
        return properties;
    }
}
