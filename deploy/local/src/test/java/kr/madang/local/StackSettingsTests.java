package kr.madang.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackSettingsTests {

    @Test
    void usesTheDocumentedDefaultPortsAndKeepsStateUnderDotMadang() {
        StackSettings settings = StackSettings.from(Map.of(), Path.of("/repo"));

        assertThat(settings.registrationPort()).isEqualTo(8081);
        assertThat(settings.agreementPort()).isEqualTo(8082);
        assertThat(settings.notificationPort()).isEqualTo(8083);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.smtpPort()).isEqualTo(2525);
        assertThat(settings.mailViewerPort()).isEqualTo(8025);
        assertThat(settings.smsPort()).isEqualTo(8026);
        assertThat(settings.tokenPort()).isEqualTo(8090);
        assertThat(settings.home()).isEqualTo(Path.of("/repo/.madang"));
        assertThat(settings.serviceJavaOpts()).contains("-Xmx128m");
        assertThat(settings.kafkaJavaOpts()).contains("-Xmx512m");
    }

    @Test
    void everyPortCanBeOverridden() {
        StackSettings settings = StackSettings.from(Map.of("MADANG_REGISTRATION_PORT", "18081",
                "MADANG_KAFKA_PORT", "19092", "MADANG_TOKEN_PORT", "18090", "MADANG_HOME", "/tmp/other"), Path.of("/repo"));

        assertThat(settings.registrationPort()).isEqualTo(18081);
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.tokenPort()).isEqualTo(18090);
        assertThat(settings.home()).isEqualTo(Path.of("/tmp/other"));
    }

    @Test
    void aBadPortNamesItsVariable() {
        assertThatThrownBy(() -> StackSettings.from(Map.of("MADANG_SMTP_PORT", "smtp"), Path.of("/repo")))
                .hasMessageContaining("MADANG_SMTP_PORT");
        assertThatThrownBy(() -> StackSettings.from(Map.of("MADANG_SMS_PORT", "70000"), Path.of("/repo")))
                .hasMessageContaining("MADANG_SMS_PORT");
    }

    @Test
    void compactObjectHeadersOnlyWhereTheJdkKnowsTheFlag() {
        assertThat(StackSettings.defaultServiceJavaOpts(21)).doesNotContain("CompactObjectHeaders").contains("-Xmx128m");
        assertThat(StackSettings.defaultServiceJavaOpts(25)).contains("-XX:+UseCompactObjectHeaders", "-Xmx128m");
    }

    @Test
    void theJvmTheServicesRunOnAcceptsTheDefaultFlags() throws Exception {
        StackSettings settings = StackSettings.from(Map.of(), Path.of("/repo"));
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        command.addAll(List.of(settings.serviceJavaOpts().split(" ")));
        command.add("-version");

        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());

        assertThat(java.waitFor()).as(output).isZero();
    }
}
