package kr.madang.notification.alimtalk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import kr.madang.notification.template.Template;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** What an AlimTalk message needs beyond the message row: the approved template code, the buttons, the fallback. */
@Component
public class AlimTalkStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Extra(String vendorTemplateCode, java.util.List<Template.Button> buttons, Instant fallenBackAt) {
    }

    private final JdbcClient jdbc;

    public AlimTalkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(UUID messageId, String vendorTemplateCode, java.util.List<Template.Button> buttons) {
        jdbc.sql("insert into message_alimtalk (message_id, vendor_template_code, buttons) values (:id, :code, :buttons)")
                .param("id", messageId).param("code", vendorTemplateCode).param("buttons", JSON.writeValueAsString(buttons))
                .update();
    }

    public Optional<Extra> find(UUID messageId) {
        return jdbc.sql("select * from message_alimtalk where message_id = :id").param("id", messageId)
                .query((rs, i) -> new Extra(rs.getString("vendor_template_code"),
                        Arrays.asList(JSON.readValue(rs.getString("buttons"), Template.Button[].class)),
                        rs.getTimestamp("fallen_back_at") == null ? null : rs.getTimestamp("fallen_back_at").toInstant()))
                .optional();
    }

    /**
     * A delivery report said the AlimTalk the vendor accepted did not arrive: the message goes back to the
     * queue, due now, to be sent by SMS/LMS. The report is recorded as an attempt on ALIMTALK; only a message this
     * vendor accepted and that is still SENT moves. Answers the new status version, empty if nothing moved.
     */
    public Optional<Integer> requeueForFallback(UUID messageId, String provider, String reasonCode, Instant now) {
        Optional<Integer> version = jdbc.sql("""
                        update message set status = 'QUEUED', status_version = status_version + 1, next_attempt_at = :now,
                            reason = :reason, updated_at = :now
                        where id = :id and channel = 'ALIMTALK' and status = 'SENT' and provider = :provider
                        returning status_version
                        """)
                .param("id", messageId).param("provider", provider).param("now", Timestamp.from(now))
                .param("reason", "AlimTalk not delivered (" + reasonCode + "): sending by SMS/LMS")
                .query(Integer.class).optional();
        if (version.isPresent()) {
            fallBack(messageId, now);
            jdbc.sql("""
                            insert into message_attempt (message_id, number, provider, started_at, finished_at, outcome, detail, channel)
                            select id, attempts, :provider, :now, :now, 'REPORTED_FAILED', :detail, 'ALIMTALK' from message where id = :id
                            on conflict do nothing
                            """)
                    .param("id", messageId).param("provider", provider).param("now", Timestamp.from(now))
                    .param("detail", "delivery report: " + reasonCode).update();
        }
        return version;
    }

    /** From now on this message goes by SMS/LMS only (the vendor refused it, or reported it undelivered). */
    public void fallBack(UUID messageId, Instant at) {
        jdbc.sql("update message_alimtalk set fallen_back_at = coalesce(fallen_back_at, :at) where message_id = :id")
                .param("id", messageId).param("at", Timestamp.from(at)).update();
    }
}
