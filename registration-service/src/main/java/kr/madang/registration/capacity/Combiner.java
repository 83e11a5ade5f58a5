package kr.madang.registration.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit per key (here: per forum event). Why: every registration of one event must update that event's one
 * row (seat counters, aggregate version), and a transaction holds the row's lock until it commits, so one transaction
 * per request can never go faster than one commit after another on that row. Instead, concurrent requests for the
 * same key queue up here; the first caller to find nobody working becomes the leader and hands everything queued (up
 * to {@code maxBatch}, in arrival order) to the {@link Processor} as one batch, i.e. one transaction. A lone request
 * leads its own batch of one at once: no added latency. Once its own request is answered, a leader passes the lead to
 * the first still waiting, so no caller keeps working for others for long. Different keys never wait for each other.
 * Plain Java, no Spring: the unit tests drive it with threads.
 */
public final class Combiner<K, T, R> {

    /** Processes one batch; must complete every item (with a result or an exception). */
    @FunctionalInterface
    public interface Processor<K, T, R> {
        void process(K key, List<Item<T, R>> batch);
    }

    /** One queued request and the answer its caller waits for. */
    public static final class Item<T, R> {
        private final T request;
        private final CompletableFuture<R> done = new CompletableFuture<>();
        private final CompletableFuture<Void> lead = new CompletableFuture<>();

        Item(T request) {
            this.request = request;
        }

        public T request() {
            return request;
        }

        public void complete(R result) {
            done.complete(result);
        }

        public void fail(Throwable failure) {
            done.completeExceptionally(failure);
        }

        public boolean isDone() {
            return done.isDone();
        }
    }

    private static final class Lane<T, R> {
        final Queue<Item<T, R>> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean leading = new AtomicBoolean();
    }

    private final ConcurrentHashMap<K, Lane<T, R>> lanes = new ConcurrentHashMap<>();
    private final int maxBatch;
    private final Processor<K, T, R> processor;

    public Combiner(int maxBatch, Processor<K, T, R> processor) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.processor = processor;
    }

    /** Queues the request, takes part in the work when it is this caller's turn, and returns its own answer. */
    public R submit(K key, T request) {
        Lane<T, R> lane = lanes.computeIfAbsent(key, k -> new Lane<>());
        Item<T, R> mine = new Item<>(request);
        lane.queue.add(mine);
        if (lane.leading.compareAndSet(false, true)) {
            lead(key, lane, mine);
        } else {
            CompletableFuture.anyOf(mine.done, mine.lead).handle((result, failure) -> null).join();
            if (!mine.done.isDone()) {
                lead(key, lane, mine); // the previous leader passed the lead to this caller
            }
        }
        try {
            return mine.done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Called holding the lane's lead; returns having handed it on or released it. */
    private void lead(K key, Lane<T, R> lane, Item<T, R> mine) {
        while (true) {
            List<Item<T, R>> batch = new ArrayList<>(Math.min(maxBatch, 64));
            for (Item<T, R> next; batch.size() < maxBatch && (next = lane.queue.poll()) != null; ) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                run(key, batch);
            }
            if (!mine.isDone()) {
                continue;
            }
            Item<T, R> waiting = lane.queue.peek();
            if (waiting != null) {
                waiting.lead.complete(null); // only the leader polls, so it is still queued and takes over
                return;
            }
            lane.leading.set(false);
            // A request queued just before the release found the lead taken and is waiting: take it back for it.
            if (lane.queue.isEmpty() || !lane.leading.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void run(K key, List<Item<T, R>> batch) {
        try {
            processor.process(key, batch);
        } catch (RuntimeException | Error e) {
            batch.forEach(item -> item.fail(e));
        }
        for (Item<T, R> item : batch) {
            if (!item.isDone()) {
                item.fail(new IllegalStateException("The batch left a request unanswered"));
            }
        }
    }
}
