package kr.madang.e2e.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import kr.madang.e2e.RunningServices;
import kr.madang.schemas.Topics;
import kr.madang.testing.SharedKafka;
import kr.madang.testing.SharedMailServer;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric the alert rules and Grafana dashboards in deploy/observability name is exported by the services,
 * with the labels the rules match on: a renamed meter or a typo in a rule fails here, not silently in production.
 * The files are parsed, so a new panel or rule is checked without touching this test.
 */
class ExportedMetricsEndToEndTests {

    static final Path OBSERVABILITY = Path.of("..", "observability");
    /** Series Prometheus makes itself, and the target labels it adds to every scraped series. */
    static final Set<String> FROM_PROMETHEUS = Set.of("up");
    static final Set<String> TARGET_LABELS = Set.of("job", "instance", "namespace", "pod");

    static OperationsClient ops;
    static Map<String, Map<String, Set<String>>> exported = new LinkedHashMap<>();

    @BeforeAll
    static void runTrafficThroughEveryServiceThenScrapeThem() {
        ops = new OperationsClient();
        // one registration end to end, so the request, consumer and provider meters have series
        String forum = ops.openForum("운영 지표 확인 포럼");
        String email = "metrics-" + UUID.randomUUID() + "@example.kr";
        assertThat(ops.register(forum, "박서준", email, Map.of()).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> SharedMailServer.greenMail().getReceivedMessagesForDomain(email).length == 1);
        // a record nobody can decode goes to the dead-letter topics, as a bad producer would cause in production
        SharedKafka.publishRaw(Topics.REGISTRATION_EVENTS, "metrics-check", "not avro".getBytes(StandardCharsets.UTF_8), Map.of());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            exported.put("registration-service", ops.scrape(ops.services.registration()));
            exported.put("agreement-service", ops.scrape(ops.services.agreement()));
            exported.put("notification-service", ops.scrape(ops.services.notification()));
            assertThat(exported.get("notification-service"))
                    .containsKeys("madang_kafka_dead_letters_total", "kafka_consumer_fetch_manager_records_lag");
        });
    }

    @Test
    void everyMetricAnAlertNamesIsExportedBySomeServiceWithTheLabelsItMatchesOn() throws IOException {
        List<String> expressions = alertExpressions();
        assertThat(expressions).as("alert rules read from alerts.yml").hasSizeGreaterThanOrEqualTo(8);

        List<String> problems = new ArrayList<>();
        for (String expr : expressions) {
            problems.addAll(missing(expr, exported.values(), "alerts.yml"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMetricAServiceDashboardNamesIsExportedByThatServiceAndTheFlowDashboardsByOneOfThem() throws IOException {
        List<String> problems = new ArrayList<>();
        int queries = 0;
        try (Stream<Path> files = Files.list(OBSERVABILITY.resolve("grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String service = file.getFileName().toString().replace(".json", "");
                var sources = exported.containsKey(service) ? List.of(exported.get(service)) : exported.values();
                for (String expr : dashboardExpressions(file)) {
                    queries++;
                    problems.addAll(missing(expr, sources, file.getFileName().toString()));
                }
            }
        }
        assertThat(queries).as("queries read from the dashboards").isGreaterThan(30);
        assertThat(problems).isEmpty();
    }

    @Test
    void theOpsMetricsTheIssueAsksForAreAmongTheExportedOnes() {
        assertThat(exported.get("registration-service")).containsKeys("madang_registrations_total",
                "madang_outbox_backlog_rows", "madang_outbox_oldest_age_seconds", "http_server_requests_seconds_count");
        assertThat(exported.get("registration-service").get("madang_registrations_total")).contains("outcome");
        assertThat(exported.get("agreement-service")).containsKeys("madang_agreements", "madang_outbox_oldest_age_seconds");
        assertThat(exported.get("notification-service")).containsKeys("madang_notification_messages",
                "madang_notification_provider_attempts_total", "madang_sms_circuit_state",
                "kafka_consumer_fetch_manager_records_lag", "madang_kafka_dead_letters_total");
        assertThat(exported.get("notification-service").get("kafka_consumer_fetch_manager_records_lag"))
                .as("lag per partition").contains("topic", "partition");
    }

    @Test
    void theNewMetricsCountWhatHappened() {
        var before = Map.of(
                "confirmed", ops.value(ops.services.registration(), "madang_registrations_total", Map.of("outcome", "confirmed")),
                "smtp", ops.value(ops.services.notification(), "madang_notification_provider_attempts_total",
                        Map.of("provider", "smtp", "outcome", "ACCEPTED")));
        String email = "counted-" + UUID.randomUUID() + "@example.kr";
        assertThat(ops.register(ops.openForum("지표 계수 포럼"), "최지우", email, Map.of()).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ops.value(ops.services.registration(), "madang_registrations_total", Map.of("outcome", "confirmed")))
                    .isEqualTo(before.get("confirmed") + 1);
            assertThat(ops.value(ops.services.notification(), "madang_notification_provider_attempts_total",
                    Map.of("provider", "smtp", "outcome", "ACCEPTED"))).isEqualTo(before.get("smtp") + 1);
        });
        // the message gauges are read from the database at most every 10 s
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ops.value(ops.services.notification(),
                "madang_notification_messages", Map.of("channel", "EMAIL", "status", "SENT"))).isGreaterThanOrEqualTo(2));
        assertThat(ops.value(ops.services.notification(), "madang_sms_circuit_state", Map.of("state", "CLOSED")))
                .as("every SMS provider's circuit closed").isEqualTo(
                        ops.value(ops.services.notification(), "madang_sms_circuit_state", Map.of()));

        double drafts = ops.value(ops.services.agreement(), "madang_agreements", Map.of("state", "DRAFT"));
        var drafted = ops.post(ops.services.agreement() + "/api/agreements", TestTokens.hqAdmin(),
                RunningServices.jejuMouJson(), Map.of());
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ops.value(ops.services.agreement(), "madang_agreements", Map.of("state", "DRAFT"))).isEqualTo(drafts + 1));
    }

    private static List<String> missing(String expr, Iterable<Map<String, Set<String>>> sources, String file) {
        List<String> problems = new ArrayList<>();
        PromQl.selectors(expr).forEach((metric, labels) -> {
            if (FROM_PROMETHEUS.contains(metric)) {
                return;
            }
            Set<String> exportedLabels = new LinkedHashSet<>();
            boolean found = false;
            for (Map<String, Set<String>> source : sources) {
                if (source.containsKey(metric)) {
                    found = true;
                    exportedLabels.addAll(source.get(metric));
                }
            }
            if (!found) {
                problems.add(file + ": no service exports " + metric + " (in: " + expr.strip() + ")");
                return;
            }
            for (String label : labels) {
                if (!TARGET_LABELS.contains(label) && !exportedLabels.contains(label)) {
                    problems.add(file + ": " + metric + " has no label " + label + " (it has " + exportedLabels + ")");
                }
            }
        });
        return problems;
    }

    @SuppressWarnings("unchecked")
    static List<String> alertExpressions() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(OBSERVABILITY.resolve("prometheus/alerts.yml")));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add(String.valueOf(rule.get("expr")));
            }
        }
        return expressions;
    }

    static List<String> dashboardExpressions(Path file) throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(file));
        List<String> expressions = new ArrayList<>();
        collect(dashboard, expressions);
        return expressions;
    }

    private static void collect(JsonNode node, List<String> expressions) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("expr") && field.getValue().isString()) {
                    expressions.add(field.getValue().asString());
                } else if (field.getKey().equals("query") && field.getValue().isString()
                        && field.getValue().asString().startsWith("label_values(")) {
                    // label_values(selector, label): the selector is the query, the label what it lists
                    String query = field.getValue().asString();
                    expressions.add(query.substring("label_values(".length(), query.lastIndexOf(',')));
                } else {
                    collect(field.getValue(), expressions);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, expressions));
        }
    }
}
