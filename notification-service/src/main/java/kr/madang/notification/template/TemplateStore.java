package kr.madang.notification.template;

import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Templates in the database: every version kept, the highest one live. */
@Component
public class TemplateStore {

    private static final String COLUMNS = "code, channel, language, version, subject, body, created_at, created_by";

    private final JdbcClient jdbc;

    public TemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Template> current(String code, Channel channel, String language) {
        return jdbc.sql("select " + COLUMNS + " from template where code = :code and channel = :channel and language = :language"
                        + " order by version desc limit 1")
                .param("code", code).param("channel", channel.name()).param("language", language)
                .query(this::map).optional();
    }

    public Optional<Template> version(String code, Channel channel, String language, int version) {
        return jdbc.sql("select " + COLUMNS + " from template where code = :code and channel = :channel and language = :language"
                        + " and version = :version")
                .param("code", code).param("channel", channel.name()).param("language", language).param("version", version)
                .query(this::map).optional();
    }

    public List<Template> versions(String code, Channel channel, String language) {
        return jdbc.sql("select " + COLUMNS + " from template where code = :code and channel = :channel and language = :language"
                        + " order by version desc")
                .param("code", code).param("channel", channel.name()).param("language", language)
                .query(this::map).list();
    }

    /** The live version of every template. */
    public List<Template> currentAll() {
        return jdbc.sql("select distinct on (code, channel, language) " + COLUMNS
                        + " from template order by code, channel, language, version desc")
                .query(this::map).list();
    }

    /**
     * Adds the next version. Editors saving the same template at once are serialised by a transaction-scoped advisory
     * lock on code × channel × language, so each gets its own next version instead of a primary-key clash; saving
     * exactly what the live version already says adds nothing and answers the live version (a repeated save is
     * idempotent).
     */
    @Transactional
    public Template addVersion(String code, Channel channel, String language, String subject, String body,
                               java.time.Instant at, String by) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('template/' || :code || '/' || :channel || '/' || :language))")
                .param("code", code).param("channel", channel.name()).param("language", language)
                .query((rs, i) -> 0).list();
        Optional<Template> live = current(code, channel, language);
        if (live.isPresent() && Objects.equals(live.get().subject(), subject) && Objects.equals(live.get().body(), body)) {
            return live.get();
        }
        int version = jdbc.sql("""
                        insert into template (code, channel, language, version, subject, body, created_at, created_by)
                        select :code, :channel, :language, coalesce(max(version), 0) + 1, :subject, :body, :at, :by
                        from template where code = :code and channel = :channel and language = :language
                        returning version
                        """)
                .param("code", code).param("channel", channel.name()).param("language", language)
                .param("subject", subject).param("body", body).param("at", Timestamp.from(at)).param("by", by)
                .query(Integer.class).single();
        return new Template(code, channel, language, version, subject, body, at, by);
    }

    private Template map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Template(rs.getString("code"), Channel.valueOf(rs.getString("channel")), rs.getString("language"),
                rs.getInt("version"), rs.getString("subject"), rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
