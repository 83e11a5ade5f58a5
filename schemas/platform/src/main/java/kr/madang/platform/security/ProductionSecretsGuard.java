package kr.madang.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Refuses to start a service under the {@code prod} profile while a secret still has a development default (the
 * link secret {@code dev-only-links-secret-change-me}, the SMS providers' {@code dev-*} keys and callback tokens, a
 * database password equal to the user name) or tokens are still checked against the local dev token issuer. Runs
 * before anything connects anywhere, so a misconfigured pod fails at once and says which properties to set.
 */
public final class ProductionSecretsGuard implements EnvironmentPostProcessor, Ordered {

    public static final String PRODUCTION_PROFILE = "prod";

    /** Every development default this repository ships (service yml, compose, the local stack). */
    static final Set<String> KNOWN_DEV_VALUES = Set.of(
            "dev-only-links-secret-change-me", "dev-only-madang-links-secret-change-me",
            "compose-dev-links-secret-change-me",
            "dev-alpha-key", "dev-beta-key", "dev-alpha-callback", "dev-beta-callback");

    static final String DEV_ISSUER = "http://localhost:8090";
    /** The development keys of madang-platform-defaults.properties: field sealing and the access log's HMAC. */
    static final String DEV_SEALING_KEY = "K/aRhOSk9FKUoKmT62i/Sqim8eUhZh2gnQk5NDh/KkU=";
    static final String DEV_ACCESS_LOG_KEY = "ZGV2LW9ubHktYWNjZXNzLWxvZy1rZXktY2hhbmdlLW1lLTMyYnl0ZXM=";

    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(secret|password|api-?key|seal-?key|token|private-?key|credentials?)(\\[\\d+])?$");
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z0-9_]+):");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(environment);
    }

    /** @throws IllegalStateException naming each offending property, when the prod profile is active */
    public static void check(ConfigurableEnvironment environment) {
        if (!environment.matchesProfiles(PRODUCTION_PROFILE)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (String name : propertyNames(environment)) {
            String value = environment.getProperty(name);
            String normalized = name.toLowerCase(Locale.ROOT);
            if (value == null || !SECRET_NAME.matcher(normalized).matches()) {
                continue;
            }
            if (isDevValue(value)) {
                problems.add(describe(environment, name, "has its development default"));
            } else if (normalized.equals("spring.datasource.password")
                    && value.equals(environment.getProperty("spring.datasource.username"))) {
                problems.add(describe(environment, name, "equals the user name (the development default)"));
            }
        }
        // the default itself lives in madang-platform-defaults.properties, not loaded yet at this point
        String issuer = environment.getProperty("madang.security.jwt.issuer",
                environment.getProperty("MADANG_JWT_ISSUER", DEV_ISSUER));
        if (issuer != null && issuer.matches("https?://(localhost|127\\.0\\.0\\.1)(:\\d+)?/?")) {
            problems.add(describe(environment, "madang.security.jwt.issuer", "is the local dev token issuer"));
        }
        String sealingKey = environment.getProperty("madang.sealing.active-key", "dev");
        if (DEV_SEALING_KEY.equals(environment.getProperty("madang.sealing.keys." + sealingKey, DEV_SEALING_KEY))) {
            problems.add("madang.sealing.active-key seals with the development key (set madang.sealing.keys.<id>, "
                    + "e.g. env MADANG_SEALING_KEYS_K2026, and madang.sealing.active-key)");
        }
        if (DEV_ACCESS_LOG_KEY.equals(environment.getProperty("madang.access-log.key",
                environment.getProperty("MADANG_ACCESS_LOG_KEY", DEV_ACCESS_LOG_KEY)))) {
            problems.add("madang.access-log.key (env MADANG_ACCESS_LOG_KEY) has its development default");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the '" + PRODUCTION_PROFILE + "' profile: "
                    + String.join("; ", problems) + ". Set real values from the deployment's secrets.");
        }
    }

    static boolean isDevValue(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return KNOWN_DEV_VALUES.contains(v) || v.contains("change-me") || v.contains("changeme") || v.startsWith("dev-");
    }

    /** Property names from configuration files and command line; environment variables reach them by relaxed binding. */
    private static Set<String> propertyNames(ConfigurableEnvironment environment) {
        Set<String> names = new LinkedHashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable
                    && !StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName())
                    && !StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(source.getName())) {
                names.addAll(List.of(enumerable.getPropertyNames()));
            }
        }
        return names;
    }

    /** "name (env VAR) why": the variable is the placeholder the configuration file reads, when it has one. */
    private static String describe(ConfigurableEnvironment environment, String name, String why) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            Object raw = source.getProperty(name);
            if (raw != null) {
                Matcher placeholder = PLACEHOLDER.matcher(raw.toString());
                if (placeholder.find()) {
                    return name + " (env " + placeholder.group(1) + ") " + why;
                }
                break;
            }
        }
        return name + " " + why;
    }

    @Override
    public int getOrder() {
        // after the configuration files and profiles are loaded
        return Ordered.LOWEST_PRECEDENCE;
    }
}
