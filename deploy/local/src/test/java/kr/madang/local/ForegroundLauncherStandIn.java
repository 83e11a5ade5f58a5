package kr.madang.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import kr.madang.local.process.LocalProcesses;

/**
 * Stands in for a foreground {@code ./madang up} in its own JVM: records itself exactly as the launcher does, and on
 * SIGTERM runs a shutdown hook (where the real launcher stops the stack) that leaves a file behind.
 * Arguments: run dir, log dir, the file the hook writes.
 */
public final class ForegroundLauncherStandIn {

    private ForegroundLauncherStandIn() {
    }

    public static void main(String[] args) throws Exception {
        LocalProcesses processes = new LocalProcesses(Path.of(args[0]), Path.of(args[1]));
        Path stoppedFile = Path.of(args[2]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(stoppedFile, "stopped the stack");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        MadangLocal.recordForeground(processes);
        new CountDownLatch(1).await();
    }
}
