package kr.madang.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTests {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final List<String> OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final ServiceJars jars = new ServiceJars(JAVA, Runtime.version().feature());

    @TempDir
    Path dir;

    @Test
    void unpacksAServiceJarOnceAndAgainOnlyWhenTheJarChanged() throws Exception {
        Path executable = Files.copy(agreementServiceExecutableJar(), dir.resolve("agreement-service-1-exec.jar"));

        Path plain = jars.unpack(executable);

        assertThat(plain).isEqualTo(dir.resolve("unpacked/agreement-service-1-exec.jar")).isRegularFile();
        // a plain jar whose manifest names its libraries, which lie beside it: what the AOT cache needs
        try (var jar = new java.util.jar.JarFile(plain.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path")).contains("lib/");
        }
        try (Stream<Path> libraries = Files.list(dir.resolve("unpacked/lib"))) {
            assertThat(libraries.filter(file -> file.getFileName().toString().startsWith("spring-boot-"))).isNotEmpty();
        }
        // a file only the first copy holds tells the copies apart
        Path firstCopy = Files.writeString(dir.resolve("unpacked/first-copy"), "");

        assertThat(jars.unpack(executable)).isEqualTo(plain);
        assertThat(firstCopy).as("the same build is not unpacked again").exists();

        Files.setLastModifiedTime(executable, FileTime.fromMillis(Files.getLastModifiedTime(executable).toMillis() - 60_000));
        assertThat(jars.unpack(executable)).isEqualTo(plain).isRegularFile();
        assertThat(firstCopy).as("a rebuilt jar is unpacked again").doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(file -> file.getFileName().toString()))
                    .as("no half-unpacked copy left beside it").containsExactlyInAnyOrder("agreement-service-1-exec.jar", "unpacked");
        }
    }

    @Test
    void aCacheIsTrainedThenReadByTheJvmAndNamedAfterTheOptionsThatShapeIt() throws Exception {
        assertThat(jars.aotAvailable(Map.of())).as("the suite runs on JDK 25").isTrue();
        Path jar = appJar(dir.resolve("app.jar"), Exits.class);
        List<String> command = command(jar, "0");
        Path log = dir.resolve("training.log");

        assertThat(jars.aotCache(jar, OPTIONS)).isEmpty();
        var trained = jars.trainAotCache(jar, OPTIONS, command, Map.of(), log, Duration.ofMinutes(2));

        assertThat(trained).contains(ServiceJars.aotCacheFile(jar, OPTIONS));
        assertThat(jars.aotCache(jar, OPTIONS)).isEqualTo(trained);
        assertThat(Files.readString(log)).contains("AOTCache creation is complete");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(file -> file.getFileName().toString()))
                    .as("the training's own files are gone").noneMatch(name -> name.contains(".training-"));
        }
        // the JVM maps the cache when started as the services are
        List<String> reading = new ArrayList<>(List.of(JAVA.toString(), "-XX:AOTCache=" + trained.orElseThrow(),
                "-Xlog:aot=info"));
        reading.addAll(command.subList(1, command.size()));
        String output = run(reading);
        assertThat(output).contains("Opened AOT cache").contains("ran with 0");

        // another collector or heap shape needs its own cache; a system property does not
        assertThat(ServiceJars.aotCacheFile(jar, List.of("-Xmx64m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1")))
                .isNotEqualTo(trained.orElseThrow());
        List<String> withProperty = new ArrayList<>(OPTIONS);
        withProperty.add("-Dmadang.notification.quiet-hours.start=00:00");
        assertThat(ServiceJars.aotCacheFile(jar, withProperty)).isEqualTo(trained.orElseThrow());
        assertThat(jars.aotCache(jar, List.of("-Xmx64m", "-XX:+UseParallelGC"))).isEmpty();
    }

    @Test
    void aTrainingThatFailsLeavesNoCacheAndSaysWhy() throws Exception {
        Path jar = appJar(dir.resolve("app.jar"), Exits.class);
        Path log = dir.resolve("training.log");

        var trained = jars.trainAotCache(jar, OPTIONS, command(jar, "3"), Map.of(), log, Duration.ofMinutes(2));

        assertThat(trained).isEmpty();
        assertThat(jars.aotCache(jar, OPTIONS)).isEmpty();
        assertThat(Files.readString(log)).contains("AOT cache not written: training the AOT cache failed with exit code 3");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("app.jar", "training.log");
        }
    }

    @Test
    void theCacheIsOffWhereAsked() {
        assertThat(jars.aotAvailable(Map.of("MADANG_AOT", "off"))).isFalse();
        assertThat(jars.aotAvailable(Map.of("MADANG_AOT", " OFF "))).isFalse();
        assertThat(jars.aotAvailable(Map.of("MADANG_AOT", "on"))).isTrue();
        assertThat(new ServiceJars(JAVA, 21).aotAvailable(Map.of())).as("JDK 21 has no AOT cache").isFalse();
    }

    /** The stand-in application: loads a few JDK classes (something for the cache to hold) and exits as told. */
    public static final class Exits {
        public static void main(String[] args) {
            var words = new java.util.TreeMap<String, Integer>();
            for (String word : "madang forum registration agreement".split(" ")) {
                words.merge(word, word.length(), Integer::sum);
            }
            System.out.println("ran with " + args[0] + " " + words.size());
            System.exit(Integer.parseInt(args[0]));
        }
    }

    private static List<String> command(Path jar, String exitCode) {
        List<String> command = new ArrayList<>();
        command.add(JAVA.toString());
        command.addAll(OPTIONS);
        command.addAll(List.of("-jar", jar.toString(), exitCode));
        return command;
    }

    /** A plain executable jar of one class: the AOT cache reads classes from jars only, not from directories. */
    private static Path appJar(Path jar, Class<?> main) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        String entry = main.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             InputStream bytes = main.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static Path agreementServiceExecutableJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../../agreement-service/target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("agreement-service's executable jar is built before this module"));
        }
    }
}
