package kr.madang.local.devtools.alimtalk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import kr.madang.local.devtools.web.Http;
import kr.madang.local.devtools.web.PageText;

/**
 * Stands in for NHN Cloud's KakaoTalk Bizmessage AlimTalk API v2.3, mounted on the SMS sink's server (same process,
 * same port) under {@code /alimtalk}: notification-service's base URL for AlimTalk is the SMS sink itself. Every
 * AlimTalk is accepted and kept in memory (the newest {@code keep}); nothing reaches a phone, so delivery is up to
 * the developer: the page has, per message, a button for each report notification-service understands, and the
 * report is POSTed to its callback endpoint with the stack's callback token.
 *
 * <pre>
 * POST /alimtalk/v2.3/appkeys/{appKey}/raw-messages   NHN request → NHN answer (header + sendResults)
 * POST /alimtalk/v2.3/appkeys/{appKey}/messages       the same, for the templateParameter form
 * POST /alimtalk/reports/{id}                          form status=DELIVERED|NOT_KAKAOTALK_USER: send that report
 * GET  /alimtalk/api/messages                          newest first, JSON
 * GET  /alimtalk/                                      the page
 * </pre>
 */
public final class AlimTalkSink {

    /** How many AlimTalks stay in memory unless told otherwise ({@code MADANG_ALIMTALK_KEEP}). */
    public static final int DEFAULT_KEEP = 2_000;
    /** Kakao's result code for a recipient who cannot get AlimTalk (not a KakaoTalk user, or blocked it). */
    public static final String NOT_A_KAKAOTALK_USER = "3018";

    /** One AlimTalk as the vendor took it. */
    public record CapturedAlimTalk(long id, String requestId, Instant receivedAt, String senderKey, String templateCode,
                                   String recipientNo, String content, List<Map<String, String>> buttons,
                                   String groupingKey, String status) {

        CapturedAlimTalk withStatus(String newStatus) {
            return new CapturedAlimTalk(id, requestId, receivedAt, senderKey, templateCode, recipientNo, content, buttons,
                    groupingKey, newStatus);
        }
    }

    private final LinkedHashMap<Long, CapturedAlimTalk> messages = new LinkedHashMap<>();
    private final int keep;
    private final String callbackUrl;
    private final String callbackToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private long nextId = 1;

    /**
     * @param callbackUrl   notification-service's {@code /api/alimtalk/callbacks/nhn}; null: the buttons only mark the row
     * @param callbackToken the {@code X-Callback-Token} of the reports
     */
    public AlimTalkSink(int keep, String callbackUrl, String callbackToken) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, not " + keep);
        }
        this.keep = keep;
        this.callbackUrl = callbackUrl;
        this.callbackToken = callbackToken;
    }

    public synchronized List<CapturedAlimTalk> messages() {
        return List.copyOf(messages.values());
    }

    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && path.matches("/alimtalk/v2\\.3/appkeys/[^/]+/(raw-)?messages")) {
            send(exchange);
        } else if (method.equals("POST") && path.matches("/alimtalk/reports/\\d+")) {
            report(exchange, Long.parseLong(path.substring(path.lastIndexOf('/') + 1)));
        } else if (method.equals("GET") && path.equals("/alimtalk/api/messages")) {
            Http.json(exchange, 200, Map.of("total", messages().size(), "items", messages().reversed()));
        } else if (method.equals("GET") && (path.equals("/alimtalk") || path.equals("/alimtalk/"))) {
            page(exchange);
        } else {
            Http.problem(exchange, 404, "Not found", method + " " + path);
        }
    }

    private void send(HttpExchange exchange) throws IOException {
        JsonNode request = Http.JSON.readTree(Http.body(exchange));
        JsonNode recipients = request.path("recipientList");
        if (!recipients.isArray() || recipients.isEmpty() || request.path("templateCode").asText().isBlank()) {
            Http.json(exchange, 200, Map.of("header", Map.of("resultCode", -1000, "resultMessage",
                    "templateCode and recipientList are required", "isSuccessful", false)));
            return;
        }
        String requestId = "sink-" + Instant.now().toEpochMilli() + "-" + nextId;
        List<Map<String, Object>> results = new ArrayList<>();
        int seq = 1;
        for (JsonNode recipient : recipients) {
            List<Map<String, String>> buttons = new ArrayList<>();
            recipient.path("buttons").forEach(b -> buttons.add(Map.of("name", b.path("name").asText(),
                    "link", b.path("linkMo").asText())));
            String content = recipient.has("content") ? recipient.path("content").asText()
                    : "(templateParameter) " + recipient.path("templateParameter");
            synchronized (this) {
                long id = nextId++;
                messages.put(id, new CapturedAlimTalk(id, requestId, Instant.now(), request.path("senderKey").asText(),
                        request.path("templateCode").asText(), recipient.path("recipientNo").asText(), content, buttons,
                        recipient.path("recipientGroupingKey").asText(null), "ACCEPTED"));
                while (messages.size() > keep) {
                    messages.pollFirstEntry();
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("recipientSeq", seq++);
            result.put("recipientNo", recipient.path("recipientNo").asText());
            result.put("resultCode", 0);
            result.put("resultMessage", "SUCCESS");
            result.put("recipientGroupingKey", recipient.path("recipientGroupingKey").asText(null));
            results.add(result);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("requestId", requestId);
        message.put("senderGroupingKey", request.path("senderGroupingKey").asText(null));
        message.put("sendResults", results);
        Http.json(exchange, 200, Map.of("header", Map.of("resultCode", 0, "resultMessage", "SUCCESS", "isSuccessful", true),
                "message", message));
    }

    /** The page's buttons: sends notification-service the report, then back to the page. */
    private void report(HttpExchange exchange, long id) throws IOException {
        var form = Http.parseForm(new String(Http.body(exchange), StandardCharsets.UTF_8));
        String status = Http.first(form, "status");
        CapturedAlimTalk message;
        synchronized (this) {
            message = messages.get(id);
        }
        if (message == null || !("DELIVERED".equals(status) || "NOT_KAKAOTALK_USER".equals(status))) {
            Http.problem(exchange, 400, "Unknown message or status", "status must be DELIVERED or NOT_KAKAOTALK_USER");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", message.groupingKey());
        body.put("status", status.equals("DELIVERED") ? "DELIVERED" : "FAILED");
        if (!status.equals("DELIVERED")) {
            body.put("reason", NOT_A_KAKAOTALK_USER);
        }
        String outcome = status.equals("DELIVERED") ? "DELIVERED" : "FAILED " + NOT_A_KAKAOTALK_USER + " (not a KakaoTalk user)";
        if (callbackUrl != null && message.groupingKey() != null) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callbackUrl)).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Http.JSON.writeValueAsBytes(body)));
                if (callbackToken != null) {
                    request.header("X-Callback-Token", callbackToken);
                }
                int code = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                outcome += code < 300 ? " (reported)" : " (report got HTTP " + code + ")";
            } catch (IOException e) {
                outcome += " (report failed: " + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        String finalOutcome = outcome;
        synchronized (this) {
            messages.computeIfPresent(id, (key, m) -> m.withStatus(finalOutcome));
        }
        // back to the page, in the language it was in
        exchange.getResponseHeaders().set("Location", "/alimtalk/" + PageText.of(Http.first(form, "lang")).query());
        Http.send(exchange, 303, "text/plain", new byte[0]);
    }

    private void page(HttpExchange exchange) throws IOException {
        PageText text = PageText.of(exchange);
        StringBuilder rows = new StringBuilder();
        for (CapturedAlimTalk m : messages().reversed()) {
            StringBuilder buttons = new StringBuilder();
            m.buttons().forEach(b -> buttons.append("<li>").append(Http.escape(b.get("name"))).append(": <code>")
                    .append(Http.escape(b.get("link"))).append("</code></li>"));
            rows.append("<tr><td>").append(m.id()).append("</td><td>").append(m.receivedAt())
                    .append("</td><td><code>").append(Http.escape(m.templateCode())).append("</code></td><td>")
                    .append(Http.escape(m.recipientNo())).append("</td><td><pre>").append(Http.escape(m.content()))
                    .append("</pre><ul>").append(buttons).append("</ul></td><td>").append(Http.escape(m.status()))
                    .append("</td><td>");
            if (m.status().equals("ACCEPTED")) {
                rows.append(reportButton(text, m.id(), "DELIVERED", text.get("alimtalk.report.delivered"),
                                text.get("alimtalk.report.delivered.name", m.id())))
                        .append(' ')
                        .append(reportButton(text, m.id(), "NOT_KAKAOTALK_USER", text.get("alimtalk.report.notKakao"),
                                text.get("alimtalk.report.notKakao.name", m.id())));
            }
            rows.append("</td></tr>");
        }
        StringBuilder header = new StringBuilder("<tr>");
        for (String column : new String[] {"id", "received", "template", "to", "content", "status", "report"}) {
            header.append("<th scope=\"col\">").append(Http.escape(text.get("alimtalk.col." + column))).append("</th>");
        }
        header.append("</tr>");
        Http.html(exchange, Http.page(text.lang(), text.get("alimtalk.title"), """
                <p class="muted">%s</p>
                <table>%s%s</table>
                """.formatted(text.get("alimtalk.intro", keep, text.query()), header, rows)));
    }

    private static String reportButton(PageText text, long id, String status, String label, String accessibleName) {
        return "<form method=\"post\" action=\"/alimtalk/reports/" + id + "\" style=\"display:inline\">"
                + "<input type=\"hidden\" name=\"status\" value=\"" + status + "\">"
                + "<input type=\"hidden\" name=\"lang\" value=\"" + text.lang() + "\">"
                + "<button type=\"submit\" aria-label=\"" + Http.escape(accessibleName) + "\">" + Http.escape(label)
                + "</button></form>";
    }
}
