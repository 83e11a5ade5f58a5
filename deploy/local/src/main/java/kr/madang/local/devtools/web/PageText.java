package kr.madang.local.devtools.web;

import java.util.Locale;
import java.util.ResourceBundle;

import com.sun.net.httpserver.HttpExchange;

/**
 * The dev tools pages' words, from {@code messages-devtools.properties} (Korean, the default) and
 * {@code messages-devtools_en.properties} ({@code ?lang=en}, or a form's {@code lang} field).
 */
public final class PageText {

    private static final String BUNDLE = "messages-devtools";
    // no fallback to the JVM's own locale: Korean is the default whatever the machine says
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String lang;
    private final ResourceBundle bundle;

    private PageText(String lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle(BUNDLE, lang.equals("en") ? Locale.ENGLISH : Locale.ROOT, NO_FALLBACK);
    }

    /** {@code en} or {@code ko}; anything else is Korean. */
    public static PageText of(String lang) {
        return new PageText("en".equalsIgnoreCase(lang) ? "en" : "ko");
    }

    /** The language the request asks for with {@code ?lang=}. */
    public static PageText of(HttpExchange exchange) {
        return of(Http.first(Http.query(exchange), "lang"));
    }

    /** {@code ko} or {@code en}, for {@code <html lang>} and links. */
    public String lang() {
        return lang;
    }

    /** The query string that keeps this language on a link or a redirect: empty for Korean. */
    public String query() {
        return lang.equals("en") ? "?lang=en" : "";
    }

    /** The text of a key, its {@code %s}/{@code %d} filled in. */
    public String get(String key, Object... args) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : text.formatted(args);
    }
}
