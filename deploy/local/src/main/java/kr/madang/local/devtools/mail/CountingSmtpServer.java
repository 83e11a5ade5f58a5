package kr.madang.local.devtools.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server that keeps no mail, only counts: the emails each recipient got (so a resend shows, where the
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
    private volatile ServerSocket server;

    /** Listens on {@code port} of the loopback address; recipients ending in {@code trackedSuffix} ("" for all) are tracked. */
    public CountingSmtpServer(int port, String trackedSuffix) throws IOException {
        this.trackedSuffix = trackedSuffix.toLowerCase();
        this.port = port;
        up();
    }

    public synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        server = socket;
        Thread.ofVirtual().name("smtp-accept").start(() -> accept(socket));
    }

    /** Stops listening and drops the sessions in progress (an SMTP provider outage). */
    public synchronized void down() throws IOException {
        if (server != null) {
            server.close();
            server = null;
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

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> serve(client, socket));
            } catch (IOException e) {
                return; // closed by down()
            }
        }
    }

    private void serve(Socket socket, ServerSocket from) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 counting ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (from.isClosed()) {
                    return;
                }
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-counting\r\n250-8BITMIME\r\n250 SMTPUTF8");
                } else if (upper.startsWith("MAIL FROM") || upper.startsWith("RSET")) {
                    recipients.clear();
                    reply(out, "250 ok");
                } else if (upper.startsWith("RCPT TO")) {
                    int lt = line.indexOf('<');
                    int gt = line.indexOf('>');
                    recipients.add((lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line.substring(8).trim()).toLowerCase());
                    reply(out, "250 ok");
                } else if (upper.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    String data;
                    while ((data = in.readLine()) != null && !data.equals(".")) {
                        // the body is not kept: only when it ended
                    }
                    if (data == null || from.isClosed()) {
                        return;
                    }
                    long now = System.currentTimeMillis();
                    total.incrementAndGet();
                    for (String to : recipients) {
                        if (to.endsWith(trackedSuffix)) {
                            firstReceipt.putIfAbsent(to, now);
                            counts.merge(to, 1, Integer::sum);
                        }
                    }
                    reply(out, "250 queued");
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
        down();
    }
}
