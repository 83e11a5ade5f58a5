package kr.madang.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The load generator's HTTP/1.1 client for registrations: pooled keep-alive sockets with TCP_NODELAY, each request
 * written in one flush. Written by hand because the JDK's {@code HttpClient} held the bench's closed loop at about half
 * of what {@code wrk} measured on the same stack (50 vs 108-144 registrations/s, p50 130 vs 50-65 ms, 2026-11-29), and a
 * plain socket client with TCP_NODELAY matched wrk (111/s, p50 46 ms): the bench must measure the server, not its
 * client. Only what the bench sends: POST with a JSON body, answers with Content-Length or chunked.
 */
final class LeanHttp {

    record Response(int status, String body) {
    }

    /** Tomcat closes a keep-alive connection idle this long (20 s default): pooled ones are dropped well before. */
    private static final long MAX_IDLE_NANOS = 5_000_000_000L;

    private final String host;
    private final int port;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    LeanHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : 80;
    }

    Response post(String path, String authorization, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        Connection c = borrow();
        try {
            Response r = c.exchange(head.getBytes(StandardCharsets.US_ASCII), body);
            if (c.reusable) {
                c.lastUsed = System.nanoTime();
                idle.push(c);
            } else {
                c.close();
            }
            return r;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private Connection borrow() throws IOException {
        for (Connection c; (c = idle.poll()) != null; ) {
            if (System.nanoTime() - c.lastUsed < MAX_IDLE_NANOS) {
                return c;
            }
            c.close();
        }
        return new Connection(host, port);
    }

    private static final class Connection {
        private final Socket socket = new Socket();
        private final OutputStream out;
        private final InputStream in;
        private boolean reusable = true;
        private long lastUsed;

        Connection(String host, int port) throws IOException {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        Response exchange(byte[] head, byte[] body) throws IOException {
            out.write(head);
            out.write(body);
            out.flush();
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String h = header.toLowerCase(Locale.ROOT);
                if (h.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring("content-length:".length()).trim());
                } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                    chunked = true;
                } else if (h.startsWith("connection:") && h.contains("close")) {
                    reusable = false;
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream(512);
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    content.write(in.readNBytes((int) size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                content.write(in.readNBytes((int) length));
            } else {
                reusable = false;
                content.write(in.readAllBytes());
            }
            return new Response(status, content.toString(StandardCharsets.UTF_8));
        }

        private long chunkSize() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket we are done with
            }
        }
    }
}
