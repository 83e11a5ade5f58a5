package kr.madang.local.services;

import static kr.madang.local.LocalFiles.deleteQuietly;
import static kr.madang.local.LocalFiles.deleteTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How a service's JVM is started fast: from its executable jar unpacked once per build, and from the JVM's AOT cache
 * of that unpacked jar (JDK 25 and later).
 * <p>
 * Measured on 2 cores (registration-service to readiness, wall and CPU): the executable jar 15.3 s and 18.7 s; unpacked
 * 9.5 s and 12.0 s (nested jars are read through Spring Boot's own loader); unpacked with the AOT cache 5.3 s and 7.0 s.
 * The cache costs one training run per service and build (27 s for one alone on 2 cores, 66 s for the three side by
 * side on a fresh stack, its migrations included) and 2 to 5 MB of resident memory;
 * a service's CPU per request under load is the same with and without it.
 *
 * @param javaExecutable     the JVM the services run on (it unpacks the jars too)
 * @param javaFeatureVersion its version: the AOT cache needs 25 or later
 */
public record ServiceJars(Path javaExecutable, int javaFeatureVersion) {

    /** Where a service's unpacked jar lives, beside the build output it comes from: {@code mvn clean} removes both. */
    static final String UNPACKED = "unpacked";
    private static final String STAMP = ".source";

    /** The AOT cache is on unless {@code MADANG_AOT=off}, and only where the JVM has one (JDK 25's one-step training). */
    public boolean aotAvailable(Map<String, String> environment) {
        return javaFeatureVersion >= 25 && !"off".equalsIgnoreCase(environment.getOrDefault("MADANG_AOT", "on").trim());
    }

    /**
     * The plain jar of {@code executableJar} unpacked by Spring Boot's jar tools, unpacked again when the executable jar
     * changed (its size or time differs from the stamp). A new copy is unpacked beside the old and moved in whole, so a
     * second launcher at the same time sees either copy complete.
     */
    public Path unpack(Path executableJar) {
        Path target = executableJar.resolveSibling(UNPACKED);
        String source = stampOf(executableJar);
        Path jar = target.resolve(executableJar.getFileName());
        if (source.equals(readStamp(target)) && Files.isRegularFile(jar)) {
            return jar;
        }
        Path fresh = executableJar.resolveSibling(UNPACKED + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Path log = fresh.resolveSibling(fresh.getFileName() + ".log");
        try {
            try {
                run(List.of(javaExecutable.toString(), "-Djarmode=tools", "-jar", executableJar.toString(), "extract",
                        "--destination", fresh.toString()), Map.of(), log, Duration.ofMinutes(2),
                        "unpacking " + executableJar.getFileName());
            } catch (IllegalStateException failed) {
                throw new IllegalStateException(failed.getMessage() + ": " + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Files.writeString(fresh.resolve(STAMP), source, StandardCharsets.UTF_8);
            deleteTree(target);
            try {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                // another launcher moved its copy in first: the same jar, so use it
                deleteTree(fresh);
            }
            if (!source.equals(readStamp(target))) {
                throw new IllegalStateException("Unpacked " + executableJar.getFileName() + " changed while starting");
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + executableJar, e);
        } finally {
            deleteQuietly(log);
            deleteTree(fresh);
        }
    }

    /** The AOT cache trained for {@code unpackedJar} with these JVM options, when there is one and this JVM reads it. */
    public Optional<Path> aotCache(Path unpackedJar, List<String> jvmOptions) {
        Path cache = aotCacheFile(unpackedJar, jvmOptions);
        return javaFeatureVersion >= 25 && Files.isRegularFile(cache) ? Optional.of(cache) : Optional.empty();
    }

    /**
     * The cache's file. A cache holds for the JVM options it was trained with (collector, object headers, heap
     * layout), so the name carries a hash of the {@code -X} options; {@code -D} properties do not matter to it.
     */
    static Path aotCacheFile(Path unpackedJar, List<String> jvmOptions) {
        String layout = String.join(" ", jvmOptions.stream().filter(option -> option.startsWith("-X")).toList());
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(layout.getBytes(StandardCharsets.UTF_8));
            return unpackedJar.resolveSibling("jvm-" + HexFormat.of().formatHex(digest, 0, 6) + ".aot");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Trains the AOT cache: the service starts with {@code command} (its own JVM options and arguments), Spring
     * refreshes its context (every bean, the database migrations, the topics) and the JVM exits before it serves
     * anything ({@code spring.context.exit=onRefresh}); the JVM then writes the classes it loaded and linked, and
     * their profiles. The cache is moved into place only when the training ended well.
     *
     * @param command the java executable, the JVM options, then {@code -jar} and the arguments, as the service starts
     * @return the cache, or empty when the training failed (its log says why); the service then starts without it
     */
    public Optional<Path> trainAotCache(Path unpackedJar, List<String> jvmOptions, List<String> command,
                                        Map<String, String> environment, Path log, Duration timeout) {
        Path cache = aotCacheFile(unpackedJar, jvmOptions);
        Path training = cache.resolveSibling(cache.getFileName() + ".training-" + ProcessHandle.current().pid());
        List<String> trainingCommand = new ArrayList<>(command.subList(0, 1));
        trainingCommand.add("-XX:AOTCacheOutput=" + training);
        trainingCommand.add("-Dspring.context.exit=onRefresh");
        trainingCommand.addAll(command.subList(1, command.size()));
        try {
            run(trainingCommand, environment, log, timeout, "training the AOT cache");
            if (!Files.isRegularFile(training) || Files.size(training) == 0) {
                return Optional.empty();
            }
            Files.move(training, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(cache);
        } catch (IOException | RuntimeException e) {
            appendQuietly(log, "AOT cache not written: " + e.getMessage() + "\n");
            return Optional.empty();
        } finally {
            deleteQuietly(training);
            deleteQuietly(training.resolveSibling(training.getFileName() + ".config"));
        }
    }

    private static void run(List<String> command, Map<String, String> environment, Path log, Duration timeout,
                            String what) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        // Ctrl-C on ./madang up ends a training too, as it ends every process the launcher started
        Thread endWithLauncher = new Thread(process::destroyForcibly, "end-" + what.replace(' ', '-'));
        Runtime.getRuntime().addShutdownHook(endWithLauncher);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(what + " took longer than " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(endWithLauncher);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway: the process has ended
            }
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed with exit code " + process.exitValue());
        }
    }

    private static String stampOf(Path file) {
        try {
            return Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readStamp(Path unpacked) {
        try {
            return Files.readString(unpacked.resolve(STAMP), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void appendQuietly(Path log, String line) {
        try {
            Files.writeString(log, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is a courtesy; the caller already knows the training failed
        }
    }
}
