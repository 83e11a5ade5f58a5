package kr.madang.notification.dispatch;

import kr.madang.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the dispatcher in the background: claims whenever a send slot is free and messages are due, immediately when new
 * messages commit, otherwise every poll interval (for retries that come due and rows other instances queued).
 */
public class DispatcherLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatcherLoop.class);

    private final Dispatcher dispatcher;
    private final DispatchSignal signal;
    private final NotificationProperties.Dispatch settings;
    private volatile boolean running;
    private Thread thread;

    public DispatcherLoop(Dispatcher dispatcher, DispatchSignal signal, NotificationProperties.Dispatch settings) {
        this.dispatcher = dispatcher;
        this.signal = signal;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("dispatcher").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                dispatcher.dispatchDue();
                // sends run on in the background: claim again as soon as a slot frees, wait only when nothing more was due
                // (a signal given meanwhile is kept, so a message committed during the round is not left to the poll)
                if (dispatcher.nothingMoreDue()) {
                    signal.await(settings.poll().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Dispatch round failed: {}", e.toString());
                try {
                    signal.await(settings.poll().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            signal.wake();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dispatcher.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and Kafka go, after the listeners. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
