package kr.madang.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessesTests {

    @TempDir
    Path dir;

    @Test
    void startsRecordsAndStopsAProcessByItsPid() throws Exception {
        LocalProcesses processes = new LocalProcesses(dir.resolve("run"), dir.resolve("logs"));
        ProcessHandle started = processes.start("sleeper", List.of("sh", "-c", "echo hello from sleeper; exec sleep 60"),
                Map.of(), dir, "sleep 60");

        // right after the fork the child may still show the parent's command line: wait for its exec
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(processes.running("sleeper")).map(ProcessHandle::pid)
                        .contains(started.pid()));
        assertThat(Files.readString(dir.resolve("run/sleeper.pid"))).startsWith(Long.toString(started.pid()));

        assertThat(processes.stop("sleeper", "TERM", Duration.ofSeconds(10))).isTrue();
        assertThat(started.isAlive()).isFalse();
        assertThat(processes.running("sleeper")).isEmpty();
        assertThat(Files.exists(dir.resolve("run/sleeper.pid"))).isFalse();
        assertThat(processes.tail("sleeper", 5)).contains("hello from sleeper");
    }

    @Test
    void startsProcessesWithTwoMallocArenasUnlessTheCallerSetsItsOwn() throws Exception {
        LocalProcesses processes = new LocalProcesses(dir.resolve("run"), dir.resolve("logs"));
        ProcessHandle defaulted = processes.start("arenas", List.of("sh", "-c", "echo arenas=$MALLOC_ARENA_MAX"),
                Map.of(), dir, "arenas");
        ProcessHandle chosen = processes.start("chosen", List.of("sh", "-c", "echo arenas=$MALLOC_ARENA_MAX"),
                Map.of("MALLOC_ARENA_MAX", "4"), dir, "chosen");
        defaulted.onExit().get();
        chosen.onExit().get();

        // an operator's own setting in the launcher's environment wins over the default
        assertThat(processes.tail("arenas", 5)).contains("arenas=" + System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        assertThat(processes.tail("chosen", 5)).contains("arenas=4");
    }

    @Test
    void neverTrustsAPidWhoseCommandLineIsNoLongerItsOwn() throws Exception {
        LocalProcesses processes = new LocalProcesses(dir.resolve("run"), dir.resolve("logs"));
        // our own pid, recorded with a marker this JVM's command line does not carry: a recycled pid
        processes.record("ghost", ProcessHandle.current().pid(), "-Dmadang.local=ghost-that-is-not-here");

        assertThat(processes.running("ghost")).isEmpty();
        assertThat(processes.stop("ghost", "TERM", Duration.ofSeconds(1))).isFalse();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }
}
