package kr.madang.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting the launcher's own files: state it wipes, copies it replaces, temporary files it leaves. */
public final class LocalFiles {

    private LocalFiles() {
    }

    /** Deletes {@code root} and everything under it; nothing happens when it does not exist. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }

    /** Deletes a file that may be gone already; a leftover is harmless, so a failure is ignored. */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next run replaces or ignores it
        }
    }
}
