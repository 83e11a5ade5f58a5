package kr.madang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import kr.madang.local.process.LocalProcesses;

/**
 * CPU time of every process of the stack, from the kernel's accounting ({@code /proc/<pid>/stat}: utime + stime, in
 * clock ticks of {@code getconf CLK_TCK}). A process counts with all its descendants (PostgreSQL: the postmaster and
 * its backends). The processes are the ones {@code ./madang} recorded under its run directory, plus the load
 * generator itself.
 */
final class CpuMeter {

    static final String LOAD_GENERATOR = "bench (load generator)";

    private final LocalProcesses processes;
    private final Path runDir;
    private final long ticksPerSecond = clockTicks();

    CpuMeter(LocalProcesses processes, Path runDir) {
        this.processes = processes;
        this.runDir = runDir;
    }

    /** The stack's processes by name, in the order of their pid files' names, then the load generator. */
    Map<String, ProcessHandle> stack() {
        Map<String, ProcessHandle> found = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(runDir, "*.pid")) {
            for (Path p : pids) {
                String f = p.getFileName().toString();
                names.add(f.substring(0, f.length() - ".pid".length()));
            }
        } catch (IOException e) {
            // no run directory: only the load generator is measured
        }
        names.sort(String::compareTo);
        for (String name : names) {
            processes.running(name).ifPresent(h -> found.put(name, h));
        }
        found.put(LOAD_GENERATOR, ProcessHandle.current());
        return found;
    }

    /** CPU milliseconds so far of each process of the stack, its descendants included. */
    Map<String, Double> snapshot() {
        Map<String, Double> ms = new LinkedHashMap<>();
        Map<String, ProcessHandle> stack = stack();
        java.util.Set<Long> recorded = new java.util.HashSet<>();
        stack.values().forEach(h -> recorded.add(h.pid()));
        stack.forEach((name, h) -> ms.put(name, tree(h, recorded) * 1000.0 / ticksPerSecond));
        return ms;
    }

    /**
     * Ticks of a process and its descendants, stopping at descendants that are measured under their own name (the
     * bench restarts notification-service as its child; a foreground launcher is every service's parent).
     */
    private static long tree(ProcessHandle h, java.util.Set<Long> recorded) {
        long sum = ticks(h.pid());
        for (ProcessHandle child : h.children().toList()) {
            if (!recorded.contains(child.pid())) {
                sum += tree(child, recorded);
            }
        }
        return sum;
    }

    /** CPU milliseconds per registration of each process between two snapshots, and the total last. */
    static Map<String, Double> perRegistration(Map<String, Double> before, Map<String, Double> after, long registrations) {
        Map<String, Double> per = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double spent = Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0.0));
            double each = registrations == 0 ? Double.NaN : spent / registrations;
            per.put(e.getKey(), each);
            total += each;
        }
        per.put("total", total);
        return per;
    }

    static String format(Map<String, Double> per) {
        StringBuilder s = new StringBuilder();
        per.forEach((name, ms) -> s.append(s.isEmpty() ? "" : ", ").append(String.format("%s %.2f ms", name, ms)));
        return s.toString();
    }

    /** The JVM flags (-X…, -XX:…) on each process's command line; "not a JVM" for the others. */
    Map<String, String> jvmFlags() {
        Map<String, String> flags = new LinkedHashMap<>();
        stack().forEach((name, h) -> {
            try {
                String[] args = new String(Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "cmdline")),
                        StandardCharsets.UTF_8).split("\0");
                boolean java = args.length > 0 && args[0].endsWith("java");
                String jvm = Stream.of(args).filter(a -> a.startsWith("-X") || a.startsWith("-server"))
                        .reduce((a, b) -> a + " " + b).orElse("");
                flags.put(name, java ? (jvm.isEmpty() ? "(JVM defaults)" : jvm)
                        : "not a JVM: " + Path.of(args[0]).getFileName());
            } catch (IOException e) {
                flags.put(name, "(gone)");
            }
        });
        return flags;
    }

    /**
     * CPU milliseconds the whole machine has been busy (user, nice, system, irq, softirq, steal of {@code /proc/stat}'s
     * first line): with the stack's own share taken out, what else ran on these cores while the bench measured.
     */
    double machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy * 1000.0 / ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU the machine spent outside the measured processes over a period: other processes, kernel threads, steal. */
    record Outside(double milliseconds, double seconds, int cores) {

        static Outside between(Map<String, Double> stackBefore, double busyBefore, Map<String, Double> stackAfter,
                               double busyAfter, double seconds) {
            double stack = 0;
            for (Map.Entry<String, Double> e : stackAfter.entrySet()) {
                stack += Math.max(0, e.getValue() - stackBefore.getOrDefault(e.getKey(), 0.0));
            }
            return new Outside(Math.max(0, busyAfter - busyBefore - stack), seconds,
                    Runtime.getRuntime().availableProcessors());
        }

        /** Share of all cores' time over the period, in percent. */
        double percentOfMachine() {
            return 100 * milliseconds / (seconds * 1000 * cores);
        }

        /** More than a tenth of the machine went elsewhere: the figures of this period understate the stack. */
        boolean disturbed() {
            return percentOfMachine() > 10;
        }

        String describe() {
            return String.format("%.1f %% of the machine's %d cores went to processes outside the stack, kernel threads "
                    + "or steal%s", percentOfMachine(), cores, disturbed() ? " (more than 10 %: this period's figures "
                    + "understate the stack; run again on a quieter machine)" : "");
        }
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces: state is field 3
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime (14), stime (15), and cutime (16), cstime (17): children that ended and were waited for (a
            // PostgreSQL backend that closed), which no live descendant counts any more
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0; // gone between listing and reading
        }
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
