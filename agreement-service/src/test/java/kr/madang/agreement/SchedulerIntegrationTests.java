package kr.madang.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kr.madang.agreement.schedule.DueWork;
import kr.madang.events.agreement.AgreementActivated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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
}
