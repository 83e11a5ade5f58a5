package kr.madang.faults;

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

/**
 * The SMTP server notification-service sends to during the suite: it counts the emails each recipient got (the dev
 * tools' sink keeps one copy per Message-ID, which would hide a resend), and can go down and come back on its port
 * (the "SMTP provider down" fault). Same wire behaviour as deploy/bench's receiver.
 */
final class MailCounter implements AutoCloseable {

    final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final int port;
    private volatile ServerSocket server;

    MailCounter(int port) throws IOException {
        this.port = port;
        up();
    }

    synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        server = socket;
        Thread.ofVirtual().name("smtp-accept").start(() -> accept(socket));
    }

    synchronized void down() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    int count(String recipient) {
        return counts.getOrDefault(recipient.toLowerCase(), 0);
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> serve(client, socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, ServerSocket from) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 faults ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (from.isClosed()) {
                    return; // "down": connections in progress are dropped too
                }
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-faults\r\n250-8BITMIME\r\n250 SMTPUTF8");
                } else if (upper.startsWith("MAIL FROM") || upper.startsWith("RSET")) {
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
                        // body not kept
                    }
                    if (data == null || from.isClosed()) {
                        return;
                    }
                    recipients.forEach(to -> counts.merge(to, 1, Integer::sum));
                    reply(out, "250 queued");
                } else if (upper.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // hung up mid-session
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
