package kr.madang.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kr.madang.schemas.Topics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository as the manifests see it: its folders, and what each service's own configuration says. */
final class Repository {

    static final List<String> SERVICES = List.of("registration-service", "agreement-service", "notification-service");
    static final List<String> EVENT_TOPICS = List.of(Topics.REGISTRATION_EVENTS, Topics.AGREEMENT_EVENTS,
            Topics.NOTIFICATION_EVENTS);

    private Repository() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Not inside the repository");
        }
        return dir;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        return new Yaml(options);
    }

    /** Every YAML document of a file, empty ones (comment-only) left out. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        try {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : yaml().loadAll(Files.readString(file))) {
                if (doc != null) {
                    docs.add((Map<String, Object>) doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service's own Spring configuration ({@code <service>/src/main/resources/<service>.yml}). */
    record ServiceConfig(String name, String consumerGroup, List<String> consumedTopics,
                         Map<String, String> placeholders) {

        /**
         * Environment variables a real deployment must set: those without a default, or whose default only makes
         * sense on a laptop (localhost, a dev key, a secret to change).
         */
        Set<String> requiredInDeployment() {
            Set<String> required = new LinkedHashSet<>();
            placeholders.forEach((name, fallback) -> {
                if (fallback == null || fallback.contains("localhost") || fallback.contains("dev-")
                        || fallback.contains("change-me")) {
                    required.add(name);
                }
            });
            return required;
        }

        /** The dead-letter topics the platform writes to for this service. */
        List<String> deadLetterTopics() {
            return consumedTopics.stream().map(topic -> Topics.deadLetterTopic(topic, consumerGroup)).toList();
        }
    }

    @SuppressWarnings("unchecked")
    static ServiceConfig serviceConfig(String service) {
        Path file = path(service + "/src/main/resources/" + service + ".yml");
        try {
            String text = Files.readString(file);
            // The first document is the default profile; later ones (after ---) are profile overrides.
            Map<String, Object> config = (Map<String, Object>) yaml().loadAll(text).iterator().next();
            String group = (String) dig(config, "spring", "kafka", "consumer", "group-id");
            Object consumed = dig(config, "madang", "kafka", "consumed-topics");
            List<String> topics = consumed == null ? List.of()
                    : consumed instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : Arrays.stream(String.valueOf(consumed).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            Map<String, String> placeholders = new LinkedHashMap<>();
            Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}").matcher(text);
            while (matcher.find()) {
                placeholders.put(matcher.group(1), matcher.group(2));
            }
            return new ServiceConfig(service, group, topics, placeholders);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Every topic the system uses: the three streams and each consuming group's dead-letter topics. */
    static Map<String, String> allTopicsWithSource() {
        Map<String, String> topics = new LinkedHashMap<>();
        EVENT_TOPICS.forEach(topic -> topics.put(topic, null));
        // persons' data keys (compacted), which the services need beside their event topics
        topics.put(Topics.SUBJECT_KEYS, null);
        for (String service : SERVICES) {
            ServiceConfig config = serviceConfig(service);
            for (String consumed : config.consumedTopics()) {
                topics.put(Topics.deadLetterTopic(consumed, config.consumerGroup()), consumed);
            }
        }
        return topics;
    }

    /** Keys of each Secret the README tells operators to create ({@code create secret generic NAME --from-literal=KEY=}). */
    static Map<String, Set<String>> documentedSecrets() {
        try {
            Map<String, Set<String>> secrets = new LinkedHashMap<>();
            for (String line : Files.readAllLines(path("deploy/README.md"))) {
                Matcher command = Pattern.compile("create secret generic ([a-z0-9-]+)").matcher(line);
                if (command.find()) {
                    Set<String> keys = new LinkedHashSet<>();
                    Matcher literal = Pattern.compile("--from-literal=([A-Z0-9_]+)=").matcher(line);
                    while (literal.find()) {
                        keys.add(literal.group(1));
                    }
                    secrets.put(command.group(1), keys);
                }
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Object dig(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }
}
