package kr.madang.e2e.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PromQlUnitTests {

    @Test
    void findsMetricsAndTheLabelsTheyMatchOnButNotFunctionsKeywordsOrGroupingLabels() {
        var found = PromQl.selectors("""
                sum by (job, channel) (rate(madang_notification_provider_attempts_total{outcome="UNAVAILABLE",job=~"a|b"}[10m]))
                / on (job) group_left sum(rate(http_server_requests_seconds_count[5m])) > 0.2
                and histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{uri="/api/{id}"}[5m])))
                unless up == 0
                """);

        assertThat(found).containsOnlyKeys("madang_notification_provider_attempts_total",
                "http_server_requests_seconds_count", "http_server_requests_seconds_bucket", "up");
        assertThat(found.get("madang_notification_provider_attempts_total")).isEqualTo(Set.of("outcome", "job"));
        assertThat(found.get("http_server_requests_seconds_bucket")).containsExactly("uri");
    }

    @Test
    void offsetsAndDurationsAreNotMetrics() {
        assertThat(PromQl.selectors("sum(a_total) > 0 unless sum by (group) (a_total offset 10m)")).containsOnlyKeys("a_total");
    }

    @Test
    void aBareMetricIsFound() {
        assertThat(PromQl.selectors("max(madang_outbox_oldest_age_seconds) > 120")).containsOnlyKeys("madang_outbox_oldest_age_seconds");
    }
}
