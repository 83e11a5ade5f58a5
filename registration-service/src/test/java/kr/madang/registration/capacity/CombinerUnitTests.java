package kr.madang.registration.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CombinerUnitTests {

    /** A seat counter that, like the event's row, must only ever be touched by one batch at a time. */
    static final class Seats {
        final AtomicInteger inside = new AtomicInteger();
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        int taken;

        void process(String key, List<Combiner.Item<Integer, Integer>> batch) {
            assertThat(inside.incrementAndGet()).as("one batch at a time per key").isEqualTo(1);
            batchSizes.add(batch.size());
            for (Combiner.Item<Integer, Integer> item : batch) {
                order.add(item.request());
                if (item.request() % 97 == 0) {
                    item.fail(new IllegalArgumentException("refused " + item.request()));
                } else {
                    item.complete(++taken);
                }
            }
            LockSupport.parkNanos(200_000); // a transaction takes a while: requests queue up meanwhile
            inside.decrementAndGet();
        }
    }

    @Test
    void twoThousandAtOnceGetEveryAnswerOnceInQueueOrderAndBatchesForm() throws Exception {
        Seats seats = new Seats();
        Combiner<String, Integer, Integer> combiner = new Combiner<>(50, seats::process);
        List<Object> answers = concurrently(2000, 64, i -> {
            try {
                return combiner.submit("hot", i);
            } catch (IllegalArgumentException refused) {
                return refused.getMessage();
            }
        });

        List<Integer> numbers = answers.stream().filter(a -> a instanceof Integer).map(a -> (Integer) a).sorted().toList();
        int refusals = (int) IntStream.range(0, 2000).filter(i -> i % 97 == 0).count();
        assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, 2000 - refusals).boxed().toList());
        assertThat(answers.stream().filter(a -> a instanceof String)).hasSize(refusals)
                .allSatisfy(a -> assertThat((String) a).startsWith("refused "));
        assertThat(seats.order).hasSize(2000).doesNotHaveDuplicates();
        assertThat(seats.batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 50));
        assertThat(seats.batchSizes.stream().mapToInt(Integer::intValue).max().orElse(0))
                .as("requests arriving meanwhile are combined").isGreaterThan(1);
    }

    /**
     * A registration's arrival time is its place in line: the bench found waitlist positions out of arrival order
     * when the time was read before the request queued (two threads can read the clock in one order and queue in the
     * other). A request made as it queues is stamped in queue order, so processing follows the stamps exactly.
     */
    @Test
    void requestsMadeAsTheyQueueAreProcessedInTheOrderOfTheirArrivalStamps() throws Exception {
        AtomicInteger clock = new AtomicInteger();
        List<Integer> processed = Collections.synchronizedList(new ArrayList<>());
        Combiner<String, Integer, Integer> combiner = new Combiner<>(50, (key, batch) -> {
            batch.forEach(item -> {
                processed.add(item.request());
                item.complete(item.request());
            });
            LockSupport.parkNanos(100_000);
        });
        concurrently(4000, 64, i -> combiner.submit("hot", clock::incrementAndGet));

        assertThat(processed).hasSize(4000).isSorted();
    }

    @Test
    void aLoneRequestIsProcessedAtOnceInABatchOfOne() {
        Seats seats = new Seats();
        Combiner<String, Integer, Integer> combiner = new Combiner<>(200, seats::process);
        assertThat(combiner.submit("quiet", 1)).isEqualTo(1);
        assertThat(combiner.submit("quiet", 2)).isEqualTo(2);
        assertThat(seats.batchSizes).containsExactly(1, 1);
    }

    @Test
    void aFailingBatchFailsEachOfItsRequestsAndTheNextBatchStillRuns() {
        AtomicInteger calls = new AtomicInteger();
        Combiner<String, Integer, Integer> combiner = new Combiner<>(10, (key, batch) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone");
            }
            batch.forEach(item -> item.complete(item.request() * 10));
        });
        assertThatThrownBy(() -> combiner.submit("k", 1)).hasMessage("database gone");
        assertThat(combiner.submit("k", 2)).isEqualTo(20);
    }

    @Test
    void anUnansweredRequestFailsInsteadOfHanging() {
        Combiner<String, Integer, Integer> combiner = new Combiner<>(10, (key, batch) -> {
        });
        assertThatThrownBy(() -> combiner.submit("k", 1)).hasMessageContaining("unanswered");
    }

    @Test
    void differentKeysAreBatchedSeparately() throws Exception {
        ConcurrentHashMap<String, Seats> perKey = new ConcurrentHashMap<>();
        Combiner<String, Integer, Integer> combiner = new Combiner<>(20, (key, batch) ->
                perKey.computeIfAbsent(key, k -> new Seats()).process(key, batch));
        List<Object> answers = concurrently(1000, 32, i -> combiner.submit("event-" + (i % 4), i * 97 + 1));
        assertThat(answers).hasSize(1000);
        assertThat(perKey).hasSize(4);
        perKey.values().forEach(s -> assertThat(s.taken).isEqualTo(250));
    }

    private static List<Object> concurrently(int n, int threads, java.util.function.IntFunction<Object> call)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    /** Issue 14: a request queued behind a batch that does not end gives up, unprocessed, instead of waiting forever. */
    @Test
    void aRequestQueuedBehindAStuckBatchGivesUpUnprocessedAndTheLaneRecovers() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch firstInside = new CountDownLatch(1);
        List<Integer> processed = Collections.synchronizedList(new ArrayList<>());
        Combiner<String, Integer, Integer> combiner = new Combiner<>(10, java.time.Duration.ofMillis(300), (key, batch) -> {
            for (Combiner.Item<Integer, Integer> item : batch) {
                processed.add(item.request());
                if (item.request() == 1) {
                    firstInside.countDown();
                    try {
                        stuck.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                item.complete(item.request() * 10);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(() -> combiner.submit("k", 1));
            firstInside.await();
            assertThatThrownBy(() -> combiner.submit("k", 2)).isInstanceOf(Combiner.WaitedTooLong.class);
            stuck.countDown();
            assertThat(first.get()).isEqualTo(10);
            assertThat(combiner.submit("k", 3)).isEqualTo(30);
            assertThat(processed).as("the request that gave up was never processed").containsExactly(1, 3);
        } finally {
            stuck.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void anErrorInABatchFailsItsRequestsAndTheLaneKeepsWorking() {
        AtomicInteger calls = new AtomicInteger();
        Combiner<String, Integer, Integer> combiner = new Combiner<>(10, (key, batch) -> {
            if (calls.incrementAndGet() == 1) {
                throw new StackOverflowError("deep");
            }
            batch.forEach(item -> item.complete(item.request()));
        });
        assertThatThrownBy(() -> combiner.submit("k", 1)).isInstanceOf(StackOverflowError.class);
        assertThat(combiner.submit("k", 2)).isEqualTo(2);
    }

    /** Issue 14: lanes were never removed, one per event ever registered for. */
    @Test
    void keysWithNothingQueuedHoldNoLane() throws Exception {
        ConcurrentHashMap<String, Seats> perKey = new ConcurrentHashMap<>();
        Combiner<String, Integer, Integer> combiner = new Combiner<>(20, (key, batch) ->
                perKey.computeIfAbsent(key, k -> new Seats()).process(key, batch));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 1; i <= 400; i++) {
                int request = i;
                answers.add(pool.submit(() -> {
                    try {
                        return combiner.submit("event-" + (request % 5), request);
                    } catch (IllegalArgumentException refused) {
                        return -1;
                    }
                }));
            }
            for (Future<Integer> answer : answers) {
                answer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(combiner.lanesHeld()).isZero();
    }
}
