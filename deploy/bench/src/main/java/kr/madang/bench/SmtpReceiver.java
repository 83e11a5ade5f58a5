package kr.madang.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server for the benchmark: it stamps each email the moment its DATA ends (the dev tools' sink stamps
 * emails when its API is polled, and keeps every email in a 128 MB heap, too little for the 50,000 of the catch-up),
 * and counts the emails each recipient got, so duplicates show. Only recipients in {@link #DOMAIN} are tracked.
 */
final class SmtpReceiver implements AutoCloseable {

    static final String DOMAIN = "@bench.madang.test";

    /** Epoch millis of the first email to each recipient. */
    final Map<String, Long> firstReceipt = new ConcurrentHashMap<>();
    final Map<String, Integer> counts = new ConcurrentHashMap<>();
    final AtomicLong total = new AtomicLong();
    private final ServerSocket server;
    private volatile boolean open = true;

    SmtpReceiver(int port) throws IOException {
        server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("smtp-accept").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    long distinct() {
        return firstReceipt.size();
    }

    long duplicates() {
        return counts.values().stream().mapToLong(c -> c - 1).sum();
    }

    void clear() {
        firstReceipt.clear();
        counts.clear();
        total.set(0);
    }

    private void accept() {
        while (open) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                if (open) {
                    System.err.println("smtp accept: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 bench ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-bench\r\n250-8BITMIME\r\n250 SMTPUTF8");
                } else if (upper.startsWith("HELO") || upper.startsWith("NOOP")) {
                    reply(out, "250 ok");
                } else if (upper.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 ok");
                } else if (upper.startsWith("RCPT TO")) {
                    int lt = line.indexOf('<');
                    int gt = line.indexOf('>');
                    recipients.add(lt >= 0 && gt > lt ? line.substring(lt + 1, gt).toLowerCase() : line.substring(8).trim());
                    reply(out, "250 ok");
                } else if (upper.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    String data;
                    while ((data = in.readLine()) != null && !data.equals(".")) {
                        // the body is not kept: only when it ended
                    }
                    if (data == null) {
                        // hung up before the final "." (e.g. the client crashed): not accepted, so not counted;
                        // counting it would show its retry as a duplicate
                        return;
                    }
                    long now = System.currentTimeMillis();
                    total.incrementAndGet();
                    for (String to : recipients) {
                        if (to.endsWith(DOMAIN)) {
                            firstReceipt.putIfAbsent(to, now);
                            counts.merge(to, 1, Integer::sum);
                        }
                    }
                    reply(out, "250 queued");
                } else if (upper.startsWith("RSET")) {
                    recipients.clear();
                    reply(out, "250 ok");
                } else if (upper.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // a client that hangs up mid-session: nothing to count
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
