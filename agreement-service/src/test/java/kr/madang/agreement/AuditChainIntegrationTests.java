package kr.madang.agreement;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kr.madang.agreement.audit.AuditTrail;

import kr.madang.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The history is a hash chain: an entry edited, or removed, in the database shows as a broken chain. */
@AgreementIntegrationTest
class AuditChainIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    Api api;
    Flows flows;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        flows = new Flows(api);
        clock.set("2023-02-01T10:00:00");
    }

    @Test
    void theHistoryRecordsActorTimeReasonAndVersionOfEveryChange() {
        String id = signedAndDeclined();
        var history = api.get("/api/agreements/" + id + "/history", TestTokens.hqAdmin()).json();
        assertThat(history.path("chain").path("intact").asBoolean()).isTrue();
        var items = history.path("items");
        assertThat(items.get(0).path("action").asString()).isEqualTo("Drafted");
        assertThat(items.get(0).path("actor").asString()).isEqualTo("hq:hq-admin");
        assertThat(items.get(0).path("prevHash").asString()).isEqualTo("0".repeat(64));
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).path("prevHash").asString()).isEqualTo(items.get(i - 1).path("hash").asString());
        }
        var decline = items.get(items.size() - 1);
        assertThat(decline.path("action").asString()).isEqualTo("Declined");
        assertThat(decline.path("reason").asString()).isEqualTo("협약 기간 재검토");
        assertThat(decline.path("version").asInt()).isEqualTo(1);
        assertThat(decline.path("actor").asString()).startsWith("party:");
        assertThat(decline.path("occurredAt").asString()).startsWith("2023-02-01T01:00");
    }

    @Test
    void anEditedEntryBreaksTheChainFromThatEntry() {
        String id = signedAndDeclined();
        jdbc.sql("update agreement_history set reason = '합의됨' where agreement_id = :id and action = 'Declined'")
                .param("id", UUID.fromString(id)).update();
        long editedSeq = jdbc.sql("select seq from agreement_history where agreement_id = :id and action = 'Declined'")
                .param("id", UUID.fromString(id)).query(Long.class).single();

        var chain = api.get("/api/agreements/" + id + "/history", TestTokens.hqAdmin()).json().path("chain");
        assertThat(chain.path("intact").asBoolean()).isFalse();
        assertThat(chain.path("brokenAt").asLong()).isEqualTo(editedSeq);
        assertThat(chain.path("problem").asString()).contains("changed");
    }

    @Test
    void anEntryEditedTogetherWithItsHashIsCaughtByTheNextEntry() {
        String id = signedAndDeclined();
        // a forger who recomputes the edited entry's own hash still leaves the next entry pointing at the old one
        jdbc.sql("update agreement_history set actor = 'hq:someone-else', hash = repeat('a', 64) where agreement_id = :id and seq = 2")
                .param("id", UUID.fromString(id)).update();
        var chain = api.get("/api/agreements/" + id + "/history", TestTokens.hqAdmin()).json().path("chain");
        assertThat(chain.path("intact").asBoolean()).isFalse();
        assertThat(chain.path("brokenAt").asLong()).isEqualTo(2);
    }

    @Test
    void aDeletedLastEntryIsDetected() {
        String id = signedAndDeclined();
        jdbc.sql("delete from agreement_history where agreement_id = :id and seq = (select max(seq) from agreement_history where agreement_id = :id)")
                .param("id", UUID.fromString(id)).update();
        var chain = api.get("/api/agreements/" + id + "/history", TestTokens.hqAdmin()).json().path("chain");
        assertThat(chain.path("intact").asBoolean()).isFalse();
    }

    @Test
    void aForgerWhoRecomputesTheWholeChainAfterAnEditIsCaughtByTheSeals() {
        String id = signedAndDeclined();
        UUID agreement = UUID.fromString(id);
        jdbc.sql("update agreement_history set reason = '합의됨' where agreement_id = :id and action = 'Declined'")
                .param("id", agreement).update();
        // recompute every hash from the start, as anyone who can write the table can
        List<Map<String, Object>> rows = jdbc.sql("select * from agreement_history where agreement_id = :id order by seq")
                .param("id", agreement).query().listOfRows();
        String prev = AuditTrail.GENESIS;
        for (Map<String, Object> row : rows) {
            String hash = AuditTrail.hash(prev, id, (Long) row.get("seq"), ((Timestamp) row.get("occurred_at")).toInstant(),
                    (String) row.get("actor"), (String) row.get("action"), (Integer) row.get("version"),
                    (String) row.get("state"), (String) row.get("reason"), (String) row.get("detail"));
            jdbc.sql("update agreement_history set prev_hash = :prev, hash = :hash where agreement_id = :id and seq = :seq")
                    .param("prev", prev).param("hash", hash).param("id", agreement).param("seq", row.get("seq")).update();
            prev = hash;
        }
        long editedSeq = jdbc.sql("select seq from agreement_history where agreement_id = :id and action = 'Declined'")
                .param("id", agreement).query(Long.class).single();

        var chain = api.get("/api/agreements/" + id + "/history", TestTokens.hqAdmin()).json().path("chain");

        assertThat(chain.path("intact").asBoolean()).isFalse();
        assertThat(chain.path("brokenAt").asLong()).isEqualTo(editedSeq);
        assertThat(chain.path("problem").asString()).contains("seal");
    }

    @Test
    void anIntactHistoryIsAnchoredByItsSealedHead() {
        String id = signedAndDeclined();
        var chain = api.get("/api/agreements/" + id + "/history", TestTokens.hqAdmin()).json().path("chain");
        assertThat(chain.path("intact").asBoolean()).isTrue();
        assertThat(chain.path("anchored").asBoolean()).isTrue();
    }

    @Test
    void eachEntryRecordsTheStateRightAfterItsEventNotAfterTheBatch() {
        String id = flows.create(Mous.draft("상태 기록 협약", Mous.JEJU_PARTIES.subList(0, 2), "PARALLEL", false, null,
                "2023-03-01", 12, false));
        flows.circulate(id);
        flows.hqSignAll(id); // the last signature and the execution are stored together
        var items = api.get("/api/agreements/" + id + "/history", TestTokens.hqAdmin()).json().path("items");
        var last = items.get(items.size() - 1);
        var beforeLast = items.get(items.size() - 2);
        assertThat(last.path("action").asString()).isEqualTo("Executed");
        assertThat(last.path("state").asString()).isEqualTo("EXECUTED");
        assertThat(beforeLast.path("action").asString()).isEqualTo("Signed");
        assertThat(beforeLast.path("state").asString()).isEqualTo("CIRCULATING");
    }

    private String signedAndDeclined() {
        String id = flows.create(Mous.draft("감사 이력 협약", Mous.JEJU_PARTIES.subList(0, 3), "PARALLEL", false, null,
                "2023-03-01", 12, false));
        flows.circulate(id);
        var links = flows.linksFromKafka(id, 1, 1);
        var tokens = links.values().iterator();
        flows.signByLink(tokens.next(), "대표 1");
        var declined = flows.declineByLink(tokens.next(), "협약 기간 재검토");
        assertThat(declined.status()).isEqualTo(200);
        return id;
    }
}
