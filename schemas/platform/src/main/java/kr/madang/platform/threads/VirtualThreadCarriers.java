package kr.madang.platform.threads;

/**
 * Enough carrier threads for the virtual threads every service runs on (requests, Kafka listeners, sends).
 * <p>
 * Why: by default there is one carrier per core, two on the machines Madang runs on. A virtual thread that runs a
 * class initializer stays pinned to its carrier, also while it waits for a lock. The fault suite caught
 * notification-service stopped for good: two virtual threads pinned in class initializers (Avro's {@code GenericData},
 * Jackson's {@code GeneratorBase}) waited for the lock of Spring Boot's nested jar, held by a third virtual thread
 * that had been unmounted and could not get a carrier back, both being taken. More carriers than threads that can be
 * pinned at once make that wait end. Set before the first virtual thread exists (the scheduler reads it once);
 * an operator's own {@code -Djdk.virtualThreadScheduler.parallelism} wins.
 */
public final class VirtualThreadCarriers {

    public static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

    /** At least this many carriers, however few cores. */
    static final int MINIMUM = 16;

    private VirtualThreadCarriers() {
    }

    /** Call first thing in {@code main}. */
    public static void ensureEnough() {
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, Integer.toString(carriersFor(Runtime.getRuntime().availableProcessors())));
        }
    }

    static int carriersFor(int cores) {
        return Math.max(MINIMUM, 4 * cores);
    }
}
