package kr.madang.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;

import kr.madang.local.devtools.mail.CountingSmtpServer;
import kr.madang.local.StackSettings;
import kr.madang.local.kafka.LocalKafka;
import kr.madang.local.postgres.LocalPostgres;
import kr.madang.local.process.LocalProcesses;
import kr.madang.local.services.LocalServices;
import kr.madang.local.services.ServiceSpec;

/**
 * The whole local stack in its own temp folder on its own free ports, started once through the launcher
 * ({@code MadangLocal up -d --no-demo} in its own JVM), then single processes killed, stopped and started again with
 * the launcher's classes. notification-service sends to the suite's {@link CountingSmtpServer}.
 */
final class FaultStack implements AutoCloseable {

    /** How long an SMS provider's open circuit refuses calls in the suite (30 s in notification-service.yml). */
    static final Duration SMS_CIRCUIT_OPEN_FOR = Duration.ofSeconds(10);
    /** The lease of a send claim in the suite (2 min in notification-service.yml). */
    static final Duration SEND_LEASE = Duration.ofSeconds(15);
    /** The first retry of a failed send in the suite (30 s in notification-service.yml), e.g. once SMTP is back. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    /** How long the group waits for a silent consumer in the suite (Kafka's default 45 s). */
    static final Duration CONSUMER_SESSION = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path root = Path.of(System.getProperty("madang.root", "../..")).toAbsolutePath().normalize();
    final Path home;
    final Map<String, String> env = new LinkedHashMap<>();
    final StackSettings settings;
    final LocalProcesses processes;
    final LocalPostgres postgres;
    final LocalKafka kafka;
    final CountingSmtpServer mail;
    final int mailPort;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(3)).build();
    /** Instances started besides the stack's own (stopped on close even when a scenario failed half-way). */
    private final List<String> extraInstances = new java.util.concurrent.CopyOnWriteArrayList<>();
    String token;

    FaultStack() throws Exception {
        home = Files.createTempDirectory("madang-faults");
        env.put("MADANG_HOME", home.toString());
        for (String variable : List.of("MADANG_REGISTRATION_PORT", "MADANG_AGREEMENT_PORT", "MADANG_NOTIFICATION_PORT",
                "MADANG_KAFKA_PORT", "MADANG_KAFKA_CONTROLLER_PORT", "MADANG_POSTGRES_PORT", "MADANG_SMTP_PORT",
                "MADANG_MAIL_PORT", "MADANG_SMS_PORT", "MADANG_TOKEN_PORT")) {
            env.put(variable, Integer.toString(freePort()));
        }
        settings = StackSettings.from(env, root);
        processes = new LocalProcesses(settings.runDir(), settings.logDir());
        postgres = new LocalPostgres(settings.home(), settings.postgresPort(), processes);
        kafka = new LocalKafka(settings, processes);
        mailPort = freePort();
        mail = new CountingSmtpServer(mailPort, "");
        // the extracted PostgreSQL binaries of the developer's stack, when there are some: saves the extraction
        Path cache = root.resolve(".madang/cache");
        if (Files.isDirectory(cache)) {
            Files.createDirectories(home);
            copyTree(cache, home.resolve("cache"));
        }
    }

    void up() throws Exception {
        List<String> command = List.of(settings.javaExecutable().toString(), "-Dmadang.root=" + root,
                "-cp", settings.launcherClasspath(), "kr.madang.local.MadangLocal", "up", "-d", "--infra-only");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("launcher.log").toFile());
        builder.environment().putAll(env);
        Process launcher = builder.start();
        if (!launcher.waitFor(6, java.util.concurrent.TimeUnit.MINUTES) || launcher.exitValue() != 0) {
            throw new IllegalStateException("the launcher did not bring the stack up:\n"
                    + Files.readString(home.resolve("launcher.log")));
        }
        // The suite starts the services itself, side by side: notification-service pointed at the counting SMTP
        // server from its first start (the launcher's own start of it was one more start, then a restart). No AOT
        // cache is trained: in a fresh clone that would cost more than the suite's starts save; one that a
        // developer's ./madang up left is used.
        LocalServices services = new LocalServices(settings, processes);
        Map<String, String> logins = postgres.logins(List.of("registration", "agreement"));
        for (String name : List.of("registration-service", "agreement-service")) {
            ServiceSpec spec = spec(name);
            services.start(spec, postgres.jdbcUrl(spec.database()), logins.get(spec.database()),
                    kafka.bootstrapServers(), secrets());
        }
        startNotificationInstance("notification-service", settings.notificationPort());
        for (String name : List.of("registration-service", "agreement-service")) {
            awaitReady(services, spec(name), name);
        }
        HttpResponse<String> t = http.send(HttpRequest.newBuilder(URI.create(url(settings.tokenPort())
                + "/dev/token?role=HQ_ADMIN&ttl=28800&sub=faults")).build(), HttpResponse.BodyHandlers.ofString());
        token = t.body().trim();
    }

    ServiceSpec spec(String name) {
        return LocalServices.specs(settings).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** SIGKILL: no graceful shutdown, no flush, as a crash or the OOM killer. */
    void kill(String name) {
        processes.running(name).ifPresent(handle -> {
            handle.destroyForcibly();
            LocalProcesses.awaitExit(handle, Duration.ofSeconds(20));
        });
    }

    /** Starts a service (notification-service as {@link #startNotificationInstance} does) and waits for its readiness. */
    void startService(String name) throws Exception {
        if (name.equals("notification-service")) {
            startNotificationInstance(name, settings.notificationPort());
            return;
        }
        LocalServices services = new LocalServices(settings, processes);
        ServiceSpec spec = spec(name);
        Map<String, String> logins = postgres.logins(List.of(spec.database()));
        services.start(spec, postgres.jdbcUrl(spec.database()), logins.get(spec.database()), kafka.bootstrapServers(),
                secrets());
        awaitReady(services, spec, name);
    }

    /**
     * Starts an instance of notification-service as process {@code processName} on {@code port} (same database and
     * consumer group as every other instance) and waits for its readiness. It sends email to the {@link CountingSmtpServer},
     * sends SMS at any hour (quiet hours 21:00–08:00 Seoul would hold the confirmations' SMS and make the suite depend
     * on the time of day; they are tested in notification-service's own tests), and an open SMS circuit lets a trial
     * call through after 10 s instead of 30 s, to keep the provider scenario short.
     */
    void startNotificationInstance(String processName, int port) throws Exception {
        Map<String, String> pointed = new LinkedHashMap<>(env);
        pointed.put("MADANG_SMTP_PORT", Integer.toString(mailPort));
        pointed.put("MADANG_SERVICE_JAVA_OPTS", settings.serviceJavaOpts()
                + " -Dmadang.notification.quiet-hours.start=00:00 -Dmadang.notification.quiet-hours.end=00:00"
                + " -Dmadang.sms.breaker.open-for=" + SMS_CIRCUIT_OPEN_FOR
                // a killed instance's claims and partitions come back in seconds, not after the production 2 min
                // lease and 45 s session: the recovery is the same, the suite waits less for it
                + " -Dmadang.notification.dispatch.lease=" + SEND_LEASE
                + " -Dmadang.notification.retry.initial-backoff=" + FIRST_RETRY
                + " -Dspring.kafka.consumer.properties.session.timeout.ms=" + CONSUMER_SESSION.toMillis()
                + " -Dspring.kafka.consumer.properties.heartbeat.interval.ms=" + CONSUMER_SESSION.dividedBy(5).toMillis());
        LocalServices services = new LocalServices(StackSettings.from(pointed, root), processes);
        ServiceSpec base = spec("notification-service");
        ServiceSpec spec = new ServiceSpec(base.name(), base.database(), port, base.consumedTopics());
        Map<String, String> logins = postgres.logins(List.of(spec.database()));
        services.start(spec, processName, postgres.jdbcUrl(spec.database()), logins.get(spec.database()),
                kafka.bootstrapServers(), secrets());
        if (!processName.equals(base.name())) {
            extraInstances.add(processName);
        }
        awaitReady(services, spec, processName);
    }

    private void awaitReady(LocalServices services, ServiceSpec spec, String processName) {
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .until(() -> services.ready(spec) || processes.running(processName).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(processName + " did not become ready:\n" + processes.tail(processName, 40));
        }
        if (!services.ready(spec)) {
            throw new IllegalStateException(processName + " exited before it was ready:\n" + processes.tail(processName, 40));
        }
    }

    /** SIGTERM: Spring's graceful shutdown (the consumers leave the group at once). */
    void terminate(String processName) {
        processes.stop(processName, "TERM", Duration.ofSeconds(45));
    }

    /** Switches provider {@code provider} of the dev tools' SMS sink into a fault: up, outage, error or timeout. */
    void smsFault(String provider, String fault) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(settings.smsPort()) + "/api/providers/"
                        + provider)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"fault\":\"" + fault + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("SMS sink fault switch: " + r.statusCode() + " " + r.body());
        }
    }

    /** Every SMS the dev tools' sink took, as (national phone number, provider) pairs. */
    List<Map.Entry<String, String>> smsReceived() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(settings.smsPort()) + "/api/messages"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        List<Map.Entry<String, String>> received = new ArrayList<>();
        for (JsonNode sms : JSON.readTree(r.body()).get("items")) {
            received.add(Map.entry(national(sms.get("to").asText()), sms.get("provider").asText()));
        }
        return received;
    }

    /** 010-1234-5678, 01012345678 and +82 10 1234 5678 are the same phone (as the sink counts them). */
    static String national(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.startsWith("82") ? "0" + digits.substring(2) : digits;
    }

    void startKafka() {
        kafka.start();
        kafka.awaitReady(Duration.ofSeconds(120));
    }

    void startPostgres() {
        postgres.start(List.of("registration", "agreement", "notification"));
    }

    Map<String, String> secrets() throws IOException {
        Properties p = new Properties();
        try (var reader = Files.newBufferedReader(home.resolve("secrets.properties"), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        p.forEach((k, v) -> secrets.put(k.toString(), v.toString()));
        return secrets;
    }

    String registrationUrl() {
        return url(settings.registrationPort());
    }

    static String url(int port) {
        return "http://localhost:" + port;
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        // 45 s: during a database outage the answer (503) comes only after the pool's connection timeout (30 s)
        return http.send(HttpRequest.newBuilder(URI.create(registrationUrl() + path)).timeout(Duration.ofSeconds(45))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    UUID createOpenEvent(String title) throws Exception {
        OffsetDateTime starts = OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(30).withHour(13).withMinute(0)
                .withSecond(0).withNano(0);
        HttpResponse<String> created = post("/api/events", """
                {"title":"%s","titleEn":"Fault forum","region":"JEJU","venue":"메종글래드 제주 크리스탈홀",
                 "startsAt":"%s","endsAt":"%s","capacity":100000,"selfRegistration":true,"approvalRequired":false}
                """.formatted(title, starts, starts.plusDays(1)));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create event: " + created.statusCode() + " " + created.body());
        }
        String id = created.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
        HttpResponse<String> opened = post("/api/events/" + id + "/open", "{}");
        if (opened.statusCode() != 200) {
            throw new IllegalStateException("open: " + opened.statusCode() + " " + opened.body());
        }
        return UUID.fromString(id);
    }

    java.sql.Connection connect(String database) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(postgres.jdbcUrl(database), database,
                postgres.logins(List.of(database)).get(database));
    }

    List<Path> logs() throws IOException {
        List<Path> logs = new ArrayList<>();
        try (var files = Files.list(settings.logDir())) {
            files.filter(Files::isRegularFile).forEach(logs::add);
        }
        logs.add(home.resolve("launcher.log"));
        return logs;
    }

    @Override
    public void close() throws Exception {
        LocalServices services = new LocalServices(settings, processes);
        for (String instance : extraInstances) {
            processes.stop(instance, "KILL", Duration.ofSeconds(10));
        }
        for (ServiceSpec spec : services.specs()) {
            services.stop(spec);
        }
        processes.stop("dev-tools", "TERM", Duration.ofSeconds(10));
        processes.stop("token-issuer", "TERM", Duration.ofSeconds(10));
        kafka.stop();
        postgres.stop();
        mail.close();
        // the logs stay when asked to (-Dfaults.keep=true), to read after a failure
        if (!Boolean.getBoolean("faults.keep")) {
            try (var walk = Files.walk(home)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
