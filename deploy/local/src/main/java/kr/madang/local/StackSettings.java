package kr.madang.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its state and which ports it uses. Every port can be overridden by an environment
 * variable (documented in deploy/README.md); state lives under {@code .madang/} at the repository root.
 */
public record StackSettings(Path root, Path home, int registrationPort, int agreementPort, int notificationPort,
                            int kafkaPort, int kafkaControllerPort, int postgresPort, int smtpPort, int mailViewerPort,
                            int smsPort, int tokenPort, String serviceJavaOpts, String kafkaJavaOpts) {

    public static StackSettings fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("madang.root", ".")));
    }

    public static StackSettings from(Map<String, String> env, Path root) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path home = env.containsKey("MADANG_HOME") ? Path.of(env.get("MADANG_HOME")).toAbsolutePath()
                : absoluteRoot.resolve(".madang");
        return new StackSettings(absoluteRoot, home,
                port(env, "MADANG_REGISTRATION_PORT", 8081),
                port(env, "MADANG_AGREEMENT_PORT", 8082),
                port(env, "MADANG_NOTIFICATION_PORT", 8083),
                port(env, "MADANG_KAFKA_PORT", 9092),
                port(env, "MADANG_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "MADANG_POSTGRES_PORT", 15432),
                port(env, "MADANG_SMTP_PORT", 2525),
                port(env, "MADANG_MAIL_PORT", 8025),
                port(env, "MADANG_SMS_PORT", 8026),
                port(env, "MADANG_TOKEN_PORT", 8090),
                env.getOrDefault("MADANG_SERVICE_JAVA_OPTS", defaultServiceJavaOpts(Runtime.version().feature())),
                env.getOrDefault("MADANG_KAFKA_JAVA_OPTS", "-Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
    }

    /**
     * C1 only and a 128 MB heap: measured in issue 15, C2's compilations cost more CPU than they saved within minutes
     * and about 40 MB more resident memory. From JDK 25 objects have 8-byte headers (a product flag there, unknown to
     * JDK 21, which the services run on with the launcher's own JVM): notification-service's peak RSS under load went
     * from 344 to 316 MB with the heap limit lowered from 160 MB.
     */
    static String defaultServiceJavaOpts(int javaFeatureVersion) {
        return "-Xms64m -Xmx128m -Xss512k -XX:+UseSerialGC " + (javaFeatureVersion >= 25 ? "-XX:+UseCompactObjectHeaders " : "")
                + "-XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=48m";
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port (1-65535), not '" + value + "'");
        }
    }

    public Path runDir() {
        return home.resolve("run");
    }

    public Path logDir() {
        return home.resolve("logs");
    }

    /** The runtime classpath of the launcher module (also the broker's: kafka_2.13 and its dependencies). */
    public String launcherClasspath() {
        Path target = root.resolve("deploy/local/target");
        return target.resolve("madang-local.jar") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
    }

    public Path javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java : Path.of("java");
    }

    public String publicUrl(int port) {
        return "http://localhost:" + port;
    }
}
