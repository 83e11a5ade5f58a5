package kr.madang.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kr.madang.local.devtools.FreePorts;
import kr.madang.local.process.LocalProcesses;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForegroundStopTests {

    @TempDir
    Path dir;

    @Test
    void stopFromAnotherTerminalEndsAForegroundUpThroughItsShutdownHook() throws Exception {
        Path home = dir.resolve("home");
        StackSettings settings = StackSettings.from(Map.of("MADANG_HOME", home.toString(),
                "MADANG_TOKEN_PORT", Integer.toString(FreePorts.next())), dir);
        LocalProcesses processes = new LocalProcesses(settings.runDir(), settings.logDir());
        Path hookRan = dir.resolve("hook-ran");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a unique start time, as madang.sh passes it: the marker that identifies this launcher's pid
        ProcessHandle launcher = processes.start("stand-in", List.of(java, "-Xmx32m",
                        "-Dmadang.startedAt=" + System.nanoTime(), "-cp", System.getProperty("java.class.path"),
                        ForegroundLauncherStandIn.class.getName(), settings.runDir().toString(),
                        settings.logDir().toString(), hookRan.toString()),
                Map.of(), dir, ForegroundLauncherStandIn.class.getName());
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> processes.running(MadangLocal.LAUNCHER).map(ProcessHandle::pid).orElse(-1L) == launcher.pid());

        int exit = new MadangLocal(settings).stop();

        assertThat(exit).isZero();
        assertThat(launcher.isAlive()).as("the foreground launcher has ended").isFalse();
        assertThat(hookRan).as("it ended through its shutdown hook, which stops the stack").exists();
        assertThat(processes.running(MadangLocal.LAUNCHER)).isEmpty();
        assertThat(Files.exists(settings.runDir().resolve(MadangLocal.LAUNCHER + ".pid"))).isFalse();
    }
}
