package kr.madang.platform.pages;

import java.util.Locale;
import java.util.Optional;

/**
 * A service's wording of its API problems' details in a page's language. The API speaks English to machines; a page
 * shows a detail only in the reader's language, so an untranslated detail is left out of a Korean page.
 */
@FunctionalInterface
public interface ProblemTexts {

    Optional<String> translate(String apiDetail, Locale locale);
}
