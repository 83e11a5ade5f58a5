package kr.madang.e2e.operations;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading to list the metrics an expression selects and the label names it matches on: the
 * names that must exist in the services' {@code /actuator/prometheus} output for a rule or panel to mean anything.
 */
final class PromQl {

    private static final Pattern SELECTOR = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{((?:[^}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.\"])([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    private PromQl() {
    }

    /** Metric name → label names the expression matches on (empty set when it has no matchers). */
    static Map<String, Set<String>> selectors(String expr) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        Matcher selector = SELECTOR.matcher(expr);
        while (selector.find()) {
            Set<String> labels = found.computeIfAbsent(selector.group(1), name -> new LinkedHashSet<>());
            Matcher matcher = MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                labels.add(matcher.group(1));
            }
        }
        String rest = SELECTOR.matcher(expr).replaceAll("$1 ")
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ");
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group(1);
            int next = identifier.end();
            while (next < rest.length() && Character.isWhitespace(rest.charAt(next))) {
                next++;
            }
            boolean function = next < rest.length() && rest.charAt(next) == '(';
            if (!function && !KEYWORDS.contains(name)) {
                found.computeIfAbsent(name, n -> new LinkedHashSet<>());
            }
        }
        return found;
    }
}
