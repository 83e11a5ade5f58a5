package kr.madang.agreement;

import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kr.madang.agreement.schedule.DueWork;
import kr.madang.events.agreement.AgreementActivated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Several instances running the due work at once: each agreement is handled by one, none twice. */
@AgreementIntegrationTest
class SchedulerIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    DueWork dueWork;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fourSchedulersAtOnceActivateEachAgreementExactlyOnce() throws Exception {
        Flows flows = new Flows(new Api(port));
        clock.set("2023-05-01T10:00:00");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = flows.create(Mous.draft("동시 실행 협약 " + i, Mous.JEJU_PARTIES.subList(0, 2), "PARALLEL", false,
                    null, "2023-05-10", 12, false));
            flows.circulate(id);
            flows.hqSignAll(id);
            ids.add(id);
        }
        clock.set("2023-05-10T00:30:00");
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> { start.await(); return dueWork.runDue(); }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        }
        for (String id : ids) {
            assertThat(flows.state(id)).isEqualTo("ACTIVE");
            await().until(() -> AgreementTopic.eventsOf(id, AgreementActivated.class).size() == 1);
            assertThat(flows.historyActions(id).stream().filter("Activated"::equals)).hasSize(1);
        }
        assertThat(dueWork.runDue()).as("nothing left due").isZero();
    }

    @Test
    void anAgreementWhoseWorkFailsIsSetAsideAndTheOthersAreStillWorked() {
        Flows flows = new Flows(new Api(port));
        clock.set("2023-06-01T10:00:00");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = flows.create(Mous.draft("고장 격리 협약 " + i, Mous.JEJU_PARTIES.subList(0, 2), "PARALLEL", false,
                    null, "2023-06-10", 12, false));
            flows.circulate(id);
            flows.hqSignAll(id);
            ids.add(id);
        }
        UUID broken = UUID.fromString(ids.get(0));
        String body = jdbc.sql("select body::text from agreement where id = :id").param("id", broken)
                .query(String.class).single();
        // a row that no longer reads: its work throws
        jdbc.sql("update agreement set body = jsonb_set(body, '{state}', '\"NO_SUCH_STATE\"') where id = :id")
                .param("id", broken).update();
        try {
            clock.set("2023-06-10T00:30:00");
            long failuresBefore = dueWork.failures();

            dueWork.runDue();

            assertThat(flows.state(ids.get(1))).isEqualTo("ACTIVE");
            assertThat(dueWork.failures() - failuresBefore).isEqualTo(1);
            Instant retryAt = jdbc.sql("select next_due_at from agreement where id = :id").param("id", broken)
                    .query(java.sql.Timestamp.class).single().toInstant();
            assertThat(retryAt).as("looked at again later, not in a loop").isAfter(clock.instant());
        } finally {
            jdbc.sql("update agreement set body = cast(:body as jsonb), next_due_at = null where id = :id")
                    .param("body", body).param("id", broken).update();
        }
    }
}
