package kr.madang.registration.consent;

import java.time.Instant;

/**
 * One published consent text, in Korean and English, with what PIPA Art. 15(2) requires a person to be told before
 * agreeing: the purpose, the items collected, how long they are kept, the right to refuse, and what refusing means.
 */
public record ConsentPolicy(String version, Instant publishedAt, Text ko, Text en) {

    /** The five things to be told, in one language. */
    public record Text(String purpose, String items, String retention, String rightToRefuse,
                       String refusalConsequence) {
    }

    /** The text in the page's language: English for "en", Korean otherwise. */
    public Text in(String language) {
        return "en".equals(language) ? en : ko;
    }
}
