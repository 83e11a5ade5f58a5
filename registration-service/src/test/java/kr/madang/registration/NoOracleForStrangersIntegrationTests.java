package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 6: a stranger cannot learn whether an address is registered. An anonymous duplicate gets what a new
 * registration gets; the person is told by email (RegistrationAttemptRepeated, once per registration); staff still
 * get the 409 pointing at the registration.
 */
class NoOracleForStrangersIntegrationTests extends IntegrationTestBase {

    @Test
    void anAnonymousDuplicateIsAnsweredAsANewRegistrationWouldBeAndWritesNoRegistration() {
        String eventId = openEvent("JEJU", 10, true, false);
        String email = uniqueEmail("oracle");
        Response first = register(eventId, null, attendeeJson("김민지", email, "ko"));
        Response fresh = register(eventId, null, attendeeJson("김민지", uniqueEmail("fresh"), "ko"));
        Response again = register(eventId, null, attendeeJson("김민지", email.toUpperCase(), "ko"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(fresh.status());
        assertThat(again.header("Content-Type")).isEqualTo(fresh.header("Content-Type"));
        assertThat(fieldNames(again)).isEqualTo(fieldNames(fresh));
        assertThat(again.text("status")).isEqualTo(fresh.text("status"));
        assertThat(again.body()).doesNotContain(first.text("id"));
        assertThat(again.header("Location")).isEqualTo("/api/registrations/" + again.text("id"));
        assertThat(jdbc.sql("select count(*) from registration where id = ?::uuid").param(again.text("id"))
                .query(Long.class).single()).as("the id names nothing").isZero();
        assertThat(jdbc.sql("select count(*) from registration where event_id = ?::uuid").param(eventId)
                .query(Long.class).single()).isEqualTo(2);

        // The person is to be told they are already registered: one notice for their registration, however often.
        assertThat(register(eventId, null, attendeeJson("김민지", email, "ko")).status()).isEqualTo(201);
        assertThat(jdbc.sql("select attempts from duplicate_registration_notice where registration_id = ?::uuid")
                .param(first.text("id")).query(Integer.class).single()).isEqualTo(2);
        // ... and announced once, for notification-service to write to them; the stranger's name and address are
        // not what it carries: it names the registered person, sealed
        var repeated = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> publishedFor(eventId, java.time.Duration.ofMillis(300)).stream()
                        .filter(e -> e instanceof kr.madang.events.registration.RegistrationAttemptRepeated)
                        .map(e -> (kr.madang.events.registration.RegistrationAttemptRepeated) e).toList(), list -> !list.isEmpty());
        assertThat(repeated).hasSize(1);
        assertThat(repeated.getFirst().getRegistrationId()).isEqualTo(first.text("id"));
        assertThat(repeated.getFirst().getAttendee().getEmail()).isEqualTo(email);
        assertThat(repeated.getFirst().getStatus()).isEqualTo("CONFIRMED");
    }

    @Test
    void onAFullEventTheDuplicateLooksWaitlistedLikeANewcomerAndOnAnApprovalEventPending() {
        String full = openEvent("JEJU", 1, true, false);
        String email = uniqueEmail("full");
        assertThat(register(full, null, attendeeJson("김민지", email, "ko")).text("status")).isEqualTo("CONFIRMED");
        Response duplicate = register(full, null, attendeeJson("김민지", email, "ko"));
        assertThat(duplicate.status()).isEqualTo(201);
        assertThat(duplicate.text("status")).isEqualTo("WAITLISTED");
        assertThat(duplicate.json().path("waitlistPosition").asInt()).isEqualTo(1);

        String approval = openEvent("JEJU", 10, true, true);
        String other = uniqueEmail("approval");
        assertThat(register(approval, null, attendeeJson("김민지", other, "ko")).status()).isEqualTo(201);
        Response pending = register(approval, null, attendeeJson("김민지", other, "ko"));
        assertThat(pending.status()).isEqualTo(201);
        assertThat(pending.text("status")).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void staffStillGetTheConflictPointingToTheExistingRegistration() {
        String eventId = openEvent("JEJU", 10, true, false);
        String email = uniqueEmail("staff-dup");
        Response first = register(eventId, null, attendeeJson("김민지", email, "ko"));
        Response again = register(eventId, TestTokens.regionalOffice("JEJU"), attendeeJson("김민지", email, "ko"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("existingRegistrationId")).isEqualTo(first.text("id"));
        assertThat(jdbc.sql("select count(*) from duplicate_registration_notice where registration_id = ?::uuid")
                .param(first.text("id")).query(Long.class).single()).as("staff know already").isZero();
    }

    @Test
    void erasureDeletesTheNotice() {
        String eventId = openEvent("JEJU", 10, true, false);
        String email = uniqueEmail("erase-dup");
        Response first = register(eventId, null, attendeeJson("김민지", email, "ko"));
        register(eventId, null, attendeeJson("김민지", email, "ko"));
        assertThat(post("/api/registrations/" + first.text("id") + "/erasure", TestTokens.hqAdmin(), null).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from duplicate_registration_notice where registration_id = ?::uuid")
                .param(first.text("id")).query(Long.class).single()).isZero();
    }

    private static List<String> fieldNames(Response r) {
        List<String> names = new ArrayList<>(r.json().propertyNames());
        names.sort(null);
        return names;
    }
}
