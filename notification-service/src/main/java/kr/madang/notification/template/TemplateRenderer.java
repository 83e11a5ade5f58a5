package kr.madang.notification.template;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} placeholders and turns a rendered body into the HTML part of an email. Values are
 * inserted as text; the HTML part escapes the whole text, so a name like {@code <script>} arrives as text.
 */
public final class TemplateRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private TemplateRenderer() {
    }

    public static Set<String> placeholdersIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Missing values render empty: the catalog guarantees every allowed name is supplied, possibly blank. */
    public static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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

    /** The HTML part: escaped paragraphs, links made clickable, an unsubscribe footer for non-essential mail. */
    public static String html(String subject, String text, String language, String unsubscribeUrl) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String escaped = escapeHtml(paragraph.strip()).replace("\n", "<br>\n");
            body.append("<p>").append(linkify(escaped)).append("</p>\n");
        }
        if (unsubscribeUrl != null) {
            String label = "en".equals(language) ? "Stop receiving these messages" : "이 알림 수신 거부";
            body.append("<p style=\"font-size:12px;color:#666\"><a href=\"").append(escapeHtml(unsubscribeUrl))
                    .append("\">").append(label).append("</a></p>\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"" + language + "\"><head><meta charset=\"UTF-8\"><title>"
                + escapeHtml(subject == null ? "" : subject) + "</title></head>\n"
                + "<body style=\"font-family:'Malgun Gothic','Apple SD Gothic Neo',sans-serif;line-height:1.6\">\n"
                + body + "</body></html>\n";
    }

    /** The text part gets the unsubscribe link too, for readers that show only text. */
    public static String text(String text, String language, String unsubscribeUrl) {
        if (unsubscribeUrl == null) {
            return text;
        }
        String label = "en".equals(language) ? "Stop receiving these messages: " : "이 알림 수신 거부: ";
        return text + "\n\n--\n" + label + unsubscribeUrl;
    }

    private static String linkify(String escaped) {
        Matcher m = URL.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + url + "\">" + url + "</a>"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
