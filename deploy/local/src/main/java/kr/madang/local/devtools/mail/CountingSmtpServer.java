package kr.madang.local.devtools.mail;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mail sink's SMTP receiver ({@link SmtpReceiver}) keeping no mail, only counts: the emails each recipient got (so a resend shows, where the
 * dev tools' sink keeps one copy per Message-ID) and when the first one's DATA ended (the sink stamps mail when its
 * API is polled). An email whose final "." never came (the client hung up or crashed) is not accepted and not counted,
 * so its retry is not taken for a duplicate. It can go down and come back on its port, dropping sessions in progress.
 * Used by the benchmark and the fault suite.
 */
public final class CountingSmtpServer implements AutoCloseable {

    /** Epoch millis of the first email to each tracked recipient. */
    public final Map<String, Long> firstReceipt = new ConcurrentHashMap<>();
    /** Emails per tracked recipient (lower-cased address). */
    public final Map<String, Integer> counts = new ConcurrentHashMap<>();
    /** Every accepted email, tracked or not. */
    public final AtomicLong total = new AtomicLong();
    private final String trackedSuffix;
    private final int port;
    private SmtpReceiver receiver;

    /** Listens on {@code port} of the loopback address; recipients ending in {@code trackedSuffix} ("" for all) are tracked. */
    public CountingSmtpServer(int port, String trackedSuffix) throws IOException {
        this.trackedSuffix = trackedSuffix.toLowerCase();
        this.port = port;
        up();
    }

    /** The mail sink's SMTP side, counting instead of keeping. */
    public synchronized void up() throws IOException {
        if (receiver == null) {
            receiver = new SmtpReceiver(null, port, (recipients, raw) -> count(recipients));
        }
    }

    /** Stops listening and drops the sessions in progress (an SMTP provider outage). */
    public synchronized void down() throws IOException {
        if (receiver != null) {
            receiver.close();
            receiver = null;
        }
    }

    public int port() {
        return port;
    }

    public int count(String recipient) {
        return counts.getOrDefault(recipient.toLowerCase(), 0);
    }

    public long duplicates() {
        return counts.values().stream().mapToLong(c -> c - 1).sum();
    }

    public void clear() {
        firstReceipt.clear();
        counts.clear();
        total.set(0);
    }

    private void count(List<String> recipients) {
        long now = System.currentTimeMillis();
        total.incrementAndGet();
        for (String to : recipients) {
            if (to.endsWith(trackedSuffix)) {
                firstReceipt.putIfAbsent(to, now);
                counts.merge(to, 1, Integer::sum);
            }
        }
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
