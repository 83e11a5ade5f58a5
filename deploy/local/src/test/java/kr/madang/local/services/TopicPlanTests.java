package kr.madang.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import kr.madang.local.StackSettings;
import kr.madang.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The launcher's list of services and topics must follow what each service's own configuration says. */
class TopicPlanTests {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void createsTheThreeStreamsAndADeadLetterTopicPerConsumedTopicAsTheServicesDeclareThem() throws Exception {
        List<ServiceSpec> specs = LocalServices.specs(StackSettings.from(Map.of(), ROOT));

        for (ServiceSpec spec : specs) {
            Map<String, Object> yml = load(spec.name());
            assertThat(dig(yml, "spring", "kafka", "consumer", "group-id")).as(spec.name() + " consumer group")
                    .isEqualTo(spec.name());
            Object consumed = dig(yml, "madang", "kafka", "consumed-topics");
            List<String> declared = consumed == null ? List.of()
                    : Arrays.stream(String.valueOf(consumed).split(",")).map(String::trim).toList();
            assertThat(spec.consumedTopics()).as(spec.name() + " consumed topics").containsExactlyInAnyOrderElementsOf(declared);
            assertThat(Integer.valueOf(String.valueOf(dig(yml, "madang", "kafka", "partitions"))))
                    .as(spec.name() + " partitions").isEqualTo(TopicPlan.PARTITIONS);
        }
        Map<String, Integer> topics = TopicPlan.topics(specs);
        assertThat(topics).containsKeys(Topics.REGISTRATION_EVENTS, Topics.AGREEMENT_EVENTS, Topics.NOTIFICATION_EVENTS,
                Topics.deadLetterTopic(Topics.REGISTRATION_EVENTS, "notification-service"),
                Topics.deadLetterTopic(Topics.AGREEMENT_EVENTS, "notification-service"),
                Topics.deadLetterTopic(Topics.REGISTRATION_EVENTS, "agreement-service"));
        assertThat(topics.values()).allMatch(partitions -> partitions == TopicPlan.PARTITIONS);
    }

    @Test
    void givesNotificationServiceTheSmsProvidersItIsConfiguredWith() throws Exception {
        Object providers = dig(load("notification-service"), "madang", "sms", "providers");
        assertThat(((Map<?, ?>) providers).keySet().stream().map(String::valueOf).toList())
                .containsExactlyInAnyOrderElementsOf(LocalServices.SMS_PROVIDERS);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String service) throws Exception {
        // the first document holds the defaults; later ones are profile-specific (e.g. prod logging)
        return (Map<String, Object>) new Yaml()
                .loadAll(Files.readString(ROOT.resolve(service + "/src/main/resources/" + service + ".yml")))
                .iterator().next();
    }

    private static Object dig(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = current instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return current;
    }
}
