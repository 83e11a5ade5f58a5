package kr.madang.local.services;

import java.util.List;

/**
 * One of the three services as the local stack runs it.
 *
 * @param name           module folder, jar prefix and consumer group
 * @param database       its own database and login
 * @param port           HTTP port
 * @param consumedTopics topics it consumes (each gets a dead-letter topic {@code <topic>.<name>.dlt})
 */
public record ServiceSpec(String name, String database, int port, List<String> consumedTopics) {
}
