package kr.madang.local.devtools.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import kr.madang.local.devtools.web.Http;

/**
 * An SMTP server (GreenMail) that accepts every email and keeps it, with a web page and a JSON API on another port.
 * Each email is also written to {@code .madang/mail/<id>.eml}, so the list survives a restart of the stack.
 *
 * <pre>
 * GET    /api/messages?to=&amp;subject=&amp;limit=   newest first: {"total":n,"items":[...]}
 * GET    /api/messages/{id}                      one email, decoded
 * GET    /api/messages/{id}/html | /raw          its HTML body, its raw MIME source
 * DELETE /api/messages                           forget every email
 * GET    /                                       the viewer
 * </pre>
 */
public final class MailSink implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer web;
    private final Path store;
    private final List<CapturedMail> mails = new ArrayList<>();
    private final Set<String> seenMessageIds = new HashSet<>();
    private int consumedFromSmtp;
    private long nextId = 1;

    public MailSink(int smtpPort, int webPort, Path store) throws IOException {
        this.store = store;
        Files.createDirectories(store);
        load();
        smtp = new GreenMail(new ServerSetup(smtpPort, Http.bindAddress(), ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        web = Http.server(webPort);
        web.createContext("/api/messages", Http.safe(this::api));
        web.createContext("/messages/", Http.safe(this::detailPage));
        web.createContext("/", Http.safe(this::listPage));
        web.start();
    }

    /** Every email received so far, oldest first. */
    public synchronized List<CapturedMail> messages() {
        sync();
        return List.copyOf(mails);
    }

    public synchronized void clear() {
        sync();
        mails.clear();
        seenMessageIds.clear();
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        consumedFromSmtp = 0;
        try (Stream<Path> files = Files.list(store)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pulls what GreenMail received since the last call; one copy per email (GreenMail keeps one per recipient). */
    private void sync() {
        MimeMessage[] received = smtp.getReceivedMessages();
        for (int i = consumedFromSmtp; i < received.length; i++) {
            try {
                MimeMessage message = received[i];
                String messageId = message.getMessageID();
                if (messageId != null && !seenMessageIds.add(messageId)) {
                    continue;
                }
                long id = nextId++;
                Instant now = Instant.now();
                byte[] raw = MimeDecoder.raw(message);
                Files.write(store.resolve(id + ".eml"), raw);
                mails.add(MimeDecoder.decode(id, message, now));
            } catch (MessagingException | IOException e) {
                System.err.println("Cannot decode a received email: " + e);
            }
        }
        consumedFromSmtp = received.length;
    }

    private void load() throws IOException {
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(store)) {
            List<Path> emls = files.filter(file -> file.getFileName().toString().matches("\\d+\\.eml"))
                    .sorted(Comparator.comparingLong(MailSink::number)).toList();
            for (Path file : emls) {
                long id = number(file);
                try {
                    MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(Files.readAllBytes(file)));
                    mails.add(MimeDecoder.decode(id, message, Files.getLastModifiedTime(file).toInstant()));
                    if (message.getMessageID() != null) {
                        seenMessageIds.add(message.getMessageID());
                    }
                } catch (MessagingException e) {
                    System.err.println("Skipping unreadable " + file + ": " + e);
                }
                nextId = Math.max(nextId, id + 1);
            }
        }
    }

    private static long number(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }

    private void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
        String method = exchange.getRequestMethod();
        if (path.equals("/api/messages")) {
            switch (method) {
                case "GET" -> {
                    var query = Http.query(exchange);
                    List<CapturedMail> found = filter(Http.first(query, "to"), Http.first(query, "subject"));
                    int limit = parseLimit(Http.first(query, "limit"));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("total", found.size());
                    body.put("items", found.stream().limit(limit).toList());
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

    private synchronized Optional<CapturedMail> find(String id) {
        sync();
        return mails.stream().filter(mail -> Long.toString(mail.id()).equals(id)).findFirst();
    }

    /** Newest first, optionally only those to an address (substring, case-insensitive) or with a subject part. */
    private List<CapturedMail> filter(String to, String subject) {
        String recipient = to == null ? null : to.toLowerCase(Locale.ROOT);
        return messages().reversed().stream()
                .filter(mail -> recipient == null || Stream.concat(mail.to().stream(), mail.cc().stream())
                        .anyMatch(address -> address.toLowerCase(Locale.ROOT).contains(recipient)))
                .filter(mail -> subject == null || mail.subject().contains(subject))
                .toList();
    }

    private void listPage(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            Http.problem(exchange, 404, "Not found", exchange.getRequestURI().getPath());
            return;
        }
        var query = Http.query(exchange);
        List<CapturedMail> found = filter(Http.first(query, "to"), Http.first(query, "subject"));
        StringBuilder rows = new StringBuilder();
        for (CapturedMail mail : found) {
            rows.append("<tr><td>").append(mail.id()).append("</td><td>").append(mail.receivedAt())
                    .append("</td><td>").append(Http.escape(String.join(", ", mail.to())))
                    .append("</td><td><a href=\"/messages/").append(mail.id()).append("\">")
                    .append(Http.escape(mail.subject())).append("</a></td><td>")
                    .append(Http.escape(mail.language())).append("</td></tr>");
        }
        Http.html(exchange, Http.page("Madang mail sink", """
                <p class="muted">Every email sent to SMTP localhost:%d is kept here (%d). JSON: <a href="/api/messages">/api/messages</a>
                (<code>?to=</code>, <code>?subject=</code>). <code>curl -X DELETE localhost:%d/api/messages</code> empties it.
                Refresh to see new mail.</p>
                <form><input name="to" placeholder="recipient contains" value="%s"> <button>Filter</button></form>
                <table><tr><th>#</th><th>received (UTC)</th><th>to</th><th>subject</th><th>lang</th></tr>%s</table>
                """.formatted(smtp.getSmtp().getPort(), found.size(), web.getAddress().getPort(),
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
        smtp.stop();
    }
}
