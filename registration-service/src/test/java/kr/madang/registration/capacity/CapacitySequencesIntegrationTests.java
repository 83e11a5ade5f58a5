package kr.madang.registration.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: capacity proven by sequences, not single steps. Random sequences of what staff and the public do to one
 * event (register alone or by staff, a repeated email, cancel, approve, reject, import a CSV, close and reopen), each
 * sent through the API; after every step the event's invariants are checked against the database: never oversold, the
 * seat counter equals the seated rows, no free seat while someone waits, every waitlist position issued once, and
 * the waitlist promoted in order. A failure names the seed and the step, so the sequence can be replayed
 * ({@code -Dcapacity.seed=}).
 */
class CapacitySequencesIntegrationTests extends IntegrationTestBase {

    private static final int SEQUENCES = 12;
    private static final int STEPS = 30;
    private static final Set<Integer> NEVER = Set.of(500, 502, 503, 504);

    @Test
    void randomSequencesOfRegistrationsDecisionsCancellationsImportsAndClosingKeepTheSeatInvariants() {
        long seed = Long.getLong("capacity.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            new Sequence(random, "seed " + seed + ", sequence " + sequence).run();
        }
    }

    private final class Sequence {
        final Random random;
        final String name;
        final String eventId;
        final int capacity;
        final boolean approvalRequired;
        final String staff = TestTokens.regionalOffice("JEJU");
        final List<String> emails = new ArrayList<>();
        int expectedRows;
        boolean open = true;

        Sequence(Random random, String name) {
            this.random = random;
            this.capacity = 1 + random.nextInt(4);
            this.approvalRequired = random.nextInt(3) == 0;
            this.name = name + " (capacity " + capacity + (approvalRequired ? ", approval required" : "") + ")";
            this.eventId = openEvent("JEJU", capacity, true, approvalRequired);
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                String action = act();
                checkInvariants(name + ", step " + step + " (" + action + ")");
            }
        }

        String act() {
            int roll = random.nextInt(100);
            if (roll < 30) {
                return register(false);
            } else if (roll < 45) {
                return register(true);
            } else if (roll < 52) {
                return repeatEmail();
            } else if (roll < 70) {
                return decide("cancel", "CONFIRMED", "WAITLISTED", "PENDING_APPROVAL");
            } else if (roll < 80) {
                return decide("approve", "PENDING_APPROVAL");
            } else if (roll < 85) {
                return decide("reject", "PENDING_APPROVAL");
            } else if (roll < 93) {
                return importRows(1 + random.nextInt(3));
            } else {
                return toggleOpen();
            }
        }

        String register(boolean byStaff) {
            String email = uniqueEmail("seq");
            Response answer = registerThroughApi(eventId, byStaff ? staff : null, attendeeJson("김서연", email, "ko"));
            expectNotBroken(answer, "register");
            if (open) {
                assertThat(answer.status()).as(name + ": register while open: " + answer.body()).isEqualTo(201);
                emails.add(email);
                expectedRows++;
                String status = answer.text("status");
                assertThat(status).as(name + ": answered status").isEqualTo(statusOf(answer.text("id")));
            } else {
                assertThat(answer.status()).as(name + ": register while closed: " + answer.body()).isEqualTo(409);
            }
            return byStaff ? "staff registers" : "attendee registers";
        }

        String repeatEmail() {
            if (emails.isEmpty()) {
                return register(true);
            }
            String email = emails.get(random.nextInt(emails.size()));
            boolean byStaff = random.nextBoolean();
            long rowsBefore = rowsFor(email);
            long liveBefore = liveFor(email);
            Response answer = registerThroughApi(eventId, byStaff ? staff : null, attendeeJson("김서연", email, "ko"));
            expectNotBroken(answer, "repeat");
            long rowsAfter = rowsFor(email);
            if (liveBefore > 0) {
                assertThat(rowsAfter).as(name + ": a repeated live email makes no second row").isEqualTo(rowsBefore);
                if (open && byStaff) {
                    assertThat(answer.status()).as(name + ": staff repeat of a live email: " + answer.body()).isEqualTo(409);
                }
            } else if (open) {
                // the earlier one was cancelled or rejected: registering again is a new registration
                assertThat(answer.status()).as(name + ": registering again after leaving: " + answer.body()).isEqualTo(201);
                assertThat(rowsAfter).isEqualTo(rowsBefore + 1);
            }
            expectedRows += (int) (rowsAfter - rowsBefore);
            return (byStaff ? "staff" : "attendee") + " repeats an email";
        }

        String decide(String verb, String... statuses) {
            List<String> candidates = jdbc.sql("select id::text from registration where event_id = ?::uuid and status in ("
                            + String.join(",", java.util.Arrays.stream(statuses).map(s -> "'" + s + "'").toList())
                            + ") order by created_at, id")
                    .param(eventId).query(String.class).list();
            if (candidates.isEmpty()) {
                return verb + " (nobody to " + verb + ")";
            }
            String id = candidates.get(random.nextInt(candidates.size()));
            String body = verb.equals("approve") ? "{}" : "{\"reason\":\"일정 변경\"}";
            Response answer = post("/api/registrations/" + id + "/" + verb, staff, body);
            expectNotBroken(answer, verb);
            assertThat(answer.status()).as(name + ": " + verb + " " + answer.body()).isEqualTo(200);
            return verb + " " + id.substring(0, 8);
        }

        String importRows(int count) {
            StringBuilder csv = new StringBuilder("\uFEFFname,email,consent,language\r\n");
            List<String> fresh = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String email = uniqueEmail("csv");
                fresh.add(email);
                csv.append("Anan Chaiyaporn,").append(email).append(",yes,en\r\n");
            }
            Response answer = send("POST", "/api/events/" + eventId + "/imports?policyVersion=2023-01&dryRun=false",
                    staff, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
            expectNotBroken(answer, "import");
            if (open) {
                assertThat(answer.status()).as(name + ": import " + answer.body()).isEqualTo(200);
                assertThat(answer.json().path("registered").asInt()).isEqualTo(count);
                emails.addAll(fresh);
                expectedRows += count;
            } else {
                assertThat(answer.status()).as(name + ": import while closed " + answer.body()).isIn(200, 409);
                if (answer.status() == 200) {
                    assertThat(answer.json().path("registered").asInt()).as(name + ": import while closed").isZero();
                }
            }
            return "import " + count;
        }

        String toggleOpen() {
            Response answer = post("/api/events/" + eventId + (open ? "/close" : "/open"), TestTokens.hqAdmin(), "{}");
            expectNotBroken(answer, "close/open");
            assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(200);
            open = !open;
            return open ? "reopen" : "close";
        }

        void checkInvariants(String where) {
            Map<String, Object> event = jdbc.sql("select capacity, confirmed, waitlist_issued from forum_event where id = ?::uuid")
                    .param(eventId).query().singleRow();
            int counter = ((Number) event.get("confirmed")).intValue();
            int issued = ((Number) event.get("waitlist_issued")).intValue();
            long seated = count("CONFIRMED");
            long waiting = count("WAITLISTED");
            assertThat(seated).as(where + ": never oversold").isLessThanOrEqualTo(capacity);
            assertThat(counter).as(where + ": the seat counter equals the seated rows").isEqualTo((int) seated);
            if (waiting > 0) {
                assertThat(seated).as(where + ": no free seat while someone waits").isEqualTo(capacity);
            }
            List<Integer> positions = jdbc.sql("""
                    select waitlist_position from registration where event_id = ?::uuid and waitlist_position is not null
                    order by 1""").param(eventId).query(Integer.class).list();
            assertThat(positions).as(where + ": every waitlist position issued once").doesNotHaveDuplicates();
            positions.forEach(p -> assertThat(p).as(where + ": positions within the issued range").isBetween(1, issued));
            int lowestWaiting = jdbc.sql("""
                    select coalesce(min(waitlist_position), 2147483647) from registration where event_id = ?::uuid and status = 'WAITLISTED'""")
                    .param(eventId).query(Integer.class).single();
            int highestPromoted = jdbc.sql("""
                    select coalesce(max(waitlist_position), 0) from registration where event_id = ?::uuid and status = 'CONFIRMED'
                    and waitlist_position is not null""").param(eventId).query(Integer.class).single();
            assertThat(highestPromoted).as(where + ": the waitlist is promoted in order").isLessThan(lowestWaiting);
            assertThat(jdbc.sql("""
                    select count(*) from (select email_key from registration where event_id = ?::uuid
                    and status in ('CONFIRMED','WAITLISTED','PENDING_APPROVAL') group by email_key having count(*) > 1) twice""")
                    .param(eventId).query(Long.class).single()).as(where + ": one live registration per email").isZero();
            assertThat(jdbc.sql("select count(*) from registration where event_id = ?::uuid").param(eventId)
                    .query(Long.class).single()).as(where + ": one row per accepted registration, none half-written")
                    .isEqualTo(expectedRows);
        }

        long count(String status) {
            return jdbc.sql("select count(*) from registration where event_id = ?::uuid and status = ?")
                    .params(eventId, status).query(Long.class).single();
        }

        String statusOf(String id) {
            return jdbc.sql("select status from registration where id = ?::uuid").param(id).query(String.class).single();
        }

        long rowsFor(String email) {
            return jdbc.sql("select count(*) from registration where event_id = ?::uuid and email_key = lower(?)")
                    .params(eventId, email).query(Long.class).single();
        }

        long liveFor(String email) {
            return jdbc.sql("""
                    select count(*) from registration where event_id = ?::uuid and email_key = lower(?)
                    and status in ('CONFIRMED','WAITLISTED','PENDING_APPROVAL')""")
                    .params(eventId, email).query(Long.class).single();
        }

        void expectNotBroken(Response answer, String what) {
            assertThat(NEVER).as(name + ": " + what + " answered " + answer.status() + " " + answer.body())
                    .doesNotContain(answer.status());
        }
    }

    private Response registerThroughApi(String eventId, String token, String json) {
        return register(eventId, token, json);
    }
}
