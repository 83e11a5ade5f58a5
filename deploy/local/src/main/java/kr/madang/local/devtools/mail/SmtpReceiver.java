package kr.madang.local.devtools.mail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
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
import java.util.Locale;

/**
 * The mail sink's SMTP side: accepts every email (any AUTH, no TLS) and hands each finished DATA to a callback as its
 * raw bytes, the moment its final "." arrives, so the sink stamps the real arrival time and keeps one copy per SMTP
 * transaction, whatever the number of recipients. Nothing is buffered here beyond the email in progress.
 */
final class SmtpReceiver implements AutoCloseable {

    /** What the sink does with one email. */
    interface Delivery {
        void accept(List<String> recipients, byte[] raw) throws IOException;
    }

    private final ServerSocket server;
    private final Delivery delivery;
    private final Thread acceptor;

    SmtpReceiver(String bindAddress, int port, Delivery delivery) throws IOException {
        this.delivery = delivery;
        server = new ServerSocket();
        server.setReuseAddress(true);
        InetAddress address = bindAddress == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bindAddress);
        server.bind(new InetSocketAddress(address, port), 200);
        acceptor = Thread.ofPlatform().daemon().name("smtp-accept-" + port).start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        // ISO-8859-1 maps every byte to one char and back, so 8-bit (UTF-8) bodies pass through unchanged
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 madang-mail-sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (server.isClosed()) {
                    return; // the server went down: sessions in progress are dropped, as a provider outage would
                }
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-madang-mail-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 52428800");
                } else if (upper.startsWith("HELO")) {
                    reply(out, "250 madang-mail-sink");
                } else if (upper.startsWith("MAIL FROM") || upper.startsWith("RSET")) {
                    recipients.clear();
                    reply(out, "250 ok");
                } else if (upper.startsWith("RCPT TO")) {
                    recipients.add(address(line.substring("RCPT TO:".length())));
                    reply(out, "250 ok");
                } else if (upper.startsWith("AUTH")) {
                    authenticate(upper, in, out);
                } else if (upper.startsWith("DATA")) {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    byte[] raw = data(in);
                    if (raw == null || server.isClosed()) {
                        return; // the client hung up before the final ".", or the server went down: nothing accepted
                    }
                    try {
                        delivery.accept(List.copyOf(recipients), raw);
                        reply(out, "250 ok: kept");
                    } catch (IOException | RuntimeException e) {
                        System.err.println("Cannot keep a received email: " + e);
                        reply(out, "451 cannot keep it now");
                    }
                    recipients.clear();
                } else if (upper.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // a client that hangs up mid-session
        }
    }

    /** The message up to the lone ".", dot-unstuffed, lines ended with CRLF; null if the connection ended first. */
    private static byte[] data(BufferedReader in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(4096);
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals(".")) {
                return raw.toByteArray();
            }
            String unstuffed = line.startsWith(".") ? line.substring(1) : line;
            raw.writeBytes(unstuffed.getBytes(StandardCharsets.ISO_8859_1));
            raw.write('\r');
            raw.write('\n');
        }
        return null;
    }

    /** Any credentials are fine: the sink stands in for a provider, it protects nothing. */
    private static void authenticate(String command, BufferedReader in, OutputStream out) throws IOException {
        String[] words = command.trim().split("\\s+");
        if (words.length >= 2 && words[1].equals("LOGIN")) {
            if (words.length < 3) {
                reply(out, "334 VXNlcm5hbWU6");
                in.readLine();
            }
            reply(out, "334 UGFzc3dvcmQ6");
            in.readLine();
        } else if (words.length == 2) {
            reply(out, "334 ");
            in.readLine();
        }
        reply(out, "235 2.7.0 accepted");
    }

    private static String address(String argument) {
        int lt = argument.indexOf('<');
        int gt = argument.indexOf('>');
        return (lt >= 0 && gt > lt ? argument.substring(lt + 1, gt) : argument.trim()).toLowerCase(Locale.ROOT);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        // the port is released only once the accepting thread has left accept(): wait, so a restart can bind it
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
