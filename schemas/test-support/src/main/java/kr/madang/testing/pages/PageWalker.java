package kr.madang.testing.pages;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 16 item 5: walks pages over plain HTTP (one cookie jar per walker, so one signed-in user) and reads the text
 * a person sees, to find what must never be shown: "null", raw enum names, ids, missing message keys, and words of
 * the other language. The test data's own values (names, organisations, Korean venues) are passed as allowed.
 */
public final class PageWalker {

    /** What one page showed: its status and the text a person reads (text nodes and alt/title/aria-label/placeholder). */
    public record Page(String path, int status, String html, String text) {
    }

    private static final Pattern NULLISH = Pattern.compile("(?<![A-Za-z])(null|undefined|NaN)(?![A-Za-z])|Optional\\[|\\?\\?[A-Za-z0-9_.]+\\?\\?");
    private static final Pattern ENUM_NAME = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])[A-Z]{4,}(?![A-Za-z0-9_])");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|party:");
    private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3\\u3131-\\u318E]+(?:\\s*[\\uAC00-\\uD7A3\\u3131-\\u318E]+)*");
    private static final Pattern ENGLISH_RUN = Pattern.compile("(?<![A-Za-z])[A-Za-z][A-Za-z'’]*(?:[ ,]+[A-Za-z][A-Za-z'’]*){2,}");
    private static final Pattern EMAIL_OR_URL = Pattern.compile("[\\w.+-]+(?:\\*+)?@[\\w.-]+|https?://\\S+");
    /** Acronyms a person reads as words, in either language. */
    private static final Set<String> ACRONYMS = Set.of("QR", "CSV", "PDF", "MOU", "SMS", "LMS", "HQ", "URL", "API", "ICS",
            "PIPA", "SMTP", "HTTP", "UTF", "EUC", "WCAG", "KWCAG", "AVRO", "ABCD", "EFGH");

    private final String base;
    private final HttpClient http;

    public PageWalker(int port) {
        this.base = "http://localhost:" + port;
        CookieManager cookies = new CookieManager();
        cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The local stack's dev sign-in, as the sign-in page's form posts it (with its CSRF token). */
    public PageWalker devSignIn(String role, String region, String event) {
        Page form = send("GET", "/sign-in", null, null);
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
                .matcher(form.html());
        Map<String, String> fields = new LinkedHashMap<>();
        if (csrf.find()) {
            fields.put("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        }
        fields.put("role", role);
        fields.put("region", region == null ? "" : region);
        fields.put("event", event == null ? "" : event);
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Page signedIn = send("POST", "/sign-in/dev", "application/x-www-form-urlencoded", body.toString());
        if (signedIn.status() != 302) {
            throw new AssertionError("dev sign-in as " + role + " answered " + signedIn.status() + ":\n" + signedIn.text());
        }
        return this;
    }

    /** GET of a page in one language ({@code ?lang=}, the pages' own switch). */
    public Page get(String path, String lang) {
        return send("GET", path + (path.contains("?") ? "&" : "?") + "lang=" + lang, null, null);
    }

    public Page send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(path, response.statusCode(), response.body(), visibleText(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /**
     * What is wrong with a page's text for a reader of {@code lang}, one line per finding ({@code path [lang]: kind
     * "excerpt"}), empty when nothing is. {@code allowed}: the test data's own values and proper names, removed from
     * the text before the language checks; {@code allowIds}: ops pages, whose readers act on ids and event types.
     */
    public static List<String> findings(Page page, String lang, Collection<String> allowed, boolean allowIds) {
        List<String> found = new ArrayList<>();
        String where = page.path() + " [" + lang + "]: ";
        String text = visibleText(page.html(), lang);
        List<String> sorted = allowed.stream().filter(s -> !s.isBlank()).sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String s : sorted) {
            text = text.replace(s, " ");
        }
        text = EMAIL_OR_URL.matcher(text).replaceAll(" ");
        collect(found, where + "null-ish ", NULLISH.matcher(page.text()));
        collect(found, where + "missing message key ", Pattern.compile("\\?\\?[^?\\s]+\\?\\?").matcher(page.html()));
        Matcher enums = ENUM_NAME.matcher(text);
        while (enums.find()) {
            if (!ACRONYMS.contains(enums.group())) {
                found.add(where + "raw enum name " + excerpt(text, enums));
            }
        }
        if (!allowIds) {
            collect(found, where + "id ", ID.matcher(text));
        }
        if (lang.equals("en")) {
            collect(found, where + "Korean on an English page ", HANGUL.matcher(text));
        } else {
            collect(found, where + "English on a Korean page ", ENGLISH_RUN.matcher(text));
        }
        return found;
    }

    private static void collect(List<String> found, String kind, Matcher m) {
        while (m.find()) {
            found.add(kind + excerpt(m));
        }
    }

    private static String excerpt(Matcher m) {
        return "\"" + m.group() + "\"";
    }

    private static String excerpt(String text, Matcher m) {
        int from = Math.max(0, m.start() - 30);
        int to = Math.min(text.length(), m.end() + 30);
        return "\"" + m.group() + "\" in \"" + text.substring(from, to).replaceAll("\\s+", " ") + "\"";
    }

    /** The text a person reads: text nodes (not script/style) and the alt, title, aria-label and placeholder attributes. */
    public static String visibleText(String html) {
        return visibleText(html, null);
    }

    /**
     * The text a person reads as words of {@code lang}: without machine text ({@code <code>}, {@code <samp>}: file
     * headers, provider replies, exception reasons) and without parts marked as another language ({@code lang="en"}
     * on a Korean page: a template shown as its readers get it). {@code null}: everything.
     */
    public static String visibleText(String html, String lang) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c != '<') {
                int next = html.indexOf('<', i);
                int end = next < 0 ? n : next;
                out.append(decode(html.substring(i, end)));
                i = end;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i);
                i = end < 0 ? n : end + 3;
                continue;
            }
            int end = tagEnd(html, i);
            String tag = html.substring(i + 1, end);
            i = end + 1;
            String name = tagName(tag);
            for (String attribute : List.of("alt", "title", "aria-label", "placeholder")) {
                String value = attribute(tag, attribute);
                if (value != null) {
                    out.append(' ').append(decode(value)).append(' ');
                }
            }
            out.append(' ');
            String partLang = name.equals("html") || tag.endsWith("/") ? null : attribute(tag, "lang");
            boolean otherPart = lang != null && (name.equals("code") || name.equals("samp")
                    || (partLang != null && !partLang.startsWith(lang)));
            if (otherPart) {
                i = afterElement(html, i, name);
                continue;
            }
            if (name.equals("script") || name.equals("style") || name.equals("template")) {
                int close = html.toLowerCase().indexOf("</" + name, i);
                i = close < 0 ? n : close;
            }
        }
        return out.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }

    /** Where the element opened just before {@code from} ends (its close tag, counting nested ones of its name). */
    private static int afterElement(String html, int from, String name) {
        String lower = html.toLowerCase();
        int depth = 1;
        int i = from;
        while (depth > 0) {
            int open = lower.indexOf("<" + name, i);
            int close = lower.indexOf("</" + name, i);
            if (close < 0) {
                return html.length();
            }
            if (open >= 0 && open < close && open + name.length() + 1 < lower.length()
                    && !Character.isLetterOrDigit(lower.charAt(open + name.length() + 1))) {
                depth++;
                i = open + name.length() + 1;
            } else {
                depth--;
                i = close + name.length() + 2;
            }
        }
        int end = html.indexOf('>', i);
        return end < 0 ? html.length() : end + 1;
    }

    private static int tagEnd(String html, int start) {
        char quote = 0;
        for (int j = start + 1; j < html.length(); j++) {
            char c = html.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j;
            }
        }
        return html.length() - 1;
    }

    private static String tagName(String tag) {
        int j = 0;
        StringBuilder name = new StringBuilder();
        while (j < tag.length() && !Character.isWhitespace(tag.charAt(j)) && tag.charAt(j) != '/' && tag.charAt(j) != '>') {
            name.append(Character.toLowerCase(tag.charAt(j)));
            j++;
        }
        return name.toString();
    }

    private static String attribute(String tag, String attribute) {
        String lower = tag.toLowerCase();
        int from = 0;
        while (true) {
            int at = lower.indexOf(attribute, from);
            if (at < 0) {
                return null;
            }
            boolean startsWord = at > 0 && Character.isWhitespace(lower.charAt(at - 1));
            int eq = at + attribute.length();
            if (startsWord && eq < tag.length() && tag.charAt(eq) == '=' && eq + 1 < tag.length()) {
                char quote = tag.charAt(eq + 1);
                if (quote == '"' || quote == '\'') {
                    int close = tag.indexOf(quote, eq + 2);
                    return close < 0 ? null : tag.substring(eq + 2, close);
                }
            }
            from = at + attribute.length();
        }
    }

    private static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i && semi - i < 10) {
                String entity = s.substring(i + 1, semi);
                String decoded = switch (entity) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    default -> entity.startsWith("#x") ? String.valueOf((char) Integer.parseInt(entity.substring(2), 16))
                            : entity.startsWith("#") ? String.valueOf((char) Integer.parseInt(entity.substring(1))) : null;
                };
                if (decoded != null) {
                    out.append(decoded);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
