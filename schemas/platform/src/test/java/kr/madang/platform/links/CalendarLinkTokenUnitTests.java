package kr.madang.platform.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class CalendarLinkTokenUnitTests {

    private static final String SECRET = "a-shared-secret-of-at-least-32-characters";
    private static final Instant EXPIRES = Instant.ofEpochSecond(1_700_000_000L);
    private static final String REGISTRATION = "7d4c1a52-3f0e-4b7a-9a59-0c1f6a3e2b10";
    private static final String EVENT = "0b8e6f7c-2f3d-4e21-9c55-5d1a0e7b9a44";
    /** A token as the ticket pages issued it before this class existed: it must keep opening. */
    private static final String ISSUED = "k1." + REGISTRATION + "." + EVENT + ".en.s44we8.R9Kp8nlT4EkRlkyaqO76vw";

    private static CalendarLinkToken at(Instant now) {
        return new CalendarLinkToken("k1", SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aSealedTokenOpensToItsGrantUntilItExpires() {
        CalendarLinkToken tokens = at(EXPIRES.minusSeconds(3600));
        String token = tokens.seal(REGISTRATION, EVENT, "en", EXPIRES);
        assertThat(token).isEqualTo(ISSUED);
        assertThat(tokens.open(token)).isEqualTo(new CalendarLinkToken.Opened(
                new CalendarLinkToken.Grant(REGISTRATION, EVENT, "en", EXPIRES), null));
        assertThat(at(EXPIRES.minusSeconds(1)).open(token).grant()).isNotNull();
        assertThat(tokens.open(tokens.seal(REGISTRATION, EVENT, "fr", EXPIRES)).grant().language())
                .as("any other language is Korean").isEqualTo("ko");
    }

    @Test
    void anExpiredTokenIsExpiredNotInvalid() {
        assertThat(at(EXPIRES).open(ISSUED)).isEqualTo(new CalendarLinkToken.Opened(null, CalendarLinkToken.Refusal.EXPIRED));
        assertThat(at(EXPIRES.plusSeconds(86_400)).open(ISSUED).refusal()).isEqualTo(CalendarLinkToken.Refusal.EXPIRED);
    }

    @Test
    void aTamperedForeignOrMalformedTokenIsInvalidEvenWhenAlsoExpired() {
        CalendarLinkToken tokens = at(EXPIRES.minusSeconds(60));
        for (String bad : List.of(ISSUED.replace(".en.", ".ko."), ISSUED.replace("7d4c1a52", "7d4c1a53"),
                ISSUED.replace(".s44we8.", ".s44we9."), ISSUED.substring(0, ISSUED.length() - 2), "garbage", "")) {
            assertThat(tokens.open(bad).refusal()).as(bad).isEqualTo(CalendarLinkToken.Refusal.INVALID);
            assertThat(at(EXPIRES.plusSeconds(60)).open(bad).refusal()).as(bad).isEqualTo(CalendarLinkToken.Refusal.INVALID);
        }
        assertThat(tokens.open(null).refusal()).isEqualTo(CalendarLinkToken.Refusal.INVALID);
        assertThat(new CalendarLinkToken("k1", SECRET + "x", Clock.fixed(EXPIRES.minusSeconds(60), ZoneOffset.UTC))
                .open(ISSUED).refusal()).as("another key").isEqualTo(CalendarLinkToken.Refusal.INVALID);
        LinkKeyRing ring = new LinkKeyRing(List.of(new LinkKeyRing.Key("k1", SECRET, null)), 16,
                Clock.fixed(EXPIRES.minusSeconds(60), ZoneOffset.UTC));
        assertThat(tokens.open(ring.seal("opt-out", REGISTRATION + "." + EVENT + ".en.s44we8")).refusal())
                .as("sealed for another purpose").isEqualTo(CalendarLinkToken.Refusal.INVALID);
        assertThat(tokens.open(tokens.seal("not-a-uuid", EVENT, "en", EXPIRES)).refusal())
                .as("a genuine seal around a payload that is no calendar grant").isEqualTo(CalendarLinkToken.Refusal.INVALID);
    }
}
