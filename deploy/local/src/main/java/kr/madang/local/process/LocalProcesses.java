package kr.madang.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the stack's processes detached from the terminal (own session, so Ctrl-C reaches only the launcher, which
 * then stops them in order), records each pid under {@code .madang/run/<name>.pid}, and stops them by that pid.
 * A pid is only trusted while its command line still carries the marker it was started with, so a recycled pid
 * never gets killed.
 */
public final class LocalProcesses {

    /** System property every JVM of the stack is started with: {@code -Dmadang.local=<name>}. */
    public static final String MARKER = "-Dmadang.local=";

    private final Path runDir;
    private final Path logDir;

    public LocalProcesses(Path runDir, Path logDir) {
        this.runDir = runDir;
        this.logDir = logDir;
        try {
            Files.createDirectories(runDir);
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path logFile(String name) {
        return logDir.resolve(name + ".log");
    }

    /**
     * Starts {@code command} as process {@code name}, appending its output to its log file.
     *
     * @param marker text its command line will contain (checked before it is ever signalled)
     */
    public ProcessHandle start(String name, List<String> command, Map<String, String> environment, Path workDir,
                               String marker) {
        List<String> full = new ArrayList<>();
        if (setsidAvailable()) {
            full.add("setsid");
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(name).toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        // glibc gives each thread that allocates its own 64 MB malloc arena: with Kafka clients, Tomcat and virtual
        // thread carriers that was 20-30 MB of a service's RSS (issue 15's 300 MB goal); two arenas are plenty here
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        try {
            appendLog(name, "---- starting " + name + " at " + java.time.OffsetDateTime.now() + "\n");
            Process process = builder.start();
            record(name, process.pid(), marker);
            return process.toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Records a process this launcher did not fork itself (PostgreSQL's postmaster). */
    public void record(String name, long pid, String marker) {
        try {
            Files.writeString(pidFile(name), pid + "\n" + marker + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live process recorded under {@code name}, if its pid still belongs to it. */
    public Optional<ProcessHandle> running(String name) {
        Path file = pidFile(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.getFirst().trim());
            String marker = lines.size() > 1 ? lines.get(1).trim() : "";
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> marker.isEmpty() || commandLine(handle).contains(marker));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the process recorded under {@code name}: {@code signal} first (TERM, or INT for PostgreSQL's fast
     * shutdown), then KILL if it has not gone within {@code grace}. Removes its pid file.
     *
     * @return whether a live process was found
     */
    public boolean stop(String name, String signal, Duration grace) {
        Optional<ProcessHandle> process = running(name);
        process.ifPresent(handle -> {
            signal(handle.pid(), signal);
            if (!awaitExit(handle, grace)) {
                System.out.println("  " + name + " (pid " + handle.pid() + ") did not stop within " + grace.toSeconds()
                        + " s; killing it");
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
                awaitExit(handle, Duration.ofSeconds(10));
            }
        });
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException ignored) {
            // a stale pid file is harmless: the marker check ignores it
        }
        return process.isPresent();
    }

    public static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !handle.isAlive();
        } catch (Exception e) {
            return !handle.isAlive();
        }
    }

    /** The last lines of a process's log, to show why it failed. */
    public String tail(String name, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile(name), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log at " + logFile(name) + ")";
        }
    }

    private void appendLog(String name, String text) throws IOException {
        Files.writeString(logFile(name), text, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private Path pidFile(String name) {
        return runDir.resolve(name + ".pid");
    }

    private static String commandLine(ProcessHandle handle) {
        return handle.info().commandLine().orElseGet(() -> {
            // ProcessHandle.Info can be empty for another session's process; /proc has it on Linux
            try {
                return new String(Files.readAllBytes(Path.of("/proc", Long.toString(handle.pid()), "cmdline")),
                        StandardCharsets.UTF_8).replace('\0', ' ');
            } catch (IOException e) {
                return "";
            }
        });
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean setsidAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "setsid"))) {
                return true;
            }
        }
        return false;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
