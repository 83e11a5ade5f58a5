package kr.madang.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CalendarLinksUnitTests {

    private static final String SECRET = "a-shared-secret-of-at-least-32-characters";
    private static final Instant EXPIRES = Instant.ofEpochSecond(1_700_000_000L);
    /**
     * Made by registration-service's ticket page for these values (its CalendarLinksUnitTests pins the same string):
     * the two services agree on the link's form without sharing code.
     */
    static final String MADE_BY_THE_TICKET_PAGE = "k1.7d4c1a52-3f0e-4b7a-9a59-0c1f6a3e2b10"
            + ".0b8e6f7c-2f3d-4e21-9c55-5d1a0e7b9a44.en.s44we8.R9Kp8nlT4EkRlkyaqO76vw";

    private static CalendarLinks at(Instant now) {
        return new CalendarLinks("k1", SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theTicketPagesLinkOpensUntilItExpires() {
        CalendarLinks.Opened opened = at(EXPIRES.minusSeconds(1)).open(MADE_BY_THE_TICKET_PAGE);
        assertThat(opened.grant()).isEqualTo(new CalendarLinks.Grant("7d4c1a52-3f0e-4b7a-9a59-0c1f6a3e2b10",
                "0b8e6f7c-2f3d-4e21-9c55-5d1a0e7b9a44", "en"));
        assertThat(at(EXPIRES).open(MADE_BY_THE_TICKET_PAGE).refusal()).isEqualTo(CalendarLinks.Refusal.EXPIRED);
        assertThat(at(EXPIRES.minusSeconds(1)).seal("7d4c1a52-3f0e-4b7a-9a59-0c1f6a3e2b10",
                "0b8e6f7c-2f3d-4e21-9c55-5d1a0e7b9a44", "en", EXPIRES)).isEqualTo(MADE_BY_THE_TICKET_PAGE);
    }

    @Test
    void aTamperedForeignOrMalformedLinkIsInvalid() {
        CalendarLinks links = at(EXPIRES.minusSeconds(60));
        assertThat(links.open(MADE_BY_THE_TICKET_PAGE.replace(".en.", ".ko.")).refusal())
                .isEqualTo(CalendarLinks.Refusal.INVALID);
        assertThat(links.open(MADE_BY_THE_TICKET_PAGE.replace("7d4c1a52", "7d4c1a53")).refusal())
                .isEqualTo(CalendarLinks.Refusal.INVALID);
        assertThat(new CalendarLinks("k1", SECRET + "x", Clock.fixed(EXPIRES.minusSeconds(60), ZoneOffset.UTC))
                .open(MADE_BY_THE_TICKET_PAGE).refusal()).isEqualTo(CalendarLinks.Refusal.INVALID);
        assertThat(links.open("garbage").refusal()).isEqualTo(CalendarLinks.Refusal.INVALID);
        assertThat(links.open(null).refusal()).isEqualTo(CalendarLinks.Refusal.INVALID);
        // genuine seal around a payload that is not a calendar grant
        assertThat(links.open(links.seal("not-a-uuid", "x", "en", EXPIRES)).refusal())
                .isEqualTo(CalendarLinks.Refusal.INVALID);
    }
}
