package kr.madang.platform.kafka;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions        partitions of each Madang topic and of its dead-letter topics (a dead-letter record
 *                          keeps its source partition, so a dead-letter topic needs at least as many)
 * @param replicas          replication factor of the topics this service creates
 * @param consumedTopics    topics this service consumes: a dead-letter topic is created for each
 * @param retries           redeliveries of a failing record before it goes to the dead-letter topic
 * @param retryBackoffMillis first backoff between redeliveries; it doubles each time
 */
@ConfigurationProperties("madang.kafka")
public record MadangKafkaProperties(Integer partitions, Short replicas, List<String> consumedTopics,
                                    Integer retries, Long retryBackoffMillis) {

    public MadangKafkaProperties {
        partitions = partitions == null ? 6 : partitions;
        replicas = replicas == null ? 1 : replicas;
        consumedTopics = consumedTopics == null ? List.of() : consumedTopics;
        retries = retries == null ? 3 : retries;
        retryBackoffMillis = retryBackoffMillis == null ? 200L : retryBackoffMillis;
    }
}
