package kr.madang.local.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import kr.madang.local.StackSettings;
import kr.madang.local.process.LocalProcesses;
import kr.madang.schemas.Topics;

/**
 * The three services, each in its own JVM from its executable jar (unpacked, with the JVM's AOT cache where there is
 * one: {@link ServiceJars}), configured for the local stack.
 */
public final class LocalServices {

    /** notification-service's SMS providers (madang.sms.providers.* in its yml). */
    public static final List<String> SMS_PROVIDERS = List.of("alpha", "beta");

    private final StackSettings settings;
    private final LocalProcesses processes;
    private final ServiceJars jars;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LocalServices(StackSettings settings, LocalProcesses processes) {
        this.settings = settings;
        this.processes = processes;
        this.jars = new ServiceJars(settings.javaExecutable(), Runtime.version().feature());
    }

    public static List<ServiceSpec> specs(StackSettings settings) {
        return List.of(
                new ServiceSpec("registration-service", "registration", settings.registrationPort(), List.of()),
                new ServiceSpec("agreement-service", "agreement", settings.agreementPort(),
                        List.of(Topics.REGISTRATION_EVENTS)),
                new ServiceSpec("notification-service", "notification", settings.notificationPort(),
                        List.of(Topics.REGISTRATION_EVENTS, Topics.AGREEMENT_EVENTS)));
    }

    public List<ServiceSpec> specs() {
        return specs(settings);
    }

    public boolean running(ServiceSpec service) {
        return processes.running(service.name()).isPresent();
    }

    /**
     * @param secrets the stack's generated secrets: {@code links}, {@code sms-alpha-callback}, {@code sms-beta-callback}
     */
    public void start(ServiceSpec service, String jdbcUrl, String dbPassword, String kafka, Map<String, String> secrets) {
        start(service, service.name(), jdbcUrl, dbPassword, kafka, secrets);
    }

    /**
     * Starts one more instance of a service (same jar, database and consumer group; {@code service} carries its own
     * port) as its own process: scaling out, as the fault suite's consumer-group rebalance does.
     *
     * @param processName its name for the pid file, the log and the command-line marker, e.g. notification-service-2
     */
    public void start(ServiceSpec service, String processName, String jdbcUrl, String dbPassword, String kafka,
                      Map<String, String> secrets) {
        if (processes.running(processName).isPresent()) {
            return;
        }
        Path jar = unpackedJar(service);
        // the cache lets the JVM map classes already loaded and linked instead of reading them: a third of the start
        List<String> cache = jars.aotCache(jar, jvmOptions()).map(file -> List.of("-XX:AOTCache=" + file))
                .orElse(List.of());
        processes.start(processName, command(processName, jar, cache),
                environment(service, jdbcUrl, dbPassword, kafka, secrets), settings.root(),
                LocalProcesses.MARKER + processName);
    }

    /** Whether this JVM trains and reads AOT caches: JDK 25 and later, unless {@code MADANG_AOT=off}. */
    public boolean aotAvailable(Map<String, String> environment) {
        return jars.aotAvailable(environment);
    }

    /** Whether the JVM can start {@code service} from an AOT cache trained for its current jar and JVM options. */
    public boolean hasAotCache(ServiceSpec service) {
        return jars.aotCache(unpackedJar(service), jvmOptions()).isPresent();
    }

    /**
     * Trains {@code service}'s AOT cache (see {@link ServiceJars#trainAotCache}): it refreshes its context against the
     * stack's database and broker, serves nothing, and exits. Its output goes to {@code <service>-aot.log}.
     */
    public boolean trainAotCache(ServiceSpec service, String jdbcUrl, String dbPassword, String kafka,
                                 Map<String, String> secrets, Duration timeout) {
        Path jar = unpackedJar(service);
        Map<String, String> environment = environment(service, jdbcUrl, dbPassword, kafka, secrets);
        environment.put("PORT", "0"); // it never serves, and its port may be taken
        return jars.trainAotCache(jar, jvmOptions(), command("aot-training-" + service.name(), jar, List.of()),
                environment, processes.logFile(service.name() + "-aot"), timeout).isPresent();
    }

    private List<String> jvmOptions() {
        return List.of(settings.serviceJavaOpts().trim().split("\\s+"));
    }

    private Path unpackedJar(ServiceSpec service) {
        return jars.unpack(executableJar(service));
    }

    /** The service's command line: the JVM, its options, {@code extraJvmOptions}, the jar and its arguments. */
    private List<String> command(String processName, Path jar, List<String> extraJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        command.addAll(jvmOptions());
        command.addAll(extraJvmOptions);
        command.addAll(List.of(
                LocalProcesses.MARKER + processName,
                "-Dfile.encoding=UTF-8",
                "-Duser.timezone=UTC",
                "-jar", jar.toString(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri(),
                "--madang.kafka.partitions=" + TopicPlan.PARTITIONS,
                // the pages' dev sign-in (pick a role and region): only ever on in the local stack
                "--madang.dev-sign-in.enabled=true",
                "--spring.output.ansi.enabled=never"));
        return command;
    }

    private Map<String, String> environment(ServiceSpec service, String jdbcUrl, String dbPassword, String kafka,
                                            Map<String, String> secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        // glibc gives each thread that allocates its own malloc arena (up to 8 per core, 64 MB reserved each); a
        // service's many threads (Tomcat, Kafka, senders) then keep tens of MB resident for nothing
        env.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        env.put("PORT", Integer.toString(service.port()));
        env.put("MADANG_DB_URL", jdbcUrl);
        env.put("MADANG_DB_USER", service.database());
        env.put("MADANG_DB_PASSWORD", dbPassword);
        env.put("MADANG_KAFKA", kafka);
        env.put("MADANG_LINKS_SECRET", secrets.get("links"));
        env.put("MADANG_PUBLIC_BASE_URL", settings.publicUrl(service.port()));
        // the ticket page (registration-service) links to the calendar files notification-service serves
        env.put("MADANG_NOTIFICATION_BASE_URL", settings.publicUrl(settings.notificationPort()));
        env.put("MADANG_JWK_SET_URI", jwkSetUri());
        // the services accept tokens of this issuer only: the dev token issuer names itself after its port
        env.put("MADANG_JWT_ISSUER", "http://localhost:" + settings.tokenPort());
        // notification-service: the SMTP sink, and both SMS providers served by the SMS sink under their own path
        env.put("MADANG_SMTP_HOST", "localhost");
        env.put("MADANG_SMTP_PORT", Integer.toString(settings.smtpPort()));
        for (String provider : SMS_PROVIDERS) {
            String prefix = "MADANG_SMS_" + provider.toUpperCase(java.util.Locale.ROOT);
            env.put(prefix + "_URL", settings.publicUrl(settings.smsPort()) + "/" + provider);
            env.put(prefix + "_KEY", "local-" + provider);
            env.put(prefix + "_CALLBACK_TOKEN", secrets.get("sms-" + provider + "-callback"));
        }
        // AlimTalk: the AlimTalk sink, served by the SMS sink under /alimtalk (NHN's own path prefix)
        env.put("MADANG_ALIMTALK_URL", settings.publicUrl(settings.smsPort()));
        if (secrets.get("alimtalk-callback") != null) {
            env.put("MADANG_ALIMTALK_CALLBACK_TOKEN", secrets.get("alimtalk-callback"));
        }
        return env;
    }

    private String jwkSetUri() {
        return settings.publicUrl(settings.tokenPort()) + "/.well-known/jwks.json";
    }

    /** Where the AlimTalk sink sends its reports: notification-service's AlimTalk callback endpoint. */
    public String alimTalkCallbackUrl() {
        return settings.publicUrl(settings.notificationPort()) + "/api/alimtalk/callbacks/nhn";
    }

    /** Where the SMS sink sends delivery reports: notification-service's callback endpoint. */
    public String smsCallbackUrlTemplate() {
        return settings.publicUrl(settings.notificationPort()) + "/api/sms/callbacks/{provider}";
    }

    public void stop(ServiceSpec service) {
        // SIGTERM: Spring shuts down gracefully (in-flight requests, Kafka consumers, the outbox relay)
        processes.stop(service.name(), "TERM", Duration.ofSeconds(45));
    }

    /** Readiness probe answers 200. */
    public boolean ready(ServiceSpec service) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(
                                    settings.publicUrl(service.port()) + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Path executableJar(ServiceSpec service) {
        Path target = settings.root().resolve(service.name()).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().startsWith(service.name() + "-")
                            && file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No executable jar of " + service.name() + " in "
                            + target + ": run ./madang build (or ./mvnw -DskipTests install)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
