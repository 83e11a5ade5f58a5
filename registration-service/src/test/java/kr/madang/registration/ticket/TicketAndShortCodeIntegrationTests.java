package kr.madang.registration.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.schemas.Topics;
import kr.madang.schemas.avro.AvroEventDeserializer;
import kr.madang.testing.SharedKafka;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Issue 16, item 2: short human codes, check-in by short code over the API, and the ticket link's refusals. */
class TicketAndShortCodeIntegrationTests extends IntegrationTestBase {

    static final Instant FIRST_DAY_MORNING = Instant.parse("2023-02-06T00:30:00Z"); // 09:30 in Seoul
    static final Instant WEEKS_BEFORE = Instant.parse("2023-01-16T01:00:00Z");
    static final Instant LINKS_EXPIRED = Instant.parse("2023-03-10T00:00:00Z"); // event end + 30 days has passed

    @Test
    void everyConfirmedRegistrationGetsItsOwnWellFormedCodeAndTheEventCarriesItSealed() {
        String eventId = openEvent("JEJU", 40, false, false);
        for (int i = 0; i < 12; i++) {
            assertThat(register(eventId, TestTokens.regionalOffice("JEJU"),
                    attendeeJson("김민지", uniqueEmail("code" + i), "ko")).status()).isEqualTo(201);
        }
        List<String> codes = jdbc.sql("select code from ticket_code where event_id = ?").param(UUID.fromString(eventId))
                .query(String.class).list();
        assertThat(codes).hasSize(12).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}"));

        List<RegistrationConfirmed> confirmed = await().atMost(Duration.ofSeconds(60)).until(
                () -> publishedFor(eventId, Duration.ofSeconds(1)).stream().filter(RegistrationConfirmed.class::isInstance)
                        .map(RegistrationConfirmed.class::cast).toList(), events -> events.size() == 12);
        assertThat(confirmed).hasSize(12).allSatisfy(e -> {
            assertThat(codes).contains(e.getTicketCode().replace("-", ""));
            assertThat(e.getTicketCode()).matches("[A-Z0-9]{4}-[A-Z0-9]{4}");
            assertThat(e.getTicketUrl()).startsWith("https://madang.test/ticket/");
        });
        // On the topic itself both are sealed with the person's data key: nobody reading the bus can use them (issue 13).
        AvroEventDeserializer deserializer = new AvroEventDeserializer();
        List<RegistrationConfirmed> raw = SharedKafka.readAll(Topics.REGISTRATION_EVENTS, Duration.ofSeconds(1)).stream()
                .filter(r -> eventId.equals(r.key())).map(r -> deserializer.deserialize(r.topic(), r.value()))
                .filter(RegistrationConfirmed.class::isInstance).map(RegistrationConfirmed.class::cast).toList();
        assertThat(raw).hasSize(12).allSatisfy(e -> {
            assertThat(e.getTicketCode()).startsWith("sealed:v1:s-");
            assertThat(e.getTicketUrl()).startsWith("sealed:v1:s-");
        });
    }

    @Test
    void theDatabaseRefusesACodeTwiceInOneEventAndACollisionIsRetriedWithAnotherCode() {
        String eventId = openEvent("JEJU", 40, false, false);
        UUID event = UUID.fromString(eventId);
        UUID first = UUID.fromString(register(eventId, TestTokens.regionalOffice("JEJU"),
                attendeeJson("김민지", uniqueEmail("first"), "ko")).text("id"));
        UUID second = UUID.fromString(register(eventId, TestTokens.regionalOffice("JEJU"),
                attendeeJson("박서준", uniqueEmail("second"), "ko")).text("id"));
        String taken = new TicketCodes(jdbc).find(first).orElseThrow();
        jdbc.sql("delete from ticket_code where registration_id = ?").param(second).update();

        assertThatThrownBy(() -> jdbc.sql("insert into ticket_code (registration_id, event_id, code) values (?, ?, ?)")
                .params(second, event, taken).update()).isInstanceOf(DataIntegrityViolationException.class);

        String other = taken.equals("BBBB3333") ? "CCCC4444" : "BBBB3333";
        Iterator<String> draws = List.of(taken, other).iterator();
        assertThat(new TicketCodes(jdbc, draws::next).codeFor(second, event)).isEqualTo(other);
        assertThat(new TicketCodes(jdbc).codeFor(second, event)).as("made once, then kept").isEqualTo(other);
    }

    @Test
    void doorStaffCheckSomeoneInByTheShortCodeOverTheApiInAnyCaseAndASecondTrySaysWhen() {
        String eventId = openEvent("JEJU", 40, false, false);
        String id = register(eventId, TestTokens.regionalOffice("JEJU"), attendeeJson("박서준", uniqueEmail("door"), "ko"))
                .text("id");
        String code = new TicketCodes(jdbc).find(UUID.fromString(id)).orElseThrow();
        String typed = code.substring(0, 4).toLowerCase() + " - " + code.substring(4).toLowerCase();
        clock.set(FIRST_DAY_MORNING);

        Response first = post("/api/check-ins", TestTokens.checkinStaff(eventId), "{\"token\":\"" + typed + "\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.text("result")).isEqualTo("CHECKED_IN");
        assertThat(first.text("registrationId")).isEqualTo(id);

        Response again = post("/api/check-ins", TestTokens.regionalOffice("JEJU"),
                "{\"token\":\"" + code + "\",\"eventId\":\"" + eventId + "\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.text("result")).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(again.text("checkedInAt")).startsWith("2023-02-06T09:30");

        // A short code means nothing without its event: a regional office must name it.
        Response noEvent = post("/api/check-ins", TestTokens.regionalOffice("JEJU"), "{\"token\":\"" + code + "\"}");
        assertThat(noEvent.status()).isEqualTo(400);
        assertThat(noEvent.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noEvent.body()).contains("eventId");

        String unknown = code.equals("22222222") ? "33333333" : "22222222";
        Response wrong = post("/api/check-ins", TestTokens.checkinStaff(eventId), "{\"token\":\"" + unknown + "\"}");
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.text("reason")).isEqualTo("UNKNOWN_CODE");

        // The code of this event is nothing at another event's door.
        String otherEvent = openEvent("JEJU", 40, false, false);
        Response elsewhere = post("/api/check-ins", TestTokens.checkinStaff(otherEvent), "{\"token\":\"" + code + "\"}");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.text("reason")).isEqualTo("UNKNOWN_CODE");
    }

    @Test
    void theTicketLinkOpensTheTicketAndAForgedExpiredOrForeignLinkIsRefusedWithAPage() {
        clock.set(WEEKS_BEFORE);
        String eventId = openEvent("JEJU", 40, true, false);
        Response registered = register(eventId, null, attendeeJson("김민지", uniqueEmail("ticket"), "ko"));
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.text("id");
        String code = new TicketCodes(jdbc).find(UUID.fromString(id)).orElseThrow();
        RegistrationConfirmed event = confirmedEventOf(eventId, id);
        String path = event.getTicketUrl().substring("https://madang.test".length());

        Response ticket = get(path + "?lang=ko", null);
        assertThat(ticket.status()).isEqualTo(200);
        assertThat(ticket.header("Cache-Control")).contains("no-store");
        assertThat(ticket.body()).contains("참가 티켓", ShortCodes.display(code), "메종글래드 제주 크리스탈홀", "<svg")
                .doesNotContain("김민지");

        String token = path.substring("/ticket/".length());
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        Response refused = get("/ticket/" + forged + "?lang=en", null);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).contains("No ticket can be found with this link").doesNotContain(ShortCodes.display(code));

        String cancelToken = event.getCancellationUrl().substring(event.getCancellationUrl().lastIndexOf('/') + 1);
        assertThat(get("/ticket/" + cancelToken, null).status()).as("a link of another purpose").isEqualTo(404);

        clock.set(LINKS_EXPIRED);
        Response expired = get(path + "?lang=ko", null);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("티켓 링크의 유효 기간이 지났습니다").doesNotContain(ShortCodes.display(code));
    }

    @Test
    void erasureRemovesTheCodeAndTheTicketNoLongerShows() {
        clock.set(WEEKS_BEFORE);
        String eventId = openEvent("JEJU", 40, true, false);
        String id = register(eventId, TestTokens.regionalOffice("JEJU"), attendeeJson("이서연", uniqueEmail("erase"), "ko"))
                .text("id");
        assertThat(new TicketCodes(jdbc).find(UUID.fromString(id))).isPresent();
        RegistrationConfirmed event = confirmedEventOf(eventId, id);

        assertThat(post("/api/registrations/" + id + "/erasure", TestTokens.hqAdmin(), null).status()).isEqualTo(200);

        assertThat(new TicketCodes(jdbc).find(UUID.fromString(id))).isEmpty();
        Response ticket = get(event.getTicketUrl().substring("https://madang.test".length()), null);
        assertThat(ticket.status()).isEqualTo(410);
        assertThat(ticket.body()).contains("파기");
    }

    /** The confirmation of one registration as notification-service reads it (sealed fields opened). */
    private static RegistrationConfirmed confirmedEventOf(String eventId, String registrationId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> publishedFor(eventId, Duration.ofSeconds(1)).stream()
                .filter(RegistrationConfirmed.class::isInstance).map(RegistrationConfirmed.class::cast)
                .filter(e -> e.getRegistrationId().equals(registrationId)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }
}
