package kr.madang.platform.persistence;

import java.time.Duration;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * How long a pooled connection may sit unused before the pool checks it (an empty query) on the next borrow.
 * HikariCP's default is 500 ms: every poll of the outbox relay (2 s) and of notification's dispatcher (1 s) borrowed a
 * connection idle longer than that, so each poll at rest was two database transactions, the check and the look
 * (issue 15). Above the polls' intervals, a poller's connection goes unchecked; one idle longer is still checked, and a
 * connection that died meanwhile fails its statement, is evicted, and the poll is retried as after any database error.
 * HikariCP reads this only as a system property, when a pool is created: this sets it before any pool exists, unless
 * the JVM was started with it.
 */
public final class IdleConnectionCheck implements EnvironmentPostProcessor, Ordered {

    public static final String HIKARI_PROPERTY = "com.zaxxer.hikari.aliveBypassWindowMs";
    public static final String SETTING = "madang.datasource.check-connections-idle-longer-than";
    static final Duration DEFAULT = Duration.ofSeconds(5);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(HIKARI_PROPERTY) != null) {
            return;
        }
        String configured = environment.getProperty(SETTING);
        Duration window = configured == null || configured.isBlank() ? DEFAULT : DurationStyle.detectAndParse(configured);
        System.setProperty(HIKARI_PROPERTY, Long.toString(window.toMillis()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
