package kr.madang.registration.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CalendarLinksUnitTests {

    private static final String SECRET = "a-shared-secret-of-at-least-32-characters";
    private static final Instant EXPIRES = Instant.ofEpochSecond(1_700_000_000L);
    private static final UUID REGISTRATION = UUID.fromString("7d4c1a52-3f0e-4b7a-9a59-0c1f6a3e2b10");
    private static final UUID EVENT = UUID.fromString("0b8e6f7c-2f3d-4e21-9c55-5d1a0e7b9a44");
    /**
     * What notification-service opens for these values (its CalendarLinksUnitTests pins the same string): the two
     * services agree on the link's form without sharing code.
     */
    private static final String OPENED_BY_NOTIFICATION_SERVICE = "k1.7d4c1a52-3f0e-4b7a-9a59-0c1f6a3e2b10"
            + ".0b8e6f7c-2f3d-4e21-9c55-5d1a0e7b9a44.en.s44we8.R9Kp8nlT4EkRlkyaqO76vw";

    private final CalendarLinks links = new CalendarLinks("k1", SECRET, "https://forum.madang.kr/",
            Clock.fixed(EXPIRES.minusSeconds(3600), ZoneOffset.UTC));

    @Test
    void theLinkIsTheOneNotificationServiceOpensAtItsAddress() {
        assertThat(links.calendarUrl(REGISTRATION, EVENT, "en", EXPIRES))
                .isEqualTo("https://forum.madang.kr/api/calendar/" + OPENED_BY_NOTIFICATION_SERVICE);
    }

    @Test
    void anyOtherLanguageGetsTheKoreanFileAndNoPersonalDataIsInTheLink() {
        String url = links.calendarUrl(REGISTRATION, EVENT, "fr", EXPIRES);
        assertThat(url).contains("." + EVENT + ".ko.");
        assertThat(url.substring(url.lastIndexOf('/') + 1)).matches("[A-Za-z0-9._-]+");
    }
}
