package kr.madang.notification.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kr.madang.notification.dispatch.SendTracing;
import kr.madang.notification.template.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The message rows: idempotent insert, claiming with a renewable lease, status changes guarded by the claim token. */
@Component
public class MessageStore {

    private final JdbcClient jdbc;
    private final SendTracing tracing;

    public MessageStore(JdbcClient jdbc, SendTracing tracing) {
        this.jdbc = jdbc;
        this.tracing = tracing;
    }

    /** False when the message exists already: one per (source event, recipient, channel, template). */
    public boolean insert(Message m) {
        return jdbc.sql("""
                        insert into message (id, source_event_id, source_event_type, template_code, template_version, channel,
                            language, recipient_key, recipient, recipient_masked, registration_id, agreement_id, forum_event_id,
                            subject, body_text, body_html, sms_type, essential, urgent, unsubscribe_url, status, status_version,
                            reason, attempts, next_attempt_at, correlation_id, created_at, updated_at, traceparent)
                        values (:id, :sourceEventId, :sourceEventType, :templateCode, :templateVersion, :channel, :language,
                            :recipientKey, :recipient, :recipientMasked, :registrationId, :agreementId, :forumEventId,
                            :subject, :bodyText, :bodyHtml, :smsType, :essential, :urgent, :unsubscribeUrl, :status, 1,
                            :reason, 0, :nextAttemptAt, :correlationId, :createdAt, :createdAt, :traceparent)
                        on conflict on constraint message_once do nothing
                        """)
                .param("id", m.id()).param("sourceEventId", m.sourceEventId()).param("sourceEventType", m.sourceEventType())
                .param("templateCode", m.templateCode()).param("templateVersion", m.templateVersion())
                .param("channel", m.channel().name()).param("language", m.language()).param("recipientKey", m.recipientKey())
                .param("recipient", m.recipient()).param("recipientMasked", m.recipientMasked())
                .param("registrationId", m.registrationId()).param("agreementId", m.agreementId())
                .param("forumEventId", m.forumEventId()).param("subject", m.subject()).param("bodyText", m.bodyText())
                .param("bodyHtml", m.bodyHtml()).param("smsType", m.smsType()).param("essential", m.essential())
                .param("urgent", m.urgent()).param("unsubscribeUrl", m.unsubscribeUrl()).param("status", m.status().name())
                .param("reason", m.reason()).param("nextAttemptAt", ts(m.nextAttemptAt()))
                .param("correlationId", m.correlationId()).param("createdAt", ts(m.createdAt()))
                .param("traceparent", tracing.currentTraceparent())
                .update() == 1;
    }

    /** One claim of a message: the token guards its lease renewals and its outcome. */
    public record Claim(Message message, UUID token, String traceparent) {
    }

    /**
     * Claims up to {@code limit} messages for one instance, under a new token: first claims whose lease ran out (their
     * instance died or stalled mid-send), then due messages in due order. Rows locked by another claimer are skipped.
     * Each part reads its own partial index, so a backlog of thousands costs an index range, not a scan and a sort.
     * Each row gets a token of its own: a batch's sends end one by one, and the end of one must not stop renewing the
     * others' leases. Must run in a transaction.
     */
    public List<Claim> claim(String instance, int limit, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                        with expired as (
                            select id from message where status = 'SENDING' and lease_until < :now
                            order by lease_until limit :limit for update skip locked),
                        due as (
                            select id from message where status in ('QUEUED', 'TEMPORARY_FAILURE') and next_attempt_at <= :now
                            order by next_attempt_at limit :limit for update skip locked)
                        update message set status = 'SENDING', status_version = status_version + 1, claimed_by = :instance,
                            claim_token = gen_random_uuid(), lease_until = :leaseUntil, attempts = attempts + 1, updated_at = :now
                        where id in (select id from expired union all (select id from due) limit :limit)
                        returning *
                        """)
                .param("instance", instance).param("leaseUntil", ts(leaseUntil)).param("now", ts(now))
                .param("limit", limit)
                .query((rs, i) -> new Claim(map(rs, i), rs.getObject("claim_token", UUID.class), rs.getString("traceparent")))
                .list();
    }

    /** Extends the leases of claims still held; returns the tokens that were (a missing one was taken over). */
    public Set<UUID> renew(Collection<UUID> tokens, Instant leaseUntil) {
        if (tokens.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        update message set lease_until = :leaseUntil
                        where claim_token in (:tokens) and status = 'SENDING'
                        returning claim_token
                        """)
                .param("leaseUntil", ts(leaseUntil)).param("tokens", tokens)
                .query((rs, i) -> rs.getObject("claim_token", UUID.class)).list());
    }

    /**
     * The outcome of a claim, in the same statement that ends its lease; empty if the claim was lost (its lease ran out
     * and another claim took the message over), so a superseded claimer never overwrites the status.
     * {@code attemptedAt} is when a provider was really asked, or null when nothing was sent (a quiet-hours hold, an
     * erased recipient): that claim gives its attempt back, and the retry window starts at the first real attempt.
     */
    public Optional<Integer> finish(UUID id, UUID token, MessageStatus status, String reason, Instant nextAttemptAt,
                                    String provider, String providerMessageId, Instant attemptedAt, Instant now) {
        return jdbc.sql("""
                        update message set status = :status, status_version = status_version + 1, reason = :reason,
                            attempts = case when cast(:attemptedAt as timestamptz) is null then greatest(attempts - 1, 0) else attempts end,
                            first_attempt_at = coalesce(first_attempt_at, :attemptedAt),
                            next_attempt_at = coalesce(:next, next_attempt_at), lease_until = null, claimed_by = null,
                            claim_token = null,
                            provider = coalesce(:provider, provider), provider_message_id = coalesce(:providerMessageId, provider_message_id),
                            sent_at = case when :status = 'SENT' then :now else sent_at end, updated_at = :now
                        where id = :id and status = 'SENDING' and claim_token = :token
                        returning status_version
                        """)
                .param("status", status.name()).param("reason", reason).param("next", ts(nextAttemptAt))
                .param("provider", provider).param("providerMessageId", providerMessageId).param("now", ts(now))
                .param("attemptedAt", ts(attemptedAt)).param("id", id).param("token", token)
                .query(Integer.class).optional();
    }

    /** A provider's delivery report: only a message that provider accepted moves on. */
    public Optional<Message> report(UUID id, String provider, MessageStatus status, String reason, Instant now) {
        return jdbc.sql("""
                        update message set status = :status, status_version = status_version + 1, reason = :reason,
                            delivered_at = case when :status = 'DELIVERED' then :now else delivered_at end, updated_at = :now
                        where id = :id and channel in ('SMS', 'ALIMTALK') and status = 'SENT' and provider = :provider
                        returning *
                        """)
                .param("status", status.name()).param("reason", reason).param("now", ts(now)).param("id", id)
                .param("provider", provider)
                .query(this::map).optional();
    }

    public void recordAttempt(UUID id, int number, String provider, Instant startedAt, Instant finishedAt, String outcome,
                              String detail) {
        recordAttempt(id, number, provider, startedAt, finishedAt, outcome, detail, null);
    }

    /** {@code channel}: the channel of this try (an AlimTalk message's SMS fallback is an SMS try). */
    public void recordAttempt(UUID id, int number, String provider, Instant startedAt, Instant finishedAt, String outcome,
                              String detail, Channel channel) {
        jdbc.sql("""
                        insert into message_attempt (message_id, number, provider, started_at, finished_at, outcome, detail, channel)
                        values (:id, :number, :provider, :startedAt, :finishedAt, :outcome, :detail, :channel)
                        on conflict do nothing
                        """)
                .param("id", id).param("number", number).param("provider", provider).param("startedAt", ts(startedAt))
                .param("finishedAt", ts(finishedAt)).param("outcome", outcome).param("detail", detail)
                .param("channel", channel == null ? null : channel.name())
                .update();
    }

    public Optional<Message> find(UUID id) {
        return jdbc.sql("select * from message where id = :id").param("id", id).query(this::map).optional();
    }

    public record Attempt(int number, String provider, Instant startedAt, Instant finishedAt, String outcome, String detail,
                          String channel) {
    }

    public List<Attempt> attempts(UUID id) {
        return jdbc.sql("select * from message_attempt where message_id = :id order by started_at, number")
                .param("id", id)
                .query((rs, i) -> new Attempt(rs.getInt("number"), rs.getString("provider"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("outcome"), rs.getString("detail"), rs.getString("channel")))
                .list();
    }

    public record Filter(String sourceEventId, String registrationId, String agreementId, String recipient,
                         MessageStatus status, Channel channel) {
    }

    public record Page(List<Message> items, long total) {
    }

    public Page search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (filter.sourceEventId() != null) {
            where.append(" and source_event_id = ?");
            params.add(filter.sourceEventId());
        }
        if (filter.registrationId() != null) {
            where.append(" and registration_id = ?");
            params.add(filter.registrationId());
        }
        if (filter.agreementId() != null) {
            where.append(" and agreement_id = ?");
            params.add(filter.agreementId());
        }
        if (filter.recipient() != null) {
            where.append(" and lower(recipient) = lower(?)");
            params.add(filter.recipient());
        }
        if (filter.status() != null) {
            where.append(" and status = ?");
            params.add(filter.status().name());
        }
        if (filter.channel() != null) {
            where.append(" and channel = ?");
            params.add(filter.channel().name());
        }
        long total = jdbc.sql("select count(*) from message" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Message> items = jdbc.sql("select * from message" + where + " order by created_at desc, id limit ? offset ?")
                .params(pageParams).query(this::map).list();
        return new Page(items, total);
    }

    /** Erasure: the address and content of a registration's messages go; their statuses stay for the record. */
    public int erasePersonalData(String registrationId) {
        return jdbc.sql("""
                        update message set recipient = null, recipient_masked = '(erased)', subject = null, body_text = null,
                            body_html = null, unsubscribe_url = null
                        where registration_id = :registrationId
                        """)
                .param("registrationId", registrationId).update();
    }

    /** Retention: content and addresses of final messages older than the cut-off are dropped. */
    public int forgetContentBefore(Instant cutoff) {
        return jdbc.sql("""
                        update message set recipient = null, subject = null, body_text = null, body_html = null, unsubscribe_url = null
                        where status in ('SENT', 'DELIVERED', 'PERMANENT_FAILURE', 'TECHNICAL_FAILURE', 'SUPPRESSED')
                          and updated_at < :cutoff and recipient is not null
                        """)
                .param("cutoff", ts(cutoff)).update();
    }

    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("select status, count(*) as n from message group by status")
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    Message map(ResultSet rs, int row) throws SQLException {
        return new Message(rs.getObject("id", UUID.class), rs.getString("source_event_id"), rs.getString("source_event_type"),
                rs.getString("template_code"), rs.getInt("template_version"), Channel.valueOf(rs.getString("channel")),
                rs.getString("language"), rs.getString("recipient_key"), rs.getString("recipient"),
                rs.getString("recipient_masked"), rs.getString("registration_id"), rs.getString("agreement_id"),
                rs.getString("forum_event_id"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                rs.getString("sms_type"), rs.getBoolean("essential"), rs.getBoolean("urgent"), rs.getString("unsubscribe_url"),
                MessageStatus.valueOf(rs.getString("status")), rs.getInt("status_version"), rs.getString("reason"),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("provider"),
                rs.getString("provider_message_id"), rs.getString("correlation_id"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "first_attempt_at"), instant(rs, "sent_at"), instant(rs, "delivered_at"));
    }
}
