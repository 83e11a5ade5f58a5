package kr.madang.local.devtools.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import kr.madang.local.devtools.web.Http;

/**
 * An SMTP server that accepts every email and keeps it, with a web page and a JSON API on another port.
 * Each email is written to {@code .madang/mail/<id>.eml} the moment it arrives (its modification time is its arrival
 * time), so the list survives a restart; only the newest {@code keep} emails stay in memory (the list, the filters and
 * the page work on those), older ones stay on disk and can still be opened by id. Receiving one email costs the same
 * however many came before: one file written, its header read, one entry added, the oldest entry dropped. Its bodies
 * are decoded the first time someone asks for them: decoding every email as it arrived was most of the dev tools' CPU
 * under load (issue 15), for emails nobody opens.
 *
 * <pre>
 * GET    /api/messages?to=&amp;subject=&amp;limit=   newest first: {"total":n,"inMemory":n,"stored":n,"items":[...]}
 * GET    /api/messages/{id}                      one email, decoded
 * GET    /api/messages/{id}/html | /raw          its HTML body, its raw MIME source
 * DELETE /api/messages                           forget every email
 * GET    /                                       the viewer
 * </pre>
 */
public final class MailSink implements AutoCloseable {

    /*
     * Jakarta Mail looks its StreamProvider up through ServiceLoader for every header it parses and every word it
     * decodes: 18 % of the sink's Java CPU under load (issue 15's profile). Naming the implementation skips the scan,
     * as notification-service does.
     */
    static {
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /** How many emails stay in memory unless told otherwise ({@code MADANG_MAIL_KEEP}). */
    public static final int DEFAULT_KEEP = 2_000;

    private final SmtpReceiver smtp;
    private final HttpServer web;
    private final Path store;
    private final int keep;
    private final Session session = Session.getInstance(new Properties());
    private final ArrayDeque<Received> recent = new ArrayDeque<>();
    private long stored;
    private long nextId = 1;
    private Instant lastArrival = Instant.EPOCH;

    public MailSink(int smtpPort, int webPort, Path store) throws IOException {
        this(smtpPort, webPort, store, DEFAULT_KEEP);
    }

    /** @param keep how many of the newest emails stay in memory (older ones only on disk) */
    public MailSink(int smtpPort, int webPort, Path store, int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, not " + keep);
        }
        this.store = store;
        this.keep = keep;
        Files.createDirectories(store);
        load();
        smtp = new SmtpReceiver(Http.bindAddress(), smtpPort, (recipients, raw) -> receive(raw));
        web = Http.server(webPort);
        web.createContext("/api/messages", Http.safe(this::api));
        web.createContext("/messages/", Http.safe(this::detailPage));
        web.createContext("/", Http.safe(this::listPage));
        web.start();
    }

    /** The emails held in memory (the newest, at most {@code keep}), oldest first. */
    public List<CapturedMail> messages() {
        List<Received> held;
        synchronized (this) {
            held = List.copyOf(recent);
        }
        return held.stream().map(Received::mail).toList();
    }

    /** How many emails are held in memory: never more than {@code keep}. */
    public synchronized int inMemory() {
        return recent.size();
    }

    /** How many emails are kept on disk (every one received since the last clear). */
    public synchronized long stored() {
        return stored;
    }

    public synchronized void clear() {
        recent.clear();
        stored = 0;
        try (Stream<Path> files = Files.list(store)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One email, as its final "." arrived: stamped now, written to disk, the oldest in memory dropped if full. */
    private synchronized void receive(byte[] raw) throws IOException {
        long id = nextId++;
        Instant now = Instant.now();
        // strictly increasing, so arrival order and time never disagree even within one clock tick
        Instant receivedAt = now.isAfter(lastArrival) ? now : lastArrival.plusNanos(1_000);
        lastArrival = receivedAt;
        Path file = store.resolve(id + ".eml");
        Files.write(file, raw, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.setLastModifiedTime(file, FileTime.from(receivedAt));
        stored++;
        MimeDecoder.Summary summary;
        try {
            summary = MimeDecoder.summary(raw);
        } catch (MessagingException e) {
            System.err.println("Kept an email that cannot be decoded as " + file + ": " + e.getMessage());
            return;
        }
        remember(new Received(id, receivedAt, summary, raw));
    }

    private void remember(Received mail) {
        recent.addLast(mail);
        while (recent.size() > keep) {
            recent.removeFirst();
        }
    }

    private CapturedMail decode(long id, byte[] raw, Instant receivedAt) throws MessagingException, IOException {
        return MimeDecoder.decode(id, new MimeMessage(session, new ByteArrayInputStream(raw)), receivedAt, raw.length);
    }

    /**
     * An email held in memory: what the list shows and filters on, read from its header as it arrived; its bodies
     * decoded the first time someone asks for them, then kept instead of its bytes.
     */
    private final class Received {
        private final long id;
        private final Instant receivedAt;
        private final MimeDecoder.Summary summary;
        private byte[] raw;
        private CapturedMail decoded;

        Received(long id, Instant receivedAt, MimeDecoder.Summary summary, byte[] raw) {
            this.id = id;
            this.receivedAt = receivedAt;
            this.summary = summary;
            this.raw = raw;
        }

        synchronized CapturedMail mail() {
            if (decoded == null) {
                try {
                    decoded = decode(id, raw, receivedAt);
                } catch (MessagingException | IOException e) {
                    // its header was readable: show that much, without bodies
                    decoded = new CapturedMail(id, summary.messageId(), receivedAt, summary.from(), summary.to(),
                            summary.cc(), summary.subject(), summary.language(), null, null, List.of(), raw.length);
                }
                raw = null;
            }
            return decoded;
        }
    }

    /** Counts what is on disk and reads the headers of only the newest {@code keep} emails. */
    private void load() throws IOException {
        List<Long> ids;
        try (Stream<Path> files = Files.list(store)) {
            ids = files.map(file -> file.getFileName().toString()).filter(name -> name.matches("\\d+\\.eml"))
                    .map(name -> Long.parseLong(name.substring(0, name.indexOf('.')))).sorted().toList();
        }
        stored = ids.size();
        if (!ids.isEmpty()) {
            nextId = ids.getLast() + 1;
        }
        for (long id : ids.subList(Math.max(0, ids.size() - keep), ids.size())) {
            Path file = store.resolve(id + ".eml");
            try {
                byte[] raw = Files.readAllBytes(file);
                Instant receivedAt = Files.getLastModifiedTime(file).toInstant();
                recent.addLast(new Received(id, receivedAt, MimeDecoder.summary(raw), raw));
                if (receivedAt.isAfter(lastArrival)) {
                    lastArrival = receivedAt;
                }
            } catch (MessagingException | IOException e) {
                System.err.println("Skipping unreadable " + file + ": " + e.getMessage());
            }
        }
    }

    private Optional<CapturedMail> fromDisk(long id) {
        Path file = store.resolve(id + ".eml");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return Optional.of(decode(id, Files.readAllBytes(file), Files.getLastModifiedTime(file).toInstant()));
        } catch (MessagingException | IOException e) {
            System.err.println("Skipping unreadable " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
        String method = exchange.getRequestMethod();
        if (path.equals("/api/messages")) {
            switch (method) {
                case "GET" -> {
                    var query = Http.query(exchange);
                    List<Received> found = filter(Http.first(query, "to"), Http.first(query, "subject"));
                    int limit = parseLimit(Http.first(query, "limit"));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("total", found.size());
                    body.put("inMemory", inMemory());
                    body.put("stored", stored());
                    body.put("items", found.stream().limit(limit).map(Received::mail).toList());
                    Http.json(exchange, 200, body);
                }
                case "DELETE" -> {
                    clear();
                    Http.send(exchange, 204, "text/plain", new byte[0]);
                }
                default -> Http.problem(exchange, 405, "Method not allowed", method + " " + path);
            }
            return;
        }
        String[] segments = path.substring("/api/messages/".length()).split("/");
        Optional<CapturedMail> mail = find(segments[0]);
        if (mail.isEmpty()) {
            Http.problem(exchange, 404, "No such email", "No email with id " + segments[0]);
            return;
        }
        String view = segments.length > 1 ? segments[1] : "";
        switch (view) {
            case "" -> Http.json(exchange, 200, mail.get());
            case "html" -> Http.html(exchange, mail.get().html() == null ? "" : mail.get().html());
            case "raw" -> Http.send(exchange, 200, "message/rfc822",
                    Files.readAllBytes(store.resolve(mail.get().id() + ".eml")));
            default -> Http.problem(exchange, 404, "Not found", path);
        }
    }

    private int parseLimit(String limit) {
        try {
            return limit == null ? 200 : Math.max(1, Integer.parseInt(limit));
        } catch (NumberFormatException e) {
            return 200;
        }
    }

    /** In memory, or (an older email) decoded from its file. */
    private Optional<CapturedMail> find(String id) {
        long wanted;
        try {
            wanted = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Received held = null;
        synchronized (this) {
            for (Received mail : recent) {
                if (mail.id == wanted) {
                    held = mail;
                }
            }
        }
        return held != null ? Optional.of(held.mail()) : fromDisk(wanted);
    }

    /** Newest first, optionally only those to an address (substring, case-insensitive) or with a subject part. */
    private List<Received> filter(String to, String subject) {
        String recipient = to == null ? null : to.toLowerCase(Locale.ROOT);
        List<Received> newestFirst;
        synchronized (this) {
            newestFirst = new ArrayList<>(recent);
        }
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream()
                .filter(mail -> recipient == null || Stream.concat(mail.summary.to().stream(), mail.summary.cc().stream())
                        .anyMatch(address -> address.toLowerCase(Locale.ROOT).contains(recipient)))
                .filter(mail -> subject == null || mail.summary.subject().contains(subject))
                .toList();
    }

    private void listPage(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            Http.problem(exchange, 404, "Not found", exchange.getRequestURI().getPath());
            return;
        }
        var query = Http.query(exchange);
        List<Received> found = filter(Http.first(query, "to"), Http.first(query, "subject"));
        StringBuilder rows = new StringBuilder();
        for (Received mail : found) {
            rows.append("<tr><td>").append(mail.id).append("</td><td>").append(mail.receivedAt)
                    .append("</td><td>").append(Http.escape(String.join(", ", mail.summary.to())))
                    .append("</td><td><a href=\"/messages/").append(mail.id).append("\">")
                    .append(Http.escape(mail.summary.subject())).append("</a></td><td>")
                    .append(Http.escape(mail.summary.language())).append("</td></tr>");
        }
        Http.html(exchange, Http.page("Madang mail sink", """
                <p class="muted">Every email sent to SMTP localhost:%d is kept here (%d shown: the newest %d stay listed,
                all %d are in the mail folder and open by id). JSON: <a href="/api/messages">/api/messages</a>
                (<code>?to=</code>, <code>?subject=</code>). <code>curl -X DELETE localhost:%d/api/messages</code> empties it.
                Refresh to see new mail.</p>
                <form><input name="to" placeholder="recipient contains" value="%s"> <button>Filter</button></form>
                <table><tr><th>#</th><th>received (UTC)</th><th>to</th><th>subject</th><th>lang</th></tr>%s</table>
                """.formatted(smtp.port(), found.size(), keep, stored(), web.getAddress().getPort(),
                Http.escape(Http.first(query, "to")), rows)));
    }

    private void detailPage(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/messages/".length());
        Optional<CapturedMail> found = find(id);
        if (found.isEmpty()) {
            Http.problem(exchange, 404, "No such email", "No email with id " + id);
            return;
        }
        CapturedMail mail = found.get();
        StringBuilder attachments = new StringBuilder();
        mail.attachments().forEach(attachment -> attachments.append("<li>")
                .append(Http.escape(attachment.fileName())).append(" <span class=\"muted\">")
                .append(Http.escape(attachment.contentType())).append(", ").append(attachment.size())
                .append(" bytes</span></li>"));
        Http.html(exchange, Http.page(mail.subject(), """
                <p><a href="/">&larr; all mail</a> · <a href="/api/messages/%d">JSON</a> · <a href="/api/messages/%d/raw">raw</a></p>
                <table><tr><th>from</th><td>%s</td></tr><tr><th>to</th><td>%s</td></tr><tr><th>cc</th><td>%s</td></tr>
                <tr><th>received</th><td>%s</td></tr><tr><th>message id</th><td>%s</td></tr></table>
                <h2>HTML</h2>%s<h2>Text</h2><pre>%s</pre><h2>Attachments</h2><ul>%s</ul>
                """.formatted(mail.id(), mail.id(), Http.escape(mail.from()), Http.escape(String.join(", ", mail.to())),
                Http.escape(String.join(", ", mail.cc())), mail.receivedAt(), Http.escape(mail.messageId()),
                mail.html() == null ? "<p class=\"muted\">(none)</p>"
                        : "<iframe sandbox src=\"/api/messages/" + mail.id() + "/html\"></iframe>",
                Http.escape(mail.text() == null ? "(none)" : mail.text()), attachments)));
    }

    @Override
    public void close() {
        web.stop(0);
        try {
            smtp.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
