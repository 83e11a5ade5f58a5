package kr.madang.faults;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registrations flowing at a steady rate while a fault happens: what was accepted (201, by email), and how every
 * other request was answered (status → count; -1 for no answer at all).
 */
final class Flow implements AutoCloseable {

    private static final AtomicLong SEQ = new AtomicLong();

    final List<String> accepted = new CopyOnWriteArrayList<>();
    /** the phone number of each accepted registration, by email: its confirmation goes by SMS too */
    final Map<String, String> phones = new ConcurrentHashMap<>();
    final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    final List<String> unexpectedBodies = new CopyOnWriteArrayList<>();
    private final FaultStack stack;
    final List<UUID> events;
    private final String tag;
    volatile String firstBadRequest;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running = true;
    private final Thread thread;

    Flow(FaultStack stack, UUID event, String tag, int perSecond) {
        this(stack, List.of(event), tag, perSecond);
    }

    /** Registrations spread over {@code events} in turn (their records spread over the partitions they key). */
    Flow(FaultStack stack, List<UUID> events, String tag, int perSecond) {
        this.stack = stack;
        this.events = List.copyOf(events);
        this.tag = tag;
        thread = Thread.ofVirtual().start(() -> {
            long interval = 1_000_000_000L / perSecond;
            long next = System.nanoTime();
            while (running) {
                next += interval;
                inFlight.incrementAndGet();
                Thread.ofVirtual().start(() -> {
                    try {
                        registerOne();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
        });
    }

    /**
     * One registration; the phone number is there so the log scan has one to look for, and for the confirmation SMS.
     * 010-4xxx: every number of it is a valid mobile number (libphonenumber refuses 010-5970 to 010-5999).
     */
    void registerOne() {
        long n = SEQ.incrementAndGet();
        String email = tag + "-" + n + "@faults.madang.test";
        String phone = String.format("010-%04d-%04d", 4000 + n % 1000, n % 10000);
        UUID event = events.get((int) (n % events.size()));
        try {
            HttpResponse<String> r = stack.post("/api/events/" + event + "/registrations", """
                    {"name":"김장애","email":"%s","phone":"%s","organisation":"제주특별자치도","jobTitle":"주무관",
                     "attendeeType":"GENERAL","language":"ko","consent":{"accepted":true,"policyVersion":"2023-01"}}
                    """.formatted(email, phone));
            answers.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            if (r.statusCode() == 201) {
                phones.put(email, phone);
                accepted.add(email);
            } else if (r.statusCode() == 400 && firstBadRequest == null) {
                firstBadRequest = phone + " " + r.body();
            } else if (r.statusCode() >= 500 && r.statusCode() != 503) {
                unexpectedBodies.add(r.statusCode() + " " + r.body());
            } else if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isEmpty()) {
                unexpectedBodies.add("503 without Retry-After: " + r.body());
            }
        } catch (Exception e) {
            answers.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    int count(int status) {
        AtomicInteger c = answers.get(status);
        return c == null ? 0 : c.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> inFlight.get() == 0);
    }

    @Override
    public String toString() {
        return "accepted " + accepted.size() + ", answers " + answers
                + (firstBadRequest == null ? "" : " (first 400: " + firstBadRequest.substring(0, Math.min(200, firstBadRequest.length())) + ")");
    }
}
