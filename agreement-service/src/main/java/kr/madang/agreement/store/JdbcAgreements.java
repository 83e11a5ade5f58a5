package kr.madang.agreement.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.AgreementRepository;
import kr.madang.agreement.mou.LifecyclePolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Agreements in PostgreSQL: the aggregate as a JSON document, beside the columns that queries and the scheduler use. */
@Repository
public class JdbcAgreements implements AgreementRepository {

    private final JdbcClient jdbc;
    private final LifecyclePolicy policy;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public JdbcAgreements(JdbcClient jdbc, LifecyclePolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void insert(Agreement agreement) {
        jdbc.sql("""
                insert into agreement (id, state, title, forum_event_id, next_due_at, body, created_at, updated_at)
                values (:id, :state, :title, :forumEventId, :due, cast(:body as jsonb), :createdAt, :now)
                """)
                .param("id", UUID.fromString(agreement.id()))
                .param("state", agreement.state().name())
                .param("title", agreement.currentVersion().content().title())
                .param("forumEventId", agreement.forumEventId())
                .param("due", timestamp(agreement.nextDueAt(policy)))
                .param("body", json.writeValueAsString(agreement.snapshot()))
                .param("createdAt", Timestamp.from(agreement.createdAt()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public Optional<Agreement> lock(String id) {
        return load("select body from agreement where id = :id for update", id);
    }

    @Override
    public Optional<Agreement> find(String id) {
        return load("select body from agreement where id = :id", id);
    }

    @Override
    public void update(Agreement agreement) {
        jdbc.sql("""
                update agreement set state = :state, title = :title, next_due_at = :due, body = cast(:body as jsonb),
                       updated_at = :now
                 where id = :id
                """)
                .param("id", UUID.fromString(agreement.id()))
                .param("state", agreement.state().name())
                .param("title", agreement.currentVersion().content().title())
                .param("due", timestamp(agreement.nextDueAt(policy)))
                .param("body", json.writeValueAsString(agreement.snapshot()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private Optional<Agreement> load(String sql, String id) {
        UUID uuid = parse(id);
        if (uuid == null) {
            return Optional.empty();
        }
        return jdbc.sql(sql).param("id", uuid).query(String.class).optional()
                .map(body -> Agreement.restore(json.readValue(body, Agreement.Snapshot.class)));
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
