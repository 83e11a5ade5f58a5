package kr.madang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * deploy/compose/compose.yaml, read with anchors and merge keys resolved, against the Compose specification's
 * top-level and service fields and against what the services need.
 */
class ComposeFileTests {

    private static final Path COMPOSE = Repository.path("deploy/compose/compose.yaml");
    /** Service fields of the Compose specification (compose-spec.io) this file may use. */
    private static final Set<String> SERVICE_FIELDS = Set.of("image", "build", "command", "entrypoint", "environment",
            "env_file", "ports", "expose", "volumes", "depends_on", "healthcheck", "restart", "deploy", "mem_limit",
            "cpus", "networks", "labels", "user", "working_dir", "stop_grace_period", "stop_signal", "profiles",
            "container_name", "hostname", "init", "read_only", "tmpfs", "ulimits", "logging", "secrets", "configs",
            "extra_hosts", "platform", "pull_policy", "security_opt", "cap_drop", "cap_add");
    private static final Set<String> TOP_LEVEL = Set.of("name", "services", "volumes", "networks", "configs", "secrets");
    private static final Set<String> DEPENDS_ON_CONDITIONS = Set.of("service_started", "service_healthy",
            "service_completed_successfully");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() {
        return Repository.documents(COMPOSE).getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    @Test
    void usesOnlyComposeSpecificationFields() {
        for (String key : compose().keySet()) {
            assertThat(TOP_LEVEL.contains(key) || key.startsWith("x-")).as("top-level " + key).isTrue();
        }
        services().forEach((name, service) -> {
            assertThat(SERVICE_FIELDS).as("fields of " + name).containsAll(service.keySet());
            assertThat(service.containsKey("image") || service.containsKey("build")).as(name + " image or build").isTrue();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependenciesNamedVolumesAndDockerfilesExist() {
        Map<String, Object> volumes = (Map<String, Object>) compose().get("volumes");
        services().forEach((name, service) -> {
            if (service.get("depends_on") instanceof Map<?, ?> dependsOn) {
                dependsOn.forEach((dependency, condition) -> {
                    assertThat(services()).as(name + " depends on " + dependency).containsKey((String) dependency);
                    assertThat(DEPENDS_ON_CONDITIONS).contains((String) ((Map<String, Object>) condition).get("condition"));
                });
            }
            for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = String.valueOf(volume).split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertThat(volumes).as(name + " volume " + source + " is declared").containsKey(source);
                }
            }
            if (service.get("build") instanceof Map<?, ?> build) {
                Path context = COMPOSE.getParent().resolve(String.valueOf(build.get("context"))).normalize();
                assertThat(Files.isRegularFile(context.resolve(String.valueOf(build.get("dockerfile")))))
                        .as(name + " Dockerfile").isTrue();
                if (build.get("args") instanceof Map<?, ?> args && args.containsKey("SERVICE")) {
                    assertThat(args.get("SERVICE")).isEqualTo(name);
                    assertThat(Files.isDirectory(context.resolve(name))).as(name + " module").isTrue();
                }
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServiceHasItsOwnDatabaseAHealthCheckALimitAndTheLocalStacksPort() {
        Map<String, Integer> ports = Map.of("registration-service", 8081, "agreement-service", 8082,
                "notification-service", 8083);
        for (String name : Repository.SERVICES) {
            Map<String, Object> service = services().get(name);
            assertThat(service).as(name).isNotNull();
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            String database = name.replace("-service", "");
            assertThat(String.valueOf(env.get("MADANG_DB_URL"))).isEqualTo("jdbc:postgresql://" + database + "-db:5432/" + database);
            assertThat(services()).containsKey(database + "-db");
            assertThat(((Map<String, Object>) service.get("depends_on"))).containsKey(database + "-db");
            Set<String> provided = new HashSet<>(env.keySet());
            assertThat(provided).as(name + " gets what its yml needs outside a laptop")
                    .containsAll(Repository.serviceConfig(name).requiredInDeployment());
            assertThat(String.valueOf(((Map<String, Object>) service.get("healthcheck")).get("test")))
                    .contains("/actuator/health/readiness");
            assertThat(Repository.dig(service, "deploy", "resources", "limits", "memory")).isNotNull();
            assertThat((List<Object>) service.get("ports")).contains(ports.get(name) + ":8080");
        }
    }

    @Test
    void theTopicsContainerCreatesExactlyTheTopicsTheServicesUse() {
        String command = String.valueOf(services().get("kafka-topics").get("command"));
        Set<String> created = new HashSet<>();
        Matcher matcher = Pattern.compile("madang\\.[a-z.-]+[a-z]").matcher(command);
        while (matcher.find()) {
            created.add(matcher.group());
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(Repository.allTopicsWithSource().keySet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTicketPageLinksToTheCalendarFilesWhereNotificationServiceServesThem() {
        Map<String, Object> registration = (Map<String, Object>) services().get("registration-service").get("environment");
        Map<String, Object> notification = (Map<String, Object>) services().get("notification-service").get("environment");
        assertThat(registration.get("MADANG_NOTIFICATION_BASE_URL")).isNotNull()
                .isEqualTo(notification.get("MADANG_PUBLIC_BASE_URL"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void smsDeliveryReportsReachNotificationServiceWithTheTokensItExpects() {
        Map<String, Object> notification = (Map<String, Object>) services().get("notification-service").get("environment");
        Map<String, Object> devTools = (Map<String, Object>) services().get("dev-tools").get("environment");
        String tokens = String.valueOf(devTools.get("MADANG_SMS_CALLBACK_TOKENS"));
        for (String provider : List.of("alpha", "beta")) {
            String token = String.valueOf(notification.get("MADANG_SMS_" + provider.toUpperCase() + "_CALLBACK_TOKEN"));
            assertThat(tokens).contains(provider + "=" + token);
            assertThat(String.valueOf(notification.get("MADANG_SMS_" + provider.toUpperCase() + "_URL")))
                    .isEqualTo("http://dev-tools:8026/" + provider);
        }
        assertThat(String.valueOf(devTools.get("MADANG_SMS_CALLBACK_URL")))
                .startsWith("http://notification-service:8080/api/sms/callbacks/");
        List<String> problems = new ArrayList<>();
        services().forEach((name, service) -> {
            if (service.get("environment") instanceof Map<?, ?> env && env.containsKey("MADANG_KAFKA")
                    && !"kafka:19092".equals(env.get("MADANG_KAFKA"))) {
                problems.add(name + " uses " + env.get("MADANG_KAFKA"));
            }
        });
        assertThat(problems).as("services reach Kafka on its internal listener").isEmpty();
    }
}
