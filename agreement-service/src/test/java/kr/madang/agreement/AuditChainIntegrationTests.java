package kr.madang.agreement;

import java.util.UUID;

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
