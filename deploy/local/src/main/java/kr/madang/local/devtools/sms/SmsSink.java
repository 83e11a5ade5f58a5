package kr.madang.local.devtools.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import kr.madang.local.devtools.web.Http;
import kr.madang.local.devtools.web.PageText;

/**
 * Stands in for the SMS providers' HTTP APIs (the two wire formats of notification-service's adapters, see
 * notification-service/README.md). Each provider is a path prefix ({@code /primary}, {@code /secondary}, any
 * {@code /[a-z0-9-]+}); every accepted SMS is kept (also in {@code .madang/sms/messages.jsonl}) and shown on a page and
 * a JSON API. A provider can be switched into a fault to watch the failover: an outage (it answers 503 with
 * Retry-After), errors (500), or timeouts (it holds each request, 30 s unless told otherwise, then answers 504). A
 * request refused by a fault is not kept: the provider never took the SMS.
 *
 * <pre>
 * POST   /{provider}/v1/messages   JSON API: {"messageId","to","from","type","subject","text"}, Idempotency-Key
 *                                   → 200 {"id":"...","status":"ACCEPTED"}
 * POST   /{provider}/send          form API: key, ref, sender, receiver, msg_type, title, msg
 *                                   → 200 {"result_code":1,"msg_id":"..."}
 * POST   /{provider}/...           anything else: JSON or form with to|recipient|receiver|phone and text|msg|content
 * GET    /api/messages?to=&amp;provider=  newest first: {"total":n,"items":[...]}
 * DELETE /api/messages
 * GET    /api/providers               {"primary":"UP","secondary":"TIMEOUT",...}  (UP, OUTAGE, ERROR or TIMEOUT)
 * PUT    /api/providers/{provider}    {"outage":true|false}, or {"fault":"up|outage|error|timeout","holdSeconds":30}
 * GET    /                            the page
 * </pre>
 * A resend with the same Idempotency-Key / ref / messageId is answered with the first id and not kept twice.
 * Delivery reports, as real providers send them a moment after accepting: when a callback URL is configured for the
 * provider ({@code {provider}} in the template is replaced), {@code {"messageId":"<the sender's id>","status":"DELIVERED"}}
 * is POSTed to it with the provider's {@code X-Callback-Token}; a {@code callbackUrl} field in the request works too.
 */
public final class SmsSink implements AutoCloseable {

    private static final Set<String> RECIPIENT_FIELDS = Set.of("to", "recipient", "phone", "receiver", "destination", "msisdn");
    private static final Set<String> TEXT_FIELDS = Set.of("text", "msg", "content", "body", "message");
    private static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);
    /** How many SMS stay in memory unless told otherwise ({@code MADANG_SMS_KEEP}). */
    public static final int DEFAULT_KEEP = 2_000;
    private static final Set<String> REFERENCE_FIELDS = Set.of("messageId", "ref", "reference", "clientReference",
            "requestId");

    private final HttpServer web;
    private final Path journal;
    /** The newest {@code keep} SMS by id, oldest first; older ones only in the journal. */
    private final LinkedHashMap<Long, CapturedSms> messages = new LinkedHashMap<>();
    /** provider + reference → id, for the SMS held in memory: a resend is found without a scan. */
    private final Map<String, Long> byReference = new java.util.HashMap<>();
    private final int keep;
    private long stored;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, Duration> holds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String callbackUrlTemplate;
    private final Map<String, String> callbackTokens;
    private long nextId = 1;

    public SmsSink(int port, Path store) throws IOException {
        this(port, store, null, Map.of());
    }

    /**
     * @param callbackUrlTemplate where delivery reports go, {@code {provider}} replaced by the provider's name; null
     *                            for none
     * @param callbackTokens      the {@code X-Callback-Token} of each provider's reports
     */
    public SmsSink(int port, Path store, String callbackUrlTemplate, Map<String, String> callbackTokens)
            throws IOException {
        this(port, store, callbackUrlTemplate, callbackTokens, DEFAULT_KEEP);
    }

    /** @param keep how many of the newest SMS stay in memory (all of them stay in the journal) */
    public SmsSink(int port, Path store, String callbackUrlTemplate, Map<String, String> callbackTokens, int keep)
            throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, not " + keep);
        }
        this.keep = keep;
        Files.createDirectories(store);
        this.journal = store.resolve("messages.jsonl");
        this.callbackUrlTemplate = callbackUrlTemplate;
        this.callbackTokens = Map.copyOf(callbackTokens);
        load();
        // notification-service's two providers; any other name works too and shows up once used
        faults.put("alpha", Fault.UP);
        faults.put("beta", Fault.UP);
        // virtual threads: a provider in TIMEOUT holds requests without starving the other one or the API
        web = Http.server(port, Executors.newVirtualThreadPerTaskExecutor());
        web.createContext("/api/messages", Http.safe(this::messagesApi));
        web.createContext("/api/providers", Http.safe(this::providersApi));
        web.createContext("/", Http.safe(this::root));
        web.start();
    }

    /** Serves another dev tool on this sink's port, e.g. the AlimTalk sink under {@code /alimtalk}. */
    public void mount(String context, com.sun.net.httpserver.HttpHandler handler) {
        web.createContext(context, Http.safe(handler));
    }

    /** What a provider does with what it is sent. */
    public enum Fault {
        /** takes every SMS */
        UP,
        /** 503 with Retry-After, at once */
        OUTAGE,
        /** 500, at once */
        ERROR,
        /** holds the request (the sender's read timeout should fire first), then 504 */
        TIMEOUT
    }

    /** The SMS held in memory (the newest, at most {@code keep}), oldest first. */
    public synchronized List<CapturedSms> messages() {
        return List.copyOf(messages.values());
    }

    /** How many SMS are in the journal (every one since the last DELETE). */
    public synchronized long stored() {
        return stored;
    }

    private void root(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/") && exchange.getRequestMethod().equals("GET")) {
            page(exchange);
            return;
        }
        String[] segments = path.substring(1).split("/", 2);
        if (exchange.getRequestMethod().equals("POST") && segments[0].matches("[a-z0-9-]+")) {
            send(exchange, segments[0]);
            return;
        }
        Http.problem(exchange, 404, "Not found", exchange.getRequestMethod() + " " + path);
    }

    private void send(HttpExchange exchange, String provider) throws IOException {
        Fault fault = faults.computeIfAbsent(provider, p -> Fault.UP);
        switch (fault) {
            case OUTAGE -> {
                exchange.getResponseHeaders().set("Retry-After", "5");
                Http.problem(exchange, 503, "Provider outage", "The SMS sink simulates an outage of provider " + provider);
                return;
            }
            case ERROR -> {
                Http.body(exchange);
                Http.problem(exchange, 500, "Provider error", "The SMS sink simulates errors of provider " + provider);
                return;
            }
            case TIMEOUT -> {
                Http.body(exchange);
                try {
                    Thread.sleep(holds.getOrDefault(provider, DEFAULT_HOLD));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // by now the sender has given up and hung up, as on a provider that stopped answering
                Http.problem(exchange, 504, "Provider timeout", "The SMS sink simulates timeouts of provider " + provider);
                return;
            }
            case UP -> {
                // on to the SMS
            }
        }
        Map<String, String> fields = fields(exchange);
        String to = pick(fields, RECIPIENT_FIELDS);
        String text = pick(fields, TEXT_FIELDS);
        if (to == null || to.isBlank()) {
            Http.problem(exchange, 400, "Recipient missing", "Send the phone number as 'to'");
            return;
        }
        if (text == null || text.isBlank()) {
            Http.problem(exchange, 400, "Text missing", "Send the message as 'text'");
            return;
        }
        String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String reference = idempotencyKey != null ? idempotencyKey : pick(fields, REFERENCE_FIELDS);
        CapturedSms sms;
        boolean repeat;
        synchronized (this) {
            Long earlierId = reference == null ? null : byReference.get(referenceKey(provider, reference));
            CapturedSms earlier = earlierId == null ? null : messages.get(earlierId);
            repeat = earlier != null;
            if (repeat) {
                sms = earlier;
            } else {
                long id = nextId++;
                sms = new CapturedSms(id, provider + "-" + id, provider, Instant.now(),
                        pick(fields, Set.of("from", "sender", "originator")), to.trim(), text,
                        text.getBytes(java.nio.charset.Charset.forName("EUC-KR")).length, reference,
                        pick(fields, Set.of("callbackUrl", "statusCallback", "reportUrl", "webhookUrl")), "ACCEPTED");
                remember(sms);
                append(sms);
                stored++;
            }
        }
        String callback = sms.callbackUrl() != null && !sms.callbackUrl().isBlank() ? sms.callbackUrl()
                : callbackUrlTemplate == null ? null : callbackUrlTemplate.replace("{provider}", provider);
        if (!repeat && callback != null) {
            reports.schedule(() -> report(sms, callback, 1), 1, TimeUnit.SECONDS);
        }
        String path = exchange.getRequestURI().getPath();
        Map<String, Object> body = new LinkedHashMap<>();
        if (path.endsWith("/send")) {
            body.put("result_code", 1);
            body.put("msg_id", sms.messageId());
        } else {
            body.put("id", sms.messageId());
            body.put("messageId", sms.messageId());
            body.put("status", sms.status());
        }
        Http.json(exchange, 200, body);
    }

    /** Reports delivery; retried a few times while the receiver is not ready for it (409, 5xx, unreachable). */
    private void report(CapturedSms sms, String callbackUrl, int attempt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", sms.reference() != null ? sms.reference() : sms.messageId());
        body.put("status", "DELIVERED");
        String status;
        boolean retry = false;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callbackUrl))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Http.JSON.writeValueAsBytes(body)));
            String token = callbackTokens.get(sms.provider());
            if (token != null) {
                request.header("X-Callback-Token", token);
            }
            int code = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            status = code < 300 ? "DELIVERED (reported)" : "DELIVERED (report got HTTP " + code + ")";
            retry = code == 409 || code >= 500;
        } catch (IOException e) {
            status = "DELIVERED (report failed: " + e.getClass().getSimpleName() + ")";
            retry = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (retry && attempt < 5) {
            reports.schedule(() -> report(sms, callbackUrl, attempt + 1), 2L * attempt, TimeUnit.SECONDS);
        }
        synchronized (this) {
            String finalStatus = status;
            messages.computeIfPresent(sms.id(), (id, m) -> m.withStatus(finalStatus));
        }
    }

    /** A JSON object (or its first {@code messages[]} entry) or a form, flattened to its text fields. */
    private static Map<String, String> fields(HttpExchange exchange) throws IOException {
        byte[] raw = Http.body(exchange);
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, String> fields = new LinkedHashMap<>();
        if (contentType.contains("json") || (raw.length > 0 && raw[0] == '{')) {
            JsonNode node = Http.JSON.readTree(raw);
            if (node.has("messages") && node.get("messages").isArray() && !node.get("messages").isEmpty()) {
                node.get("messages").get(0).properties().forEach(e -> fields.put(e.getKey(), text(e.getValue())));
            }
            node.properties().forEach(e -> fields.putIfAbsent(e.getKey(), text(e.getValue())));
        } else {
            Http.parseForm(new String(raw, StandardCharsets.UTF_8)).forEach((k, v) -> fields.put(k, v.getFirst()));
        }
        Http.query(exchange).forEach((k, v) -> fields.putIfAbsent(k, v.getFirst()));
        return fields;
    }

    private static String text(JsonNode value) {
        if (value.isArray() && !value.isEmpty()) {
            return value.get(0).asText();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String pick(Map<String, String> fields, Set<String> names) {
        return fields.entrySet().stream()
                .filter(e -> names.stream().anyMatch(name -> name.equalsIgnoreCase(e.getKey())))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private void messagesApi(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                var query = Http.query(exchange);
                List<CapturedSms> found = filter(Http.first(query, "to"), Http.first(query, "provider"));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("total", found.size());
                body.put("stored", stored());
                body.put("items", found);
                Http.json(exchange, 200, body);
            }
            case "DELETE" -> {
                synchronized (this) {
                    messages.clear();
                    byReference.clear();
                    stored = 0;
                    Files.deleteIfExists(journal);
                }
                Http.send(exchange, 204, "text/plain", new byte[0]);
            }
            default -> Http.problem(exchange, 405, "Method not allowed", exchange.getRequestMethod());
        }
    }

    private void providersApi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
        if (path.equals("/api/providers") && exchange.getRequestMethod().equals("GET")) {
            Map<String, String> body = new LinkedHashMap<>();
            faults.forEach((provider, fault) -> body.put(provider, fault.name()));
            Http.json(exchange, 200, body);
            return;
        }
        String provider = path.substring(path.lastIndexOf('/') + 1);
        if ((exchange.getRequestMethod().equals("PUT") || exchange.getRequestMethod().equals("POST"))
                && provider.matches("[a-z0-9-]+")) {
            byte[] raw = Http.body(exchange);
            Fault fault;
            Duration holdFor = DEFAULT_HOLD;
            if (raw.length > 0 && raw[0] == '{') {
                JsonNode request = Http.JSON.readTree(raw);
                JsonNode outageField = request.get("outage");
                JsonNode faultField = request.get("fault");
                JsonNode holdField = request.get("holdSeconds");
                if (faultField != null) {
                    fault = faultField.isTextual() ? fault(faultField.asText()) : null;
                    if (fault == null) {
                        Http.problem(exchange, 400, "fault must be up, outage, error or timeout",
                                "Send {\"fault\":\"timeout\"}");
                        return;
                    }
                } else if (outageField != null && outageField.isBoolean()) {
                    fault = outageField.asBoolean() ? Fault.OUTAGE : Fault.UP;
                } else {
                    Http.problem(exchange, 400, "outage must be true or false", "Send {\"outage\":true}");
                    return;
                }
                if (holdField != null) {
                    if (!holdField.canConvertToInt() || holdField.asInt() < 1 || holdField.asInt() > 600) {
                        Http.problem(exchange, 400, "holdSeconds must be a number of seconds from 1 to 600",
                                "Send {\"fault\":\"timeout\",\"holdSeconds\":30}");
                        return;
                    }
                    holdFor = Duration.ofSeconds(holdField.asInt());
                }
            } else {
                fault = Boolean.parseBoolean(Http.parseForm(new String(raw, StandardCharsets.UTF_8))
                        .getOrDefault("outage", List.of("false")).getFirst()) ? Fault.OUTAGE : Fault.UP;
            }
            holds.put(provider, holdFor);
            faults.put(provider, fault);
            if (raw.length > 0 && raw[0] != '{') {
                // the page's form: back to it, in the language it was in
                exchange.getResponseHeaders().set("Location", "/" + PageText.of(Http.first(
                        Http.parseForm(new String(raw, StandardCharsets.UTF_8)), "lang")).query());
                Http.send(exchange, 303, "text/plain", new byte[0]);
            } else {
                Http.json(exchange, 200, Map.of(provider, fault.name()));
            }
            return;
        }
        Http.problem(exchange, 404, "Not found", path);
    }

    private static Fault fault(String name) {
        String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
        if (upper.equals("NONE")) {
            return Fault.UP;
        }
        for (Fault fault : Fault.values()) {
            if (fault.name().equals(upper)) {
                return fault;
            }
        }
        return null;
    }

    private synchronized List<CapturedSms> filter(String to, String provider) {
        String digits = to == null ? null : national(to);
        return messages.sequencedValues().reversed().stream()
                .filter(sms -> digits == null || national(sms.to()).equals(digits))
                .filter(sms -> provider == null || sms.provider().equals(provider))
                .toList();
    }

    /** 010-1234-5678, 01012345678 and +82 10 1234 5678 are the same phone. */
    static String national(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.startsWith("82") ? "0" + digits.substring(2) : digits;
    }

    private void page(HttpExchange exchange) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (CapturedSms sms : filter(null, null)) {
            rows.append("<tr><td>").append(sms.id()).append("</td><td>").append(sms.receivedAt())
                    .append("</td><td><span class=\"pill\">").append(Http.escape(sms.provider()))
                    .append("</span></td><td>").append(Http.escape(sms.to())).append("</td><td><pre>")
                    .append(Http.escape(sms.text())).append("</pre></td><td>").append(sms.length())
                    .append("</td><td>").append(Http.escape(sms.status())).append("</td></tr>");
        }
        PageText text = PageText.of(exchange);
        StringBuilder providers = new StringBuilder();
        faults.forEach((provider, fault) -> providers.append("<form method=\"post\" action=\"/api/providers/")
                .append(provider).append("\" style=\"display:inline\"><input type=\"hidden\" name=\"outage\" value=\"")
                .append(fault == Fault.UP).append("\"><input type=\"hidden\" name=\"lang\" value=\"").append(text.lang())
                .append("\"><button>").append(Http.escape(fault == Fault.UP ? text.get("sms.provider.up", provider)
                        : text.get("sms.provider.fault", provider, fault.name()))).append("</button></form> "));
        StringBuilder header = new StringBuilder("<tr>");
        for (String column : new String[] {"id", "received", "provider", "to", "text", "bytes", "status"}) {
            header.append("<th scope=\"col\">").append(Http.escape(text.get("sms.col." + column))).append("</th>");
        }
        header.append("</tr>");
        Http.html(exchange, Http.page(text.lang(), text.get("sms.title"), """
                <p class="muted">%s</p><section aria-label="%s"><p>%s</p></section>
                <table>%s%s</table>
                """.formatted(text.get("sms.intro", web.getAddress().getPort(), stored()),
                Http.escape(text.get("sms.providers")), providers, header, rows)));
    }

    private void load() throws IOException {
        if (!Files.exists(journal)) {
            return;
        }
        try (var lines = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    CapturedSms sms = Http.JSON.readValue(line, CapturedSms.class);
                    remember(sms);
                    stored++;
                    nextId = Math.max(nextId, sms.id() + 1);
                }
            }
        }
    }

    /** Holds an SMS in memory, dropping the oldest beyond {@code keep}. */
    private void remember(CapturedSms sms) {
        messages.put(sms.id(), sms);
        if (sms.reference() != null) {
            byReference.put(referenceKey(sms.provider(), sms.reference()), sms.id());
        }
        while (messages.size() > keep) {
            CapturedSms oldest = messages.pollFirstEntry().getValue();
            if (oldest.reference() != null) {
                byReference.remove(referenceKey(oldest.provider(), oldest.reference()), oldest.id());
            }
        }
    }

    private static String referenceKey(String provider, String reference) {
        return provider + "\u0000" + reference;
    }

    private void append(CapturedSms sms) {
        try {
            Files.writeString(journal, Http.JSON.writeValueAsString(sms) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        reports.shutdownNow();
        web.stop(0);
    }
}
