package kr.madang.local.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kr.madang.schemas.Topics;

/** The topics of the local stack: the three event streams and a dead-letter topic per consuming group. */
public final class TopicPlan {

    /** Partitions of every topic locally (as the services' {@code madang.kafka.partitions}). */
    public static final int PARTITIONS = 6;

    private TopicPlan() {
    }

    public static Map<String, Integer> topics(List<ServiceSpec> services) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String topic : List.of(Topics.REGISTRATION_EVENTS, Topics.AGREEMENT_EVENTS, Topics.NOTIFICATION_EVENTS)) {
            topics.put(topic, PARTITIONS);
        }
        for (ServiceSpec service : services) {
            // a dead letter keeps its source partition, so a dead-letter topic has as many partitions as its source
            service.consumedTopics().forEach(topic ->
                    topics.put(Topics.deadLetterTopic(topic, service.name()), PARTITIONS));
        }
        return topics;
    }
}
