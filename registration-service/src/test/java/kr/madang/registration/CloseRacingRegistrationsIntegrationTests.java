package kr.madang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kr.madang.events.registration.ForumEventClosed;
import kr.madang.events.registration.RegistrationPendingApproval;
import kr.madang.registration.attendee.AttendeeForm;
import kr.madang.registration.attendee.AttendeeType;
import kr.madang.registration.attendee.Language;
import kr.madang.registration.attendee.Registration;
import kr.madang.registration.attendee.RegistrationService;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.rules.StateConflict;
import kr.madang.registration.support.IntegrationTestBase;
import kr.madang.testing.TestTokens;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14: a registration pending approval takes no seat, so nothing but the event's status guards it. Checked on a
 * snapshot read before a close committed, it used to land on the closed event. Now the status is checked under the
 * event's row lock.
 */
class CloseRacingRegistrationsIntegrationTests extends IntegrationTestBase {

    @Autowired
    RegistrationService registrations;
    @Autowired
    ForumEventRepository events;

    @Test
    void aRegistrationCheckedAgainstASnapshotTakenBeforeTheCloseIsRefused() {
        String eventId = openEvent("JEJU", 10, true, true);
        ForumEvent openSnapshot = events.find(UUID.fromString(eventId)).orElseThrow();
        assertThat(post("/api/events/" + eventId + "/close", TestTokens.hqAdmin(), "{}").status()).isEqualTo(200);

        assertThatThrownBy(() -> registrations.registerValid(openSnapshot, attendee("stale"), "attendee",
                Registration.Source.SELF)).isInstanceOf(StateConflict.class);
        assertThat(jdbc.sql("select count(*) from registration where event_id = ?::uuid").param(eventId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void noRegistrationPendingApprovalIsAnnouncedAfterTheEventClosedWhileTheyRace() throws Exception {
        String eventId = openEvent("JEJU", 10, true, true);
        ForumEvent openSnapshot = events.find(UUID.fromString(eventId)).orElseThrow();
        int racers = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers + 1)) {
            for (int i = 0; i < racers; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        registrations.registerValid(openSnapshot, attendee("race-" + n), "attendee",
                                Registration.Source.SELF);
                    } catch (StateConflict closedMeanwhile) {
                        // expected for those that come after the close
                    }
                    return null;
                }));
                if (i == racers / 2) {
                    done.add(pool.submit(() -> {
                        start.await();
                        return post("/api/events/" + eventId + "/close", TestTokens.hqAdmin(), "{}").status();
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        List<SpecificRecord> published = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> publishedFor(eventId, Duration.ofMillis(300)),
                        list -> list.stream().anyMatch(e -> e instanceof ForumEventClosed));
        long pendingRows = jdbc.sql("select count(*) from registration where event_id = ?::uuid").param(eventId)
                .query(Long.class).single();
        published = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> publishedFor(eventId, Duration.ofMillis(300)),
                        list -> list.stream().filter(e -> e instanceof RegistrationPendingApproval).count() >= pendingRows);
        int closedAt = published.indexOf(published.stream().filter(e -> e instanceof ForumEventClosed).findFirst().orElseThrow());
        assertThat(published.subList(closedAt, published.size()))
                .as("nothing is registered on the event once it is closed")
                .noneMatch(e -> e instanceof RegistrationPendingApproval);
    }

    private static AttendeeForm.Valid attendee(String prefix) {
        String email = uniqueEmail(prefix);
        return new AttendeeForm.Valid("김민지", email, email.toLowerCase(), "+821012345678", "제주특별자치도", "주무관",
                AttendeeType.GENERAL, Language.KO, null, false, false, false, null, List.of(), "2023-01");
    }
}
