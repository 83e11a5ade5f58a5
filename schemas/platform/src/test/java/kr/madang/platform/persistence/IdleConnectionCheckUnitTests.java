package kr.madang.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class IdleConnectionCheckUnitTests {

    /** The JVM-wide property as it was (a Spring context of another test class may have set it): put back after. */
    private String before;

    @BeforeEach
    void forgetTheProperty() {
        before = System.getProperty(IdleConnectionCheck.HIKARI_PROPERTY);
        System.clearProperty(IdleConnectionCheck.HIKARI_PROPERTY);
    }

    @AfterEach
    void restoreTheProperty() {
        if (before == null) {
            System.clearProperty(IdleConnectionCheck.HIKARI_PROPERTY);
        } else {
            System.setProperty(IdleConnectionCheck.HIKARI_PROPERTY, before);
        }
    }

    @Test
    void withoutSettings_poolsCheckOnlyConnectionsIdleLongerThanThePolls() {
        new IdleConnectionCheck().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

        assertThat(System.getProperty(IdleConnectionCheck.HIKARI_PROPERTY)).isEqualTo("5000");
    }

    @Test
    void theServiceSettingIsTaken() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of(IdleConnectionCheck.SETTING, "30s")));

        new IdleConnectionCheck().postProcessEnvironment(environment, new SpringApplication());

        assertThat(System.getProperty(IdleConnectionCheck.HIKARI_PROPERTY)).isEqualTo("30000");
    }

    @Test
    void aValueTheJvmWasStartedWith_wins() {
        System.setProperty(IdleConnectionCheck.HIKARI_PROPERTY, "750");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of(IdleConnectionCheck.SETTING, "30s")));

        new IdleConnectionCheck().postProcessEnvironment(environment, new SpringApplication());

        assertThat(System.getProperty(IdleConnectionCheck.HIKARI_PROPERTY)).isEqualTo("750");
    }
}
