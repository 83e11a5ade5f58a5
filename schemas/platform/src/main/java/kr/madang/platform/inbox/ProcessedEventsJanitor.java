package kr.madang.platform.inbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Forgets deliveries older than the dedup window once an hour, so the guard table stays small. The window must
 * exceed the longest a record can be redelivered (topic retention, dead-letter replays): 30 days by default.
 * Harmless when several instances run it at once.
 */
public class ProcessedEventsJanitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsJanitor.class);

    private final ProcessedEvents processedEvents;
    private final Duration window;
    private ScheduledExecutorService executor;

    public ProcessedEventsJanitor(ProcessedEvents processedEvents, Duration window) {
        this.processedEvents = processedEvents;
        this.window = window;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("processed-events-janitor").daemon().factory());
        executor.scheduleWithFixedDelay(this::sweep, 1, 60, TimeUnit.MINUTES);
    }

    void sweep() {
        try {
            int forgotten = processedEvents.forgetOlderThan(window);
            if (forgotten > 0) {
                log.info("Forgot {} processed-event records older than {}", forgotten, window);
            }
        } catch (RuntimeException e) {
            log.warn("Could not sweep processed events: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
