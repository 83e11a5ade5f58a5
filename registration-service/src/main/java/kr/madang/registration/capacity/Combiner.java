package kr.madang.registration.capacity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
        private static final int WAITING = 0, LEAD_GIVEN = 1, WITHDRAWN = 2;

        private final T request;
        private final CompletableFuture<R> done = new CompletableFuture<>();
        private final CompletableFuture<Void> lead = new CompletableFuture<>();
        // decides the race between a leader handing this item the lead and its caller giving up waiting
        private final AtomicInteger state = new AtomicInteger(WAITING);

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

    /** A request that waited longer than the combiner's patience while still queued: it was not processed at all. */
    public static final class WaitedTooLong extends RuntimeException {
        public WaitedTooLong(Duration waited) {
            super("Queued for more than " + waited.toMillis() + " ms behind other requests for the same key", null,
                    false, false);
        }
    }

    private static final class Lane<T, R> {
        final Queue<Item<T, R>> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean leading = new AtomicBoolean();
    }

    private final ConcurrentHashMap<K, Lane<T, R>> lanes = new ConcurrentHashMap<>();
    private final int maxBatch;
    private final Duration patience;
    private final Processor<K, T, R> processor;

    public Combiner(int maxBatch, Processor<K, T, R> processor) {
        this(maxBatch, Duration.ofSeconds(10), processor);
    }

    /**
     * @param patience how long a request waits in the queue before it gives up (unprocessed, so nothing is written);
     *                 once its batch has started it waits for the batch, whose own database timeouts bound it
     */
    public Combiner(int maxBatch, Duration patience, Processor<K, T, R> processor) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.patience = patience;
        this.processor = processor;
    }

    /** Queues the request, takes part in the work when it is this caller's turn, and returns its own answer. */
    public R submit(K key, T request) {
        return submit(key, () -> request);
    }

    /**
     * Like {@link #submit(Object, Object)}, with the request made at the moment it takes its place in line (under
     * the lane's lock): whatever it reads then, such as the time it arrived, follows the order it is processed in.
     */
    public R submit(K key, Supplier<T> requestAsItQueues) {
        Item<T, R>[] queued = newItemHolder();
        // queued inside compute(): a lane being retired (see release) cannot receive a request meanwhile
        Lane<T, R> lane = lanes.compute(key, (k, existing) -> {
            Lane<T, R> l = existing == null ? new Lane<>() : existing;
            queued[0] = new Item<>(requestAsItQueues.get());
            l.queue.add(queued[0]);
            return l;
        });
        Item<T, R> mine = queued[0];
        if (lane.leading.compareAndSet(false, true)) {
            lead(key, lane, mine);
        } else {
            awaitTurn(key, lane, mine);
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

    @SuppressWarnings("unchecked")
    private static <T, R> Item<T, R>[] newItemHolder() {
        return (Item<T, R>[]) new Item<?, ?>[1];
    }

    private void awaitTurn(K key, Lane<T, R> lane, Item<T, R> mine) {
        try {
            CompletableFuture.anyOf(mine.done, mine.lead).get(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (mine.state.compareAndSet(Item.WAITING, Item.WITHDRAWN)) {
                if (lane.queue.remove(mine)) {
                    mine.fail(new WaitedTooLong(patience)); // never taken into a batch: nothing written
                }
                return; // else a batch holds it already: its answer comes
            }
            // the lead was handed over just now: take it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            return; // answered (with a failure)
        }
        if (!mine.done.isDone() && mine.lead.isDone()) {
            lead(key, lane, mine); // the previous leader passed the lead to this caller
        }
    }

    /** Called holding the lane's lead; returns having handed it on or released it, whatever is thrown. */
    private void lead(K key, Lane<T, R> lane, Item<T, R> mine) {
        boolean handedOn = false;
        try {
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
                    if (waiting.state.compareAndSet(Item.WAITING, Item.LEAD_GIVEN)) {
                        handedOn = true;
                        waiting.lead.complete(null); // only the leader polls, so it is still queued and takes over
                        return;
                    }
                    continue; // it gave up waiting: the next batch takes it or it has left the queue
                }
                if (release(key, lane)) {
                    handedOn = true;
                    return;
                }
            }
        } finally {
            if (!handedOn) {
                abandon(lane); // something was thrown outside a batch (an Error): the lane must not stay led by nobody
            }
        }
    }

    private void abandon(Lane<T, R> lane) {
        Item<T, R> waiting = lane.queue.peek();
        if (waiting != null && waiting.state.compareAndSet(Item.WAITING, Item.LEAD_GIVEN)) {
            waiting.lead.complete(null); // the lead passes on as usual
        } else {
            lane.leading.set(false); // the next request to arrive leads
        }
    }

    /**
     * Gives up the lead; true when done, false when a request queued meanwhile and this caller took the lead back for
     * it. An empty lane is removed, so keys seen once (past events) do not stay in memory.
     */
    private boolean release(K key, Lane<T, R> lane) {
        lane.leading.set(false);
        if (lane.queue.isEmpty()) {
            lanes.computeIfPresent(key, (k, l) -> l == lane && l.queue.isEmpty() && !l.leading.get() ? null : l);
        }
        // A request queued just before the release found the lead taken and is waiting: take it back for it.
        return lane.queue.isEmpty() || !lane.leading.compareAndSet(false, true);
    }

    /** How many keys currently have a lane (for tests: idle keys hold none). */
    int lanesHeld() {
        return lanes.size();
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
