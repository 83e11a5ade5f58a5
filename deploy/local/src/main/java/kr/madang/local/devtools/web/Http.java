package kr.madang.local.devtools.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** The JDK's HTTP server with the few helpers the dev tools need: JSON, HTML, query strings. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Http() {
    }

    /** Where the dev tools listen: localhost, unless {@code MADANG_BIND_ADDRESS} says otherwise (0.0.0.0 in a container). */
    public static String bindAddress() {
        String configured = System.getenv("MADANG_BIND_ADDRESS");
        return configured == null || configured.isBlank() ? "localhost" : configured.trim();
    }

    public static HttpServer server(int port) throws IOException {
        return server(port, Executors.newFixedThreadPool(4));
    }

    /** With its own executor: virtual threads where a handler may hold a request for long (a provider timing out). */
    public static HttpServer server(int port, java.util.concurrent.Executor executor) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress(), port), 50);
        server.setExecutor(executor);
        return server;
    }

    /** Wraps a handler so that any exception becomes a 500 JSON answer instead of a dropped connection. */
    public static HttpHandler safe(HttpHandler handler) {
        return exchange -> {
            try (exchange) {
                handler.handle(exchange);
            } catch (Exception e) {
                try {
                    json(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
                } catch (IOException ignored) {
                    // response already started
                }
            }
        };
    }

    public static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8",
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
    }

    public static void html(HttpExchange exchange, String body) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    public static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    public static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        send(exchange, status, "application/problem+json; charset=utf-8",
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(problem));
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    public static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** Query parameters; a repeated name keeps every value. */
    public static Map<String, List<String>> query(HttpExchange exchange) {
        return parseForm(exchange.getRequestURI().getRawQuery());
    }

    public static Map<String, List<String>> parseForm(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return params;
    }

    public static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The page frame every dev tool shares. */
    public static String page(String title, String body) {
        return page("ko", title, body);
    }

    /** The page frame in a language ({@code ko} or {@code en}). */
    public static String page(String lang, String title, String body) {
        return """
                <!doctype html><html lang="%s"><head><meta charset="utf-8"><title>%s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>
                body{font-family:system-ui,"Apple SD Gothic Neo","Noto Sans KR",sans-serif;margin:1.5rem;color:#222}
                table{border-collapse:collapse;width:100%%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
                th{background:#f4f4f4}code,pre{background:#f6f6f6;padding:.1rem .3rem}pre{white-space:pre-wrap;padding:.6rem}
                .muted{color:#595959}.pill{display:inline-block;padding:0 .4rem;border-radius:.6rem;background:#eef}
                iframe{width:100%%;height:28rem;border:1px solid #ddd}
                </style></head><body><main><h1>%s</h1>%s</main></body></html>
                """.formatted(escape(lang), escape(title), escape(title), body);
    }
}
