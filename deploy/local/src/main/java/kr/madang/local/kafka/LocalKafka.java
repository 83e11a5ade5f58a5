package kr.madang.local.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;

import kr.madang.local.StackSettings;
import kr.madang.local.process.LocalProcesses;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one JVM) from the kafka_2.13 jars: storage is
 * formatted on first start, the log lives under {@code .madang/kafka/data}.
 */
public final class LocalKafka {

    public static final String NAME = "kafka";

    private final StackSettings settings;
    private final LocalProcesses processes;
    private final Path home;

    public LocalKafka(StackSettings settings, LocalProcesses processes) {
        this.settings = settings;
        this.processes = processes;
        this.home = settings.home().resolve("kafka");
    }

    public String bootstrapServers() {
        return "localhost:" + settings.kafkaPort();
    }

    public boolean running() {
        return processes.running(NAME).isPresent();
    }

    public void start() {
        if (running()) {
            return;
        }
        Path config = writeConfig();
        if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
            format(config);
        }
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        command.addAll(List.of(settings.kafkaJavaOpts().trim().split("\\s+")));
        command.addAll(List.of(LocalProcesses.MARKER + NAME,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSZ",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.coordinator=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.log=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.cluster=warn",
                "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn",
                "-cp", settings.launcherClasspath(), "kafka.Kafka", config.toString()));
        processes.start(NAME, command, Map.of(), settings.root(), LocalProcesses.MARKER + NAME);
    }

    public void stop() {
        // SIGTERM makes the broker shut down cleanly (no log recovery on next start)
        processes.stop(NAME, "TERM", Duration.ofSeconds(60));
    }

    /** Waits until the broker answers, failing early if its JVM dies. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!running()) {
                throw new IllegalStateException("Kafka exited; last lines of " + processes.logFile(NAME) + ":\n"
                        + processes.tail(NAME, 30));
            }
            if (!listening(settings.kafkaPort())) {
                sleep(Duration.ofMillis(300));
                continue;
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                sleep(Duration.ofMillis(500));
            }
        }
        throw new IllegalStateException("Kafka did not answer within " + timeout.toSeconds() + " s: " + last);
    }

    /** Creates the missing topics; raises the partition count of any that have fewer than asked. */
    public List<String> ensureTopics(Map<String, Integer> partitionsByTopic) {
        List<String> created = new ArrayList<>();
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = partitionsByTopic.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                missing.forEach(topic -> created.add(topic.name()));
            }
            List<String> present = partitionsByTopic.keySet().stream().filter(existing::contains).toList();
            if (!present.isEmpty()) {
                Map<String, TopicDescription> descriptions = admin.describeTopics(present).allTopicNames()
                        .get(30, TimeUnit.SECONDS);
                var grow = new java.util.HashMap<String, NewPartitions>();
                descriptions.forEach((topic, description) -> {
                    int wanted = partitionsByTopic.get(topic);
                    if (description.partitions().size() < wanted) {
                        grow.put(topic, NewPartitions.increaseTo(wanted));
                    }
                });
                if (!grow.isEmpty()) {
                    admin.createPartitions(grow).all().get(60, TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the topics: " + e.getMessage(), e);
        }
        return created;
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        return Admin.create(props);
    }

    private void format(Path config) {
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = List.of(settings.javaExecutable().toString(), "-Xmx256m",
                "-cp", settings.launcherClasspath(), "kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", config.toString());
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(processes.logFile(NAME).toFile()))
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka storage failed:\n" + processes.tail(NAME, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path writeConfig() {
        String controller = "localhost:" + settings.kafkaControllerPort();
        String config = """
                # written by the Madang launcher on every start; edit StackSettings / LocalKafka instead
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%s
                listeners=PLAINTEXT://localhost:%d,CONTROLLER://%s
                advertised.listeners=PLAINTEXT://localhost:%d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%s
                # topics are created explicitly (launcher and services), never by a typo in a consumer
                auto.create.topics.enable=false
                num.partitions=6
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=6
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=6
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                # a 2-core laptop: few threads
                num.network.threads=2
                num.io.threads=2
                background.threads=2
                num.recovery.threads.per.data.dir=1
                log.retention.hours=168
                log.segment.bytes=67108864
                # the compactor's key map: 128 MB by default, allocated at start and cleared for every partition it
                # compacts (the subject keys roll every 10 min): 40 %% of the broker's CPU in those bursts (issue 15);
                # 8 MB holds 350,000 keys per pass
                log.cleaner.dedupe.buffer.size=8388608
                """.formatted(controller, settings.kafkaPort(), controller, settings.kafkaPort(),
                dataDirectory().toString().replace('\\', '/'));
        try {
            Files.createDirectories(home);
            Path file = home.resolve("server.properties");
            Files.writeString(file, config, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path dataDirectory() {
        return home.resolve("data");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
