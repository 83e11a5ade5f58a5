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
        return addVersion(code, channel, language, subject, body, null, at, by);
    }

    /** As above, with an AlimTalk template's approved code and buttons (null for the other channels). */
    @Transactional
    public Template addVersion(String code, Channel channel, String language, String subject, String body,
                               Template.AlimTalk alimTalk, java.time.Instant at, String by) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('template/' || :code || '/' || :channel || '/' || :language))")
                .param("code", code).param("channel", channel.name()).param("language", language)
                .query((rs, i) -> 0).list();
        Optional<Template> live = current(code, channel, language);
        if (live.isPresent() && Objects.equals(live.get().subject(), subject) && Objects.equals(live.get().body(), body)
                && Objects.equals(live.get().alimTalk(), alimTalk)) {
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
        if (channel == Channel.ALIMTALK) {
            jdbc.sql("""
                            insert into template_alimtalk (code, language, version, vendor_template_code, buttons, active)
                            values (:code, :language, :version, :vendorCode, :buttons, :active)
                            """)
                    .param("code", code).param("language", language).param("version", version)
                    .param("vendorCode", alimTalk.vendorTemplateCode()).param("buttons", BUTTONS_JSON.writeValueAsString(alimTalk.buttons()))
                    .param("active", alimTalk.active())
                    .update();
        }
        return new Template(code, channel, language, version, subject, body, at, by, alimTalk);
    }

    private static final tools.jackson.databind.json.JsonMapper BUTTONS_JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private Template.AlimTalk alimTalkOf(String code, String language, int version) {
        return jdbc.sql("select * from template_alimtalk where code = :code and language = :language and version = :version")
                .param("code", code).param("language", language).param("version", version)
                .query((rs, i) -> new Template.AlimTalk(rs.getString("vendor_template_code"),
                        java.util.Arrays.asList(BUTTONS_JSON.readValue(rs.getString("buttons"), Template.Button[].class)),
                        rs.getBoolean("active")))
                .optional().orElse(null);
    }

    private Template map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Channel channel = Channel.valueOf(rs.getString("channel"));
        return new Template(rs.getString("code"), channel, rs.getString("language"),
                rs.getInt("version"), rs.getString("subject"), rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                channel == Channel.ALIMTALK ? alimTalkOf(rs.getString("code"), rs.getString("language"), rs.getInt("version")) : null);
    }
}
