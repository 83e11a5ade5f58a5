package kr.madang.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The closed-loop figure reproduced by an independent tool: {@code wrk} with deploy/bench/register.lua, the same
 * connections and duration as the bench's own closed loop (the command is in deploy/bench/README.md).
 */
final class Wrk {

    record Result(String command, double requestsPerSecond, long non2xx, String output) {
        boolean ran() {
            return !Double.isNaN(requestsPerSecond);
        }

        double ratio(double benchRate) {
            return requestsPerSecond / benchRate;
        }

        boolean agrees(double benchRate) {
            return ran() && Math.abs(ratio(benchRate) - 1) <= 0.20;
        }

        String describe(double benchRate) {
            if (!ran()) {
                return "not run (" + output + ")";
            }
            return String.format("%,.0f requests/s (%d non-2xx) vs the bench's %,.0f/s: ratio %.2f, %s", requestsPerSecond,
                    non2xx, benchRate, ratio(benchRate), agrees(benchRate) ? "agree within 20 %" : "DO NOT agree within 20 %");
        }
    }

    static Result run(String baseUrl, String token, List<UUID> events, int connections, Duration duration, Path script,
                      String run) {
        String wrk = onPath("wrk");
        if (wrk == null) {
            return new Result("", Double.NaN, 0, "wrk is not on PATH");
        }
        int threads = Math.min(2, connections);
        List<String> command = List.of(wrk, "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "-s", script.toString(), baseUrl);
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("MADANG_TOKEN", token);
            pb.environment().put("MADANG_EVENTS", events.stream().map(UUID::toString).collect(Collectors.joining(",")));
            pb.environment().put("MADANG_RUN", run);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
            Matcher bad = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(out);
            return new Result(String.join(" ", command), rps.find() ? Double.parseDouble(rps.group(1)) : Double.NaN,
                    bad.find() ? Long.parseLong(bad.group(1)) : 0, out.trim());
        } catch (IOException e) {
            return new Result(String.join(" ", command), Double.NaN, 0, "wrk failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(String.join(" ", command), Double.NaN, 0, "interrupted");
        }
    }

    private static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}
