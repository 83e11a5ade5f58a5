package kr.madang.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import kr.madang.local.demo.DemoData;
import kr.madang.local.kafka.LocalKafka;
import kr.madang.local.postgres.LocalPostgres;
import kr.madang.local.process.LocalProcesses;
import kr.madang.local.services.LocalServices;
import kr.madang.local.services.ServiceSpec;
import kr.madang.local.services.TopicPlan;

/**
 * The local stack: {@code up [--detach] [--reset] [--no-demo]}, {@code stop}, {@code status}, {@code reset},
 * {@code urls}. Run through {@code ./madang} (or {@code deploy/local/madang.sh}), which builds what is missing first.
 */
public final class MadangLocal {

    static final String DEV_TOOLS = "dev-tools";
    /** The token issuer has its own JVM: sinks that grow must never stop anyone from signing in. */
    static final String TOKEN_ISSUER = "token-issuer";
    /** A foreground {@code ./madang up}: recorded so that {@code ./madang stop} from another terminal ends it too. */
    static final String LAUNCHER = "launcher";

    private final StackSettings settings;
    private final LocalProcesses processes;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final LocalServices services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Object lifecycle = new Object();
    private volatile boolean stopping;

    MadangLocal(StackSettings settings) {
        this.settings = settings;
        this.processes = new LocalProcesses(settings.runDir(), settings.logDir());
        this.postgres = new LocalPostgres(settings.home(), settings.postgresPort(), processes);
        this.kafka = new LocalKafka(settings, processes);
        this.services = new LocalServices(settings, processes);
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        String command = arguments.isEmpty() ? "up" : arguments.getFirst();
        MadangLocal stack = new MadangLocal(StackSettings.fromEnvironment());
        try {
            int exit = switch (command) {
                case "up", "start", "reset" -> stack.up(arguments.contains("--detach") || arguments.contains("-d"),
                        command.equals("reset") || arguments.contains("--reset"),
                        !arguments.contains("--no-demo") && !arguments.contains("--infra-only"),
                        !arguments.contains("--infra-only"));
                case "stop", "down" -> stack.stop();
                case "status" -> stack.status();
                case "demo" -> {
                    System.out.println(new DemoData(stack.settings, stack.processes).loadOnce());
                    yield 0;
                }
                case "urls" -> {
                    stack.printUrls();
                    yield 0;
                }
                default -> {
                    System.err.println("usage: madang up [--detach] [--reset] [--no-demo] [--infra-only] | stop | status"
                            + " | reset | demo | urls");
                    yield 2;
                }
            };
            System.exit(exit);
        } catch (RuntimeException e) {
            System.err.println("\nmadang " + command + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    int up(boolean detach, boolean reset, boolean demo, boolean withServices) {
        Instant started = Instant.ofEpochMilli(Long.getLong("madang.startedAt", System.currentTimeMillis()));
        if (reset) {
            stopForeground();
            synchronized (lifecycle) {
                if (stopAll()) {
                    System.out.println("Stopped the running stack.");
                }
            }
            wipe();
        }
        Thread hook = new Thread(() -> {
            stopping = true;
            synchronized (lifecycle) {
                System.out.println("\nStopping the Madang stack...");
                stopAll();
            }
        }, "madang-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            startAll(demo, withServices);
        } catch (RuntimeException e) {
            if (stopping) {
                return 130;
            }
            System.err.println("\nStartup failed: " + e.getMessage());
            System.err.println("Stopping what was started; logs stay in " + settings.logDir());
            return 1; // the shutdown hook stops everything
        }
        Duration took = Duration.between(started, Instant.now());
        writeReady(took);
        printUrls();
        System.out.printf("%nReady in %d s (from the command to every readiness probe up). Logs: %s%n",
                took.toSeconds(), settings.logDir());
        if (detach) {
            Runtime.getRuntime().removeShutdownHook(hook);
            System.out.println("Running in the background: ./madang stop ends it, ./madang status shows it.");
            return 0;
        }
        System.out.println("Ctrl-C (or ./madang stop) stops every process of the stack.");
        recordForeground(processes);
        watch();
        return 0;
    }

    private void startAll(boolean demo, boolean withServices) {
        List<ServiceSpec> specs = services.specs();
        checkPorts();
        step("PostgreSQL on " + settings.postgresPort(), () -> postgres.start(databases(specs)));
        step("mail sink, SMS sink, token issuer", () -> {
            startDevTools();
            awaitHttp(TOKEN_ISSUER, settings.publicUrl(settings.tokenPort()) + "/.well-known/jwks.json",
                    Duration.ofSeconds(60));
            awaitHttp(DEV_TOOLS, settings.publicUrl(settings.mailViewerPort()) + "/api/messages?limit=1",
                    Duration.ofSeconds(60));
        });
        step("Kafka on " + settings.kafkaPort() + " (KRaft)", () -> {
            guard(kafka::start);
            kafka.awaitReady(Duration.ofSeconds(120));
        });
        step("topics", () -> {
            List<String> created = kafka.ensureTopics(TopicPlan.topics(specs));
            if (!created.isEmpty()) {
                System.out.println("    created " + String.join(", ", created));
            }
        });
        if (!withServices) {
            return;
        }
        List<ServiceSpec> untrained = !services.aotAvailable(System.getenv()) ? List.of()
                : specs.stream().filter(service -> !services.hasAotCache(service)).toList();
        if (!untrained.isEmpty()) {
            step("the services' JVM caches (once per build: later starts take a third of the time)", () -> {
                Map<String, String> logins = postgres.logins(databases(specs));
                Map<String, String> secrets = secrets();
                List<String> skipped = trainAotCaches(untrained, logins, secrets);
                if (!skipped.isEmpty()) {
                    System.out.print("not for " + String.join(", ", skipped) + " (see its -aot log; it starts without) ");
                }
            });
        }
        step("registration-service, agreement-service, notification-service", () -> {
            Map<String, String> logins = postgres.logins(databases(specs));
            Map<String, String> secrets = secrets();
            for (ServiceSpec service : specs) {
                guard(() -> services.start(service, postgres.jdbcUrl(service.database()),
                        logins.get(service.database()), kafka.bootstrapServers(), secrets));
            }
            awaitServices(specs, Duration.ofSeconds(Long.getLong("madang.readyTimeoutSeconds", 300)));
        });
        if (demo) {
            // demo data is a convenience: a failure is reported, never takes the running stack down, and is retried
            // by the next start (every create is idempotent)
            long start = System.nanoTime();
            System.out.print("  demo data (Jeju and Pohang forums, registrations, the nine-party Jeju MOU) ... ");
            System.out.flush();
            try {
                String summary = new DemoData(settings, processes).loadOnce();
                System.out.printf("ok (%.1f s): %s%n", (System.nanoTime() - start) / 1e9, summary);
            } catch (RuntimeException e) {
                System.out.println("FAILED, the stack runs without it: " + e.getMessage());
            }
        }
    }

    /** Trains the services' AOT caches side by side; returns the services whose training failed. */
    private List<String> trainAotCaches(List<ServiceSpec> untrained, Map<String, String> logins,
                                        Map<String, String> secrets) {
        Duration timeout = Duration.ofSeconds(Long.getLong("madang.aotTrainingTimeoutSeconds", 240));
        try (var training = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, java.util.concurrent.Future<Boolean>> trained = new java.util.LinkedHashMap<>();
            for (ServiceSpec service : untrained) {
                trained.put(service.name(), training.submit(() -> services.trainAotCache(service,
                        postgres.jdbcUrl(service.database()), logins.get(service.database()), kafka.bootstrapServers(),
                        secrets, timeout)));
            }
            List<String> skipped = new ArrayList<>();
            for (var entry : trained.entrySet()) {
                try {
                    if (!entry.getValue().get()) {
                        skipped.add(entry.getKey());
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    skipped.add(entry.getKey());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("stopping");
                }
            }
            return skipped;
        }
    }

    private void step(String what, Runnable action) {
        if (stopping) {
            throw new IllegalStateException("stopping");
        }
        long start = System.nanoTime();
        System.out.print("  " + what + " ... ");
        System.out.flush();
        action.run();
        System.out.printf("ok (%.1f s)%n", (System.nanoTime() - start) / 1e9);
    }

    /** Starts a process unless a stop has begun, so Ctrl-C during startup leaves nothing behind. */
    private void guard(Runnable start) {
        synchronized (lifecycle) {
            if (stopping) {
                throw new IllegalStateException("stopping");
            }
            start.run();
        }
    }

    private Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("links", secret("links"));
        for (String provider : LocalServices.SMS_PROVIDERS) {
            secrets.put("sms-" + provider + "-callback", secret("sms-" + provider + "-callback"));
        }
        secrets.put("alimtalk-callback", secret("alimtalk-callback"));
        return secrets;
    }

    private void startDevTools() {
        if (processes.running(DEV_TOOLS).isPresent() && processes.running(TOKEN_ISSUER).isEmpty()) {
            // dev tools of an older launcher hold the token port themselves, or the issuer died alone: start both anew
            processes.stop(DEV_TOOLS, "TERM", Duration.ofSeconds(15));
        }
        if (processes.running(TOKEN_ISSUER).isEmpty()) {
            guard(() -> processes.start(TOKEN_ISSUER, devToolsCommand(settings, TOKEN_ISSUER,
                            settings.launcherClasspath()), Map.of("MADANG_HOME", settings.home().toString(),
                            "MADANG_PID_FILE", settings.runDir().resolve(TOKEN_ISSUER + ".pid").toString()),
                    settings.root(), LocalProcesses.MARKER + TOKEN_ISSUER));
        }
        if (processes.running(DEV_TOOLS).isPresent()) {
            return;
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MADANG_HOME", settings.home().toString());
        env.put("MADANG_SMS_CALLBACK_URL", services.smsCallbackUrlTemplate());
        StringBuilder tokens = new StringBuilder();
        secrets().forEach((name, value) -> {
            if (name.startsWith("sms-")) {
                String provider = name.substring(4, name.length() - "-callback".length());
                tokens.append(tokens.isEmpty() ? "" : ",").append(provider).append('=').append(value);
            }
        });
        env.put("MADANG_SMS_CALLBACK_TOKENS", tokens.toString());
        env.put("MADANG_ALIMTALK_CALLBACK_URL", services.alimTalkCallbackUrl());
        env.put("MADANG_ALIMTALK_CALLBACK_TOKEN", secrets().get("alimtalk-callback"));
        env.put("MADANG_PID_FILE", settings.runDir().resolve(DEV_TOOLS + ".pid").toString());
        guard(() -> processes.start(DEV_TOOLS, devToolsCommand(settings, DEV_TOOLS, settings.launcherClasspath()),
                env, settings.root(), LocalProcesses.MARKER + DEV_TOOLS));
    }

    /**
     * The command of one dev tools JVM: {@code dev-tools} runs the mail and SMS sinks (their memory is bounded by
     * MADANG_MAIL_KEEP / MADANG_SMS_KEEP), {@code token-issuer} only the token issuer, in a heap nothing else uses.
     */
    static List<String> devToolsCommand(StackSettings settings, String process, String classpath) {
        boolean tokens = process.equals(TOKEN_ISSUER);
        return List.of(settings.javaExecutable().toString(),
                tokens ? "-Xms8m" : "-Xms32m", tokens ? "-Xmx48m" : "-Xmx128m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                LocalProcesses.MARKER + process, "-Dfile.encoding=UTF-8", "-Dmadang.root=" + settings.root(),
                "-cp", classpath, "kr.madang.local.devtools.DevTools", tokens ? "tokens" : "sinks");
    }

    private void awaitServices(List<ServiceSpec> specs, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceSpec> waiting = new ArrayList<>(specs);
        while (!waiting.isEmpty()) {
            for (ServiceSpec service : List.copyOf(waiting)) {
                if (processes.running(service.name()).isEmpty()) {
                    throw new IllegalStateException(service.name() + " exited; last lines of "
                            + processes.logFile(service.name()) + ":\n" + processes.tail(service.name(), 40));
                }
                if (services.ready(service)) {
                    waiting.remove(service);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready within " + timeout.toSeconds() + " s: "
                        + waiting.stream().map(ServiceSpec::name).toList() + " (see their logs in " + settings.logDir() + ")");
            }
            pause(Duration.ofMillis(500));
        }
    }

    private void awaitHttp(String process, String url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (processes.running(process).isEmpty()) {
                throw new IllegalStateException(process + " exited; last lines of " + processes.logFile(process)
                        + ":\n" + processes.tail(process, 30));
            }
            if (httpOk(url)) {
                return;
            }
            pause(Duration.ofMillis(300));
        }
        throw new IllegalStateException(url + " did not answer within " + timeout.toSeconds() + " s");
    }

    /** Fails fast, naming the variable to change, when a port the stack needs is taken by something else. */
    private void checkPorts() {
        Map<String, Integer> needed = new LinkedHashMap<>();
        if (!postgres.running()) {
            needed.put("MADANG_POSTGRES_PORT", settings.postgresPort());
        }
        if (!kafka.running()) {
            needed.put("MADANG_KAFKA_PORT", settings.kafkaPort());
            needed.put("MADANG_KAFKA_CONTROLLER_PORT", settings.kafkaControllerPort());
        }
        if (processes.running(DEV_TOOLS).isEmpty()) {
            needed.put("MADANG_SMTP_PORT", settings.smtpPort());
            needed.put("MADANG_MAIL_PORT", settings.mailViewerPort());
            needed.put("MADANG_SMS_PORT", settings.smsPort());
        }
        if (processes.running(TOKEN_ISSUER).isEmpty() && processes.running(DEV_TOOLS).isEmpty()) {
            // (dev tools of an older launcher hold the token port themselves: they are restarted, not a conflict)
            needed.put("MADANG_TOKEN_PORT", settings.tokenPort());
        }
        for (ServiceSpec service : services.specs()) {
            if (!services.running(service)) {
                needed.put("MADANG_" + service.database().toUpperCase() + "_PORT", service.port());
            }
        }
        List<String> busy = new ArrayList<>();
        needed.forEach((variable, port) -> {
            if (inUse(port)) {
                busy.add(port + " (" + variable + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use by another program: " + String.join(", ", busy)
                    + ". Stop it, or choose other ports with those environment variables.");
        }
    }

    private static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits while the stack runs, telling when one of its processes dies. */
    private void watch() {
        List<String> names = new ArrayList<>(List.of(LocalPostgres.NAME, LocalKafka.NAME, DEV_TOOLS, TOKEN_ISSUER));
        services.specs().forEach(service -> names.add(service.name()));
        List<String> reported = new ArrayList<>();
        CountDownLatch forever = new CountDownLatch(1);
        while (forever.getCount() > 0) {
            for (String name : names) {
                if (!stopping && !reported.contains(name) && processes.running(name).isEmpty()) {
                    reported.add(name);
                    System.err.println(Instant.now() + " " + name + " has stopped; see " + processes.logFile(name));
                }
            }
            pause(Duration.ofSeconds(2));
        }
    }

    /**
     * Records this JVM as the stack's foreground launcher, by a marker unique to this run ({@code madang.sh} passes
     * the start time), so a later {@code stop} can signal it and never a recycled pid.
     */
    static void recordForeground(LocalProcesses processes) {
        String startedAt = System.getProperty("madang.startedAt");
        String marker = startedAt == null ? MadangLocal.class.getName() : "-Dmadang.startedAt=" + startedAt;
        processes.record(LAUNCHER, ProcessHandle.current().pid(), marker);
    }

    /** A foreground launcher stops everything itself on SIGTERM (its shutdown hook), then exits: waits for that. */
    private boolean stopForeground() {
        return report(LAUNCHER, processes.running(LAUNCHER).filter(handle -> handle.pid() != ProcessHandle.current().pid())
                .isPresent(), () -> processes.stop(LAUNCHER, "TERM", Duration.ofSeconds(180)));
    }

    int stop() {
        boolean foreground = stopForeground();
        synchronized (lifecycle) {
            stopping = true;
            boolean any = stopAll() | foreground;
            System.out.println(any ? "Madang stack stopped." : "Madang stack was not running.");
        }
        return 0;
    }

    /** Services first (they flush their outbox and leave their consumer groups), then Kafka, then PostgreSQL. */
    private boolean stopAll() {
        boolean any = false;
        List<Thread> stoppers = new ArrayList<>();
        boolean[] found = new boolean[services.specs().size()];
        for (int i = 0; i < services.specs().size(); i++) {
            ServiceSpec service = services.specs().get(i);
            int index = i;
            Thread stopper = Thread.ofPlatform().start(() -> found[index] = report(service.name(),
                    processes.running(service.name()).isPresent(), () -> services.stop(service)));
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (boolean f : found) {
            any |= f;
        }
        any |= report(DEV_TOOLS, processes.running(DEV_TOOLS).isPresent(),
                () -> processes.stop(DEV_TOOLS, "TERM", Duration.ofSeconds(15)));
        any |= report(TOKEN_ISSUER, processes.running(TOKEN_ISSUER).isPresent(),
                () -> processes.stop(TOKEN_ISSUER, "TERM", Duration.ofSeconds(15)));
        any |= report(LocalKafka.NAME, kafka.running(), kafka::stop);
        any |= report(LocalPostgres.NAME, postgres.running(), postgres::stop);
        LocalFiles.deleteQuietly(settings.runDir().resolve("ready"));
        return any;
    }

    private static boolean report(String name, boolean running, Runnable stop) {
        if (running) {
            long start = System.nanoTime();
            stop.run();
            System.out.printf("  stopped %s (%.1f s)%n", name, (System.nanoTime() - start) / 1e9);
        }
        return running;
    }

    int status() {
        boolean allUp = true;
        System.out.println("Madang local stack (" + settings.home() + "):");
        processes.running(LAUNCHER).ifPresent(launcher -> System.out.printf("  %-22s %-32s %s%n", LAUNCHER,
                "running (pid " + launcher.pid() + ")", "a foreground ./madang up (./madang stop ends it)"));
        allUp &= line(LocalPostgres.NAME, "localhost:" + settings.postgresPort(), null);
        allUp &= line(LocalKafka.NAME, kafka.bootstrapServers(), null);
        allUp &= line(DEV_TOOLS, "SMTP :" + settings.smtpPort() + ", mail :" + settings.mailViewerPort()
                + ", SMS :" + settings.smsPort(), settings.publicUrl(settings.mailViewerPort()) + "/api/messages?limit=1");
        allUp &= line(TOKEN_ISSUER, "tokens :" + settings.tokenPort(),
                settings.publicUrl(settings.tokenPort()) + "/.well-known/jwks.json");
        for (ServiceSpec service : services.specs()) {
            allUp &= line(service.name(), settings.publicUrl(service.port()),
                    settings.publicUrl(service.port()) + "/actuator/health/readiness");
        }
        return allUp ? 0 : 3;
    }

    private boolean line(String name, String where, String healthUrl) {
        var process = processes.running(name);
        String state = process.map(p -> "running (pid " + p.pid() + ")").orElse("stopped");
        boolean ok = process.isPresent();
        if (ok && healthUrl != null) {
            boolean healthy = httpOk(healthUrl);
            state += healthy ? ", ready" : ", NOT ready";
            ok = healthy;
        }
        System.out.printf("  %-22s %-32s %s%n", name, state, where);
        return ok;
    }

    void printUrls() {
        String token = settings.publicUrl(settings.tokenPort());
        System.out.println();
        System.out.println("Madang is up:");
        String registration = settings.publicUrl(settings.registrationPort());
        String agreement = settings.publicUrl(settings.agreementPort());
        String notification = settings.publicUrl(settings.notificationPort());
        System.out.printf("  registration-service   %s/events   (pages; dev sign-in picks a role and region;"
                + " API docs %s/swagger-ui.html)%n", registration, registration);
        System.out.printf("  agreement-service      %s/agreements   (HQ pages; API docs %s/swagger-ui.html)%n",
                agreement, agreement);
        System.out.printf("  notification-service   %s/ops/messages   (ops pages; API docs %s/swagger-ui.html)%n",
                notification, notification);
        System.out.printf("  mail viewer / JSON     %s   %s/api/messages   (SMTP localhost:%d)%n",
                settings.publicUrl(settings.mailViewerPort()), settings.publicUrl(settings.mailViewerPort()),
                settings.smtpPort());
        System.out.printf("  SMS sink / JSON        %s   %s/api/messages%n", settings.publicUrl(settings.smsPort()),
                settings.publicUrl(settings.smsPort()));
        System.out.printf("  AlimTalk sink / JSON   %s/alimtalk/   %s/alimtalk/api/messages%n", settings.publicUrl(settings.smsPort()),
                settings.publicUrl(settings.smsPort()));
        System.out.printf("  dev tokens             %s/dev/token?role=HQ_ADMIN   (JWKS %s/.well-known/jwks.json)%n",
                token, token);
        System.out.printf("  Kafka                  localhost:%d%n", settings.kafkaPort());
        System.out.printf("  PostgreSQL             localhost:%d (databases registration, agreement, notification;"
                + " logins in %s)%n", settings.postgresPort(), settings.home().resolve("postgres/logins.properties"));
        System.out.printf("  logs                   %s/<process>.log%n", settings.logDir());
        System.out.printf("%n  TOKEN=$(curl -s '%s/dev/token?role=HQ_ADMIN')%n", token);
        System.out.printf("  curl -H \"Authorization: Bearer $TOKEN\" %s/api/events%n",
                settings.publicUrl(settings.registrationPort()));
    }

    private boolean httpOk(String url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> databases(List<ServiceSpec> specs) {
        return specs.stream().map(ServiceSpec::database).toList();
    }

    /** A random secret generated on first use and kept in {@code .madang/secrets.properties}. */
    private String secret(String name) {
        Path file = settings.home().resolve("secrets.properties");
        Properties secrets = new Properties();
        try {
            if (Files.exists(file)) {
                try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    secrets.load(reader);
                }
            }
            if (!secrets.containsKey(name)) {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                secrets.setProperty(name, HexFormat.of().formatHex(bytes));
                try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    secrets.store(writer, "Secrets of the local stack (generated; never commit)");
                }
            }
            return secrets.getProperty(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeReady(Duration took) {
        try {
            Files.writeString(settings.runDir().resolve("ready"), Instant.now() + " " + took.toSeconds() + "s\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every piece of state (databases, Kafka log, mail, SMS, keys, logs); keeps {@code cache/} (binaries). */
    private void wipe() {
        Path home = settings.home();
        if (!Files.exists(home)) {
            return;
        }
        System.out.println("Deleting " + home + " (databases, Kafka log, captured mail and SMS, keys, logs)");
        try (var entries = Files.list(home)) {
            for (Path entry : entries.filter(entry -> !entry.getFileName().toString().equals("cache")).toList()) {
                LocalFiles.deleteTree(entry);
            }
            Files.createDirectories(settings.runDir());
            Files.createDirectories(settings.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + home, e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
