package kr.madang.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** A minimal Spring application (no Kafka, no database) started the way a service starts, under the prod profile. */
class ProductionSecretsGuardTests {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    private static final String[] REAL = {
            "spring.config.name=no-config-files-here",
            "madang.links.secret=9c1f0e5b7a2d4c68b3e1f0a9d8c7b6a5",
            "madang.sms.providers.alpha.callback-token=Qm4Tz8rKp2Lw",
            "madang.security.jwt.issuer=https://login.madang.kr/realms/madang",
            "madang.sealing.keys.k2026=3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "madang.sealing.active-key=k2026",
            "madang.access-log.key=bm90LWEtZGV2LWtleS1idXQtYS1yZWFsLW9uZS0zMmJ5dGVz"};

    @Test
    void theDefaultLinkSecretStopsAProductionStartAndSaysWhichProperty() {
        assertThatThrownBy(() -> start("prod", "madang.links.secret=${MADANG_LINKS_SECRET_UNSET:dev-only-links-secret-change-me}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'prod' profile")
                .hasMessageContaining("madang.links.secret (env MADANG_LINKS_SECRET_UNSET) has its development default")
                .hasMessageNotContaining("dev-only-links-secret-change-me");
    }

    @Test
    void devSmsCallbackTokensApiKeysDatabasePasswordsAndTheDevIssuerAreRefusedToo() {
        assertThatThrownBy(() -> start("prod", "madang.sms.providers.beta.callback-token=dev-beta-callback",
                "madang.sms.providers.alpha.api-key=dev-alpha-key",
                "spring.datasource.username=registration", "spring.datasource.password=registration",
                "madang.security.jwt.issuer=http://localhost:8090"))
                .hasMessageContaining("madang.sms.providers.beta.callback-token")
                .hasMessageContaining("madang.sms.providers.alpha.api-key")
                .hasMessageContaining("spring.datasource.password equals the user name")
                .hasMessageContaining("madang.security.jwt.issuer is the local dev token issuer");
    }

    @Test
    void theDevelopmentSealingAndAccessLogKeysAreRefused() {
        assertThatThrownBy(() -> start("prod", "madang.sealing.active-key=dev",
                "madang.agreements.audit-seal-key=${MADANG_AUDIT_SEAL_KEY_UNSET:dev-only-audit-seal-key-change-me}",
                "madang.access-log.key=ZGV2LW9ubHktYWNjZXNzLWxvZy1rZXktY2hhbmdlLW1lLTMyYnl0ZXM="))
                .hasMessageContaining("madang.sealing.active-key seals with the development key")
                .hasMessageContaining("madang.agreements.audit-seal-key (env MADANG_AUDIT_SEAL_KEY_UNSET) has its development default")
                .hasMessageContaining("madang.access-log.key (env MADANG_ACCESS_LOG_KEY) has its development default")
                .hasMessageNotContaining("K/aRhOSk9");
    }

    @Test
    void realSecretsStartInProduction() {
        try (ConfigurableApplicationContext context = start("prod")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void defaultsAreFineOutsideProduction() {
        try (ConfigurableApplicationContext context = start("default",
                "madang.links.secret=dev-only-links-secret-change-me", "madang.security.jwt.issuer=http://localhost:8090")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String profile, String... overrides) {
        return new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE)
                .profiles(profile)
                .properties(REAL)
                .properties(overrides)
                .logStartupInfo(false)
                .run();
    }
}
